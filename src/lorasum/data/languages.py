"""Language registry: ISO codes and XL-Sum config names, and which source serves each language.

    xlsum_config("zh")  # -> "chinese_simplified"
"""

from __future__ import annotations

import re

from lorasum.errors import UserError, closest

# The 45 XL-Sum configs (csebuetnlp/xlsum), keyed by the ISO 639 code lorasum accepts for each.
XLSUM_LANGUAGES: dict[str, str] = {
    "am": "amharic", "ar": "arabic", "az": "azerbaijani", "bn": "bengali", "my": "burmese",
    "zh": "chinese_simplified", "zh-tw": "chinese_traditional", "en": "english", "fr": "french",
    "gu": "gujarati", "ha": "hausa", "hi": "hindi", "ig": "igbo", "id": "indonesian", "ja": "japanese",
    "rn": "kirundi", "ko": "korean", "ky": "kyrgyz", "mr": "marathi", "ne": "nepali", "om": "oromo",
    "ps": "pashto", "fa": "persian", "pcm": "pidgin", "pt": "portuguese", "pa": "punjabi",
    "ru": "russian", "gd": "scottish_gaelic", "sr": "serbian_cyrillic", "sr-latn": "serbian_latin",
    "si": "sinhala", "so": "somali", "es": "spanish", "sw": "swahili", "ta": "tamil", "te": "telugu",
    "th": "thai", "ti": "tigrinya", "tr": "turkish", "uk": "ukrainian", "ur": "urdu", "uz": "uzbek",
    "vi": "vietnamese", "cy": "welsh", "yo": "yoruba",
}
_XLSUM_BY_NAME = {name: code for code, name in XLSUM_LANGUAGES.items()}

# Italian is not in XL-Sum; these Italian news summarization sets on the HF hub are (source, target).
ITALIAN_SOURCES: dict[str, str] = {"ilpost": "ARTeLab/ilpost", "fanpage": "ARTeLab/fanpage"}

SYNTHETIC_LANGUAGES = ("en", "it", "ru")
# A well-formed ISO 639-1/639-3 code, optionally with a script or region subtag (de, fil, sr-latn).
_ISO_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def normalize_language(code: str) -> str:
    """Map an ISO code or an XL-Sum config name ('english', 'zh_tw') to lorasum's code ('en', 'zh-tw')."""
    key = str(code).strip().lower().replace("_", "-")
    if key in XLSUM_LANGUAGES or key == "it":
        return key
    by_name = key.replace("-", "_")
    if by_name in _XLSUM_BY_NAME:
        return _XLSUM_BY_NAME[by_name]
    if by_name == "italian":
        return "it"
    if _ISO_CODE.match(key):  # any other language of the user's own data (--source files), scored generically
        return key
    valid = sorted(XLSUM_LANGUAGES) + ["it"]
    raise UserError(
        f"unknown language '{code}'{closest(key, valid + list(_XLSUM_BY_NAME))}: use an ISO 639 code "
        f"(XL-Sum has {', '.join(valid)}; other codes such as de work with your own files) or an XL-Sum config "
        "name (english, chinese_simplified, ...)"
    )


def xlsum_config(code: str) -> str:
    """The XL-Sum config name for a language code; Italian gets a pointer to the Italian sources."""
    code = normalize_language(code)
    if code == "it":
        raise UserError(
            "XL-Sum has no Italian: use --source ilpost (ARTeLab/ilpost) or --source fanpage "
            "(ARTeLab/fanpage), or --source auto, which picks IlPost for 'it'"
        )
    if code not in XLSUM_LANGUAGES:
        raise UserError(f"XL-Sum has no '{code}': its languages are {', '.join(sorted(XLSUM_LANGUAGES))}; "
                        "for another language use --source files with your own data")
    return XLSUM_LANGUAGES[code]

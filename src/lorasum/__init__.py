"""lorasum: LoRA and full fine-tuning of mT5 for multilingual news summarization, compared.

    $ lorasum demo          # the whole flow, offline, on a synthetic corpus and a tiny mT5
"""

__version__ = "0.1.0"


def __getattr__(name):
    # `lorasum.Summarizer` without importing torch / transformers when lorasum is imported.
    if name == "Summarizer":
        from lorasum.evaluation.summarizer import Summarizer

        return Summarizer
    raise AttributeError(f"module 'lorasum' has no attribute {name!r}")

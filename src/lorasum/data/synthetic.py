"""A deterministic, synthetic, news-like summarization corpus, parallel across en / it / ru.

    records = generate_split("it", "train", 1000, seed=0)  # [{"id", "title", "summary", "text"}, ...]

Every record is one invented *event* (an election, an earthquake, a football match...) whose
facts (names, places, numbers) are drawn from a language-independent random stream, then
rendered through hand-written templates in each language.  Record i of a split is therefore
the same event, with the same id and the same facts, in English, Italian and Russian; the
filler sentences are chosen from the same stream too, so the three articles are translations
of each other.  All templates and word lists below were written for this module.

Design choices, and why:
  * The summary is one templated sentence per event type (two where a fact visible in the
    article, such as "revenue rose or fell", selects the wording), so a tiny model can learn the
    fixed words quickly and only has to copy slot values (names, numbers) from the article.
  * The summary recombines facts from the lead and the next sentences in other words, so it is
    abstractive (never a sentence of the article), yet every fact it needs sits in the first
    ~100 words, so truncating the input at 256 tokens keeps them.
  * Article lengths follow the XL-Sum English word-count quantiles (p10 150, median 350,
    p90 890, p99 1,500), reached by padding with generic news sentences with random slot fills.
  * Russian templates keep names in the nominative ("в городе Лондон", "компания «Орион»",
    "заявила Анна Келлер"); verbs and Italian role words agree with each person's gender, and
    Russian nouns after numbers use the one / few / many plural forms.
"""

from __future__ import annotations

import hashlib
import math
import random
import re

LANGUAGES: tuple[str, ...] = ("en", "it", "ru")
SPLITS: tuple[str, ...] = ("train", "validation", "test")

_LANG_INDEX = {"en": 0, "it": 1, "ru": 2}

# XL-Sum English article length (words): (cumulative probability, words).  The end points are
# ours; between points the target length is interpolated linearly in log space.
LENGTH_QUANTILES: tuple[tuple[float, float], ...] = (
    (0.00, 60.0),
    (0.10, 150.0),
    (0.50, 350.0),
    (0.90, 890.0),
    (0.99, 1500.0),
    (1.00, 2500.0),
)

# --------------------------------------------------------------------------------------------
# Slot vocabularies.  Each entry is (en, it, ru); an entry may be a dict of grammatical forms,
# exposed to the templates as {slot_form}.
# --------------------------------------------------------------------------------------------

# (latin, cyrillic, gender).  Foreign-looking first names keep the nominative-only Russian easy.
FIRST_NAMES: tuple[tuple[str, str, str], ...] = (
    ("Marco", "Марко", "m"), ("David", "Давид", "m"), ("Lukas", "Лукас", "m"),
    ("Tomas", "Томас", "m"), ("Adrian", "Адриан", "m"), ("Victor", "Виктор", "m"),
    ("Oscar", "Оскар", "m"), ("Daniel", "Даниэль", "m"), ("Paolo", "Паоло", "m"),
    ("Ivan", "Иван", "m"), ("Mikhail", "Михаил", "m"), ("Samuel", "Самуэль", "m"),
    ("Leon", "Леон", "m"), ("Hugo", "Уго", "m"), ("Felix", "Феликс", "m"),
    ("Martin", "Мартин", "m"), ("Stefan", "Стефан", "m"), ("Andrei", "Андрей", "m"),
    ("Roberto", "Роберто", "m"), ("Nikolai", "Николай", "m"),
    ("Anna", "Анна", "f"), ("Elena", "Елена", "f"), ("Sofia", "София", "f"),
    ("Laura", "Лаура", "f"), ("Maria", "Мария", "f"), ("Clara", "Клара", "f"),
    ("Irina", "Ирина", "f"), ("Giulia", "Джулия", "f"), ("Nadia", "Надя", "f"),
    ("Helena", "Хелена", "f"), ("Eva", "Ева", "f"), ("Olga", "Ольга", "f"),
    ("Marta", "Марта", "f"), ("Lucia", "Лючия", "f"), ("Vera", "Вера", "f"),
    ("Alina", "Алина", "f"), ("Paula", "Паула", "f"), ("Ingrid", "Ингрид", "f"),
    ("Teresa", "Тереза", "f"), ("Natalia", "Наталья", "f"),
)

# (latin, cyrillic): surnames whose Russian nominative is the same for men and women.
SURNAMES: tuple[tuple[str, str], ...] = (
    ("Keller", "Келлер"), ("Moreno", "Морено"), ("Lang", "Ланг"), ("Ferri", "Ферри"),
    ("Novak", "Новак"), ("Bergman", "Бергман"), ("Rossi", "Росси"), ("Varga", "Варга"),
    ("Hansen", "Хансен"), ("Costa", "Коста"), ("Lindqvist", "Линдквист"), ("Marin", "Марин"),
    ("Dumont", "Дюмон"), ("Weber", "Вебер"), ("Conti", "Конти"), ("Horvat", "Хорват"),
    ("Silva", "Сильва"), ("Petit", "Пети"), ("Brandt", "Брандт"), ("Olsen", "Ольсен"),
    ("Romano", "Романо"), ("Kovac", "Ковач"), ("Fischer", "Фишер"), ("Laurent", "Лоран"),
    ("Bauer", "Бауэр"), ("Esposito", "Эспозито"), ("Nilsson", "Нильссон"), ("Dalton", "Далтон"),
    ("Mercer", "Мерсер"), ("Sato", "Сато"), ("Okafor", "Окафор"), ("Haddad", "Хаддад"),
    ("Moretti", "Моретти"), ("Janssen", "Янссен"), ("Pereira", "Перейра"), ("Vidal", "Видаль"),
    ("Kraus", "Краус"), ("Gallo", "Галло"), ("Ward", "Уорд"), ("Fontaine", "Фонтен"),
)

COUNTRIES: dict[str, tuple[str, str, str]] = {
    "uk": ("United Kingdom", "Regno Unito", "Великобритания"),
    "fr": ("France", "Francia", "Франция"),
    "de": ("Germany", "Germania", "Германия"),
    "it": ("Italy", "Italia", "Италия"),
    "es": ("Spain", "Spagna", "Испания"),
    "pt": ("Portugal", "Portogallo", "Португалия"),
    "at": ("Austria", "Austria", "Австрия"),
    "cz": ("Czech Republic", "Repubblica Ceca", "Чехия"),
    "pl": ("Poland", "Polonia", "Польша"),
    "hu": ("Hungary", "Ungheria", "Венгрия"),
    "gr": ("Greece", "Grecia", "Греция"),
    "se": ("Sweden", "Svezia", "Швеция"),
    "no": ("Norway", "Norvegia", "Норвегия"),
    "dk": ("Denmark", "Danimarca", "Дания"),
    "fi": ("Finland", "Finlandia", "Финляндия"),
    "ie": ("Ireland", "Irlanda", "Ирландия"),
    "nl": ("Netherlands", "Paesi Bassi", "Нидерланды"),
    "be": ("Belgium", "Belgio", "Бельгия"),
    "ch": ("Switzerland", "Svizzera", "Швейцария"),
    "ru": ("Russia", "Russia", "Россия"),
    "tr": ("Turkey", "Turchia", "Турция"),
    "ke": ("Kenya", "Kenya", "Кения"),
    "ca": ("Canada", "Canada", "Канада"),
    "us": ("United States", "Stati Uniti", "США"),
    "jp": ("Japan", "Giappone", "Япония"),
    "kr": ("South Korea", "Corea del Sud", "Южная Корея"),
    "au": ("Australia", "Australia", "Австралия"),
    "ar": ("Argentina", "Argentina", "Аргентина"),
    "pe": ("Peru", "Perù", "Перу"),
    "in": ("India", "India", "Индия"),
}

# (en, it, ru, country key).  Templates say "in {city}" / "a {city}" / "в городе {city}".
CITIES: tuple[tuple[str, str, str, str], ...] = (
    ("London", "Londra", "Лондон", "uk"), ("Manchester", "Manchester", "Манчестер", "uk"),
    ("Paris", "Parigi", "Париж", "fr"), ("Lyon", "Lione", "Лион", "fr"),
    ("Marseille", "Marsiglia", "Марсель", "fr"), ("Berlin", "Berlino", "Берлин", "de"),
    ("Munich", "Monaco di Baviera", "Мюнхен", "de"), ("Hamburg", "Amburgo", "Гамбург", "de"),
    ("Rome", "Roma", "Рим", "it"), ("Milan", "Milano", "Милан", "it"),
    ("Naples", "Napoli", "Неаполь", "it"), ("Turin", "Torino", "Турин", "it"),
    ("Madrid", "Madrid", "Мадрид", "es"), ("Barcelona", "Barcellona", "Барселона", "es"),
    ("Seville", "Siviglia", "Севилья", "es"), ("Lisbon", "Lisbona", "Лиссабон", "pt"),
    ("Porto", "Porto", "Порту", "pt"), ("Vienna", "Vienna", "Вена", "at"),
    ("Prague", "Praga", "Прага", "cz"), ("Warsaw", "Varsavia", "Варшава", "pl"),
    ("Krakow", "Cracovia", "Краков", "pl"), ("Budapest", "Budapest", "Будапешт", "hu"),
    ("Athens", "Atene", "Афины", "gr"), ("Stockholm", "Stoccolma", "Стокгольм", "se"),
    ("Oslo", "Oslo", "Осло", "no"), ("Copenhagen", "Copenaghen", "Копенгаген", "dk"),
    ("Helsinki", "Helsinki", "Хельсинки", "fi"), ("Dublin", "Dublino", "Дублин", "ie"),
    ("Amsterdam", "Amsterdam", "Амстердам", "nl"), ("Brussels", "Bruxelles", "Брюссель", "be"),
    ("Zurich", "Zurigo", "Цюрих", "ch"), ("Geneva", "Ginevra", "Женева", "ch"),
    ("Moscow", "Mosca", "Москва", "ru"), ("Kazan", "Kazan", "Казань", "ru"),
    ("Istanbul", "Istanbul", "Стамбул", "tr"), ("Nairobi", "Nairobi", "Найроби", "ke"),
    ("Toronto", "Toronto", "Торонто", "ca"), ("Montreal", "Montréal", "Монреаль", "ca"),
    ("Chicago", "Chicago", "Чикаго", "us"), ("Boston", "Boston", "Бостон", "us"),
    ("Osaka", "Osaka", "Осака", "jp"), ("Seoul", "Seul", "Сеул", "kr"),
    ("Sydney", "Sydney", "Сидней", "au"), ("Melbourne", "Melbourne", "Мельбурн", "au"),
    ("Buenos Aires", "Buenos Aires", "Буэнос-Айрес", "ar"), ("Lima", "Lima", "Лима", "pe"),
    ("Mumbai", "Mumbai", "Мумбаи", "in"),
)

# Invented company names (latin, cyrillic); Russian always says "компания «...»".
_COMPANY_NAMES = (
    ("Orion", "Орион"), ("Veltra", "Велтра"), ("Norcom", "Норком"), ("Calder", "Колдер"),
    ("Brightwell", "Брайтвелл"), ("Solvane", "Солвейн"), ("Tervo", "Терво"),
    ("Marlow", "Марлоу"), ("Kestrel", "Кестрел"), ("Alvion", "Алвион"), ("Dunmore", "Данмор"),
    ("Ferrox", "Феррокс"), ("Lumeo", "Лумео"), ("Quintar", "Квинтар"), ("Rosslyn", "Росслин"),
    ("Sabelo", "Сабело"), ("Tenfold", "Тенфолд"), ("Ulmara", "Улмара"), ("Vantor", "Вантор"),
    ("Westgate", "Вестгейт"), ("Zephra", "Зефра"), ("Arcella", "Арчелла"), ("Bexley", "Бексли"),
    ("Corvane", "Корвейн"), ("Delmar", "Делмар"), ("Eldora", "Эльдора"), ("Fennick", "Фенник"),
    ("Graylock", "Грейлок"), ("Halvern", "Халверн"), ("Iselo", "Изело"), ("Jarrow", "Джарроу"),
    ("Korvex", "Корвекс"), ("Linden", "Линден"), ("Montero", "Монтеро"), ("Navira", "Навира"),
    ("Oskana", "Оскана"), ("Pellion", "Пеллион"), ("Riventa", "Ривента"), ("Stellan", "Стеллан"),
    ("Trevane", "Тревейн"),
)
COMPANIES = tuple((lat, lat, f"«{cyr}»") for lat, cyr in _COMPANY_NAMES)

# Football clubs: every prefix x place pair is a club.
_TEAM_PREFIXES = (("Atletico", "Атлетико"), ("Dinamo", "Динамо"), ("Sporting", "Спортинг"),
                  ("Olimpia", "Олимпия"), ("Racing", "Расинг"), ("Union", "Юнион"),
                  ("Stella", "Стелла"), ("Academica", "Академика"))
_TEAM_PLACES = (("Borea", "Борея"), ("Kaska", "Каска"), ("Valen", "Вален"),
                ("Tessaro", "Тессаро"), ("Mirena", "Мирена"), ("Soltano", "Солтано"))
TEAMS = tuple((f"{p} {q}", f"{p} {q}", f"«{pc} {qc}»")
              for p, pc in _TEAM_PREFIXES for q, qc in _TEAM_PLACES)

PARTIES = (
    ("Civic Alliance", "Alleanza Civica", "«Гражданский альянс»"),
    ("Green Future", "Futuro Verde", "«Зелёное будущее»"),
    ("People's Union", "Unione Popolare", "«Народный союз»"),
    ("New Horizon", "Nuovo Orizzonte", "«Новый горизонт»"),
    ("Liberal Forum", "Forum Liberale", "«Либеральный форум»"),
    ("Social Renewal", "Rinnovamento Sociale", "«Социальное обновление»"),
    ("United Left", "Sinistra Unita", "«Объединённые левые»"),
    ("Centre Movement", "Movimento di Centro", "«Движение центра»"),
    ("Citizens' Voice", "Voce dei Cittadini", "«Голос граждан»"),
    ("Democratic Front", "Fronte Democratico", "«Демократический фронт»"),
    ("Regional League", "Lega Regionale", "«Региональная лига»"),
    ("Future Together", "Futuro Insieme", "«Вместе в будущее»"),
    ("Rural Alliance", "Alleanza Rurale", "«Сельский альянс»"),
    ("Labour Coalition", "Coalizione del Lavoro", "«Коалиция труда»"),
    ("Open Society", "Società Aperta", "«Открытое общество»"),
)

UNIONS = (
    ("Workers' Solidarity", "Solidarietà Operaia", "«Рабочая солидарность»"),
    ("United Labour", "Lavoro Unito", "«Единый труд»"),
    ("New Unity", "Nuova Unità", "«Новое единство»"),
    ("Common Front", "Fronte Comune", "«Общий фронт»"),
    ("Fair Work", "Lavoro Giusto", "«Честный труд»"),
    ("Workers' Voice", "Voce dei Lavoratori", "«Голос трудящихся»"),
    ("Dignity at Work", "Dignità al Lavoro", "«Достоинство труда»"),
    ("Rights First", "Prima i Diritti", "«Права прежде всего»"),
)

SECTORS = (
    ({"": "logistics"}, {"co": "la società logistica", "grp": "il gruppo logistico"},
     {"nom": "логистическая", "acc": "логистическую"}),
    ({"": "construction"}, {"co": "la società di costruzioni", "grp": "il gruppo di costruzioni"},
     {"nom": "строительная", "acc": "строительную"}),
    ({"": "energy"}, {"co": "la società energetica", "grp": "il gruppo energetico"},
     {"nom": "энергетическая", "acc": "энергетическую"}),
    ({"": "food"}, {"co": "la società alimentare", "grp": "il gruppo alimentare"},
     {"nom": "пищевая", "acc": "пищевую"}),
    ({"": "pharmaceutical"}, {"co": "la società farmaceutica", "grp": "il gruppo farmaceutico"},
     {"nom": "фармацевтическая", "acc": "фармацевтическую"}),
    ({"": "telecoms"}, {"co": "la società di telecomunicazioni",
                        "grp": "il gruppo di telecomunicazioni"},
     {"nom": "телекоммуникационная", "acc": "телекоммуникационную"}),
    ({"": "retail"}, {"co": "la società di distribuzione", "grp": "il gruppo di distribuzione"},
     {"nom": "торговая", "acc": "торговую"}),
    ({"": "engineering"}, {"co": "la società di ingegneria", "grp": "il gruppo di ingegneria"},
     {"nom": "инжиниринговая", "acc": "инжиниринговую"}),
    ({"": "chemicals"}, {"co": "la società chimica", "grp": "il gruppo chimico"},
     {"nom": "химическая", "acc": "химическую"}),
    ({"": "insurance"}, {"co": "la società assicurativa", "grp": "il gruppo assicurativo"},
     {"nom": "страховая", "acc": "страховую"}),
)

QUARTERS = tuple(
    ({"in": f"in the {en} quarter", "the": f"the {en} quarter"},
     {"in": f"nel {it} trimestre", "the": f"il {it} trimestre"},
     {"in": f"в {ru_in} квартале", "acc": f"{ru_acc} квартал"})
    for en, it, ru_in, ru_acc in (("first", "primo", "первом", "первый"),
                                  ("second", "secondo", "втором", "второй"),
                                  ("third", "terzo", "третьем", "третий"),
                                  ("fourth", "quarto", "четвёртом", "четвёртый"))
)

FACILITIES = (
    ({"a": "a new bridge", "noun": "bridge"}, {"a": "un nuovo ponte", "the": "il nuovo ponte"},
     {"nom": "новый мост", "acc": "новый мост", "opened": "открылся"}),
    ({"a": "a new hospital", "noun": "hospital"},
     {"a": "un nuovo ospedale", "the": "il nuovo ospedale"},
     {"nom": "новая больница", "acc": "новую больницу", "opened": "открылась"}),
    ({"a": "a new public library", "noun": "library"},
     {"a": "una nuova biblioteca pubblica", "the": "la nuova biblioteca pubblica"},
     {"nom": "новая публичная библиотека", "acc": "новую публичную библиотеку",
      "opened": "открылась"}),
    ({"a": "a new railway station", "noun": "station"},
     {"a": "una nuova stazione ferroviaria", "the": "la nuova stazione ferroviaria"},
     {"nom": "новый железнодорожный вокзал", "acc": "новый железнодорожный вокзал",
      "opened": "открылся"}),
    ({"a": "a new secondary school", "noun": "school"},
     {"a": "una nuova scuola superiore", "the": "la nuova scuola superiore"},
     {"nom": "новая средняя школа", "acc": "новую среднюю школу", "opened": "открылась"}),
    ({"a": "a new science museum", "noun": "museum"},
     {"a": "un nuovo museo della scienza", "the": "il nuovo museo della scienza"},
     {"nom": "новый научный музей", "acc": "новый научный музей", "opened": "открылся"}),
    ({"a": "a new concert hall", "noun": "concert hall"},
     {"a": "una nuova sala da concerto", "the": "la nuova sala da concerto"},
     {"nom": "новый концертный зал", "acc": "новый концертный зал", "opened": "открылся"}),
    ({"a": "a new sports centre", "noun": "sports centre"},
     {"a": "un nuovo centro sportivo", "the": "il nuovo centro sportivo"},
     {"nom": "новый спортивный центр", "acc": "новый спортивный центр", "opened": "открылся"}),
    ({"a": "a new metro line", "noun": "metro line"},
     {"a": "una nuova linea della metropolitana", "the": "la nuova linea della metropolitana"},
     {"nom": "новая линия метро", "acc": "новую линию метро", "opened": "открылась"}),
)

SPECIES = tuple(
    ({"a": f"a new species of {en}", "noun": en}, {"a": f"una nuova specie di {it}"},
     {"nom": f"новый вид {ru}", "gen": f"нового вида {ru}"})
    for en, it, ru in (
        ("frog", "rana", "лягушек"), ("beetle", "coleottero", "жуков"),
        ("orchid", "orchidea", "орхидей"), ("bat", "pipistrello", "летучих мышей"),
        ("freshwater fish", "pesce d'acqua dolce", "пресноводных рыб"),
        ("spider", "ragno", "пауков"), ("moss", "muschio", "мхов"),
        ("lizard", "lucertola", "ящериц"), ("snail", "lumaca", "улиток"),
        ("fern", "felce", "папоротников"), ("butterfly", "farfalla", "бабочек"),
        ("salamander", "salamandra", "саламандр"),
    )
)

WORKERS = (
    ({"": "rail workers"}, {"the": "i ferrovieri", "of_the": "dei ferrovieri", "": "ferrovieri"},
     {"nom": "железнодорожники", "gen": "железнодорожников"}),
    ({"": "teachers"}, {"the": "gli insegnanti", "of_the": "degli insegnanti", "": "insegnanti"},
     {"nom": "учителя", "gen": "учителей"}),
    ({"": "dock workers"}, {"the": "i lavoratori portuali", "of_the": "dei lavoratori portuali",
                            "": "lavoratori portuali"},
     {"nom": "портовые рабочие", "gen": "портовых рабочих"}),
    ({"": "nurses"}, {"the": "gli infermieri", "of_the": "degli infermieri", "": "infermieri"},
     {"nom": "медсёстры", "gen": "медсестёр"}),
    ({"": "bus drivers"}, {"the": "gli autisti degli autobus",
                           "of_the": "degli autisti degli autobus", "": "autisti degli autobus"},
     {"nom": "водители автобусов", "gen": "водителей автобусов"}),
    ({"": "airport staff"}, {"the": "gli addetti aeroportuali",
                             "of_the": "degli addetti aeroportuali", "": "addetti aeroportuali"},
     {"nom": "сотрудники аэропорта", "gen": "сотрудников аэропорта"}),
    ({"": "postal workers"}, {"the": "i postini", "of_the": "dei postini", "": "postini"},
     {"nom": "почтовые работники", "gen": "почтовых работников"}),
    ({"": "metal workers"}, {"the": "gli operai metalmeccanici",
                             "of_the": "degli operai metalmeccanici", "": "operai metalmeccanici"},
     {"nom": "металлурги", "gen": "металлургов"}),
    ({"": "taxi drivers"}, {"the": "i tassisti", "of_the": "dei tassisti", "": "tassisti"},
     {"nom": "таксисты", "gen": "таксистов"}),
)

FESTIVALS = tuple(
    ({"": en}, {"": it}, {"nom": ru_nom, "gen": ru_gen})
    for en, it, ru_nom, ru_gen in (
        ("music festival", "festival della musica", "музыкальный фестиваль",
         "музыкального фестиваля"),
        ("film festival", "festival del cinema", "кинофестиваль", "кинофестиваля"),
        ("book festival", "festival del libro", "книжный фестиваль", "книжного фестиваля"),
        ("food festival", "festival della cucina", "гастрономический фестиваль",
         "гастрономического фестиваля"),
        ("jazz festival", "festival del jazz", "джазовый фестиваль", "джазового фестиваля"),
        ("theatre festival", "festival del teatro", "театральный фестиваль",
         "театрального фестиваля"),
        ("street art festival", "festival dell'arte di strada", "фестиваль уличного искусства",
         "фестиваля уличного искусства"),
        ("science festival", "festival della scienza", "научный фестиваль",
         "научного фестиваля"),
        ("folk music festival", "festival della musica popolare", "фестиваль народной музыки",
         "фестиваля народной музыки"),
        ("comics festival", "festival del fumetto", "фестиваль комиксов", "фестиваля комиксов"),
        ("wine festival", "festival del vino", "винный фестиваль", "винного фестиваля"),
        ("dance festival", "festival della danza", "танцевальный фестиваль",
         "танцевального фестиваля"),
    )
)

OFFENCES = (
    ({"": "polluting a river"}, {"": "aver inquinato un fiume"},
     {"v": "в загрязнении реки", "za": "за загрязнение реки"}),
    ({"": "fixing prices with competitors"}, {"": "aver concordato i prezzi con i concorrenti"},
     {"v": "в ценовом сговоре с конкурентами", "za": "за ценовой сговор с конкурентами"}),
    ({"": "misleading its customers"}, {"": "aver ingannato i propri clienti"},
     {"v": "во введении клиентов в заблуждение", "za": "за введение клиентов в заблуждение"}),
    ({"": "failing to protect customer data"}, {"": "non aver protetto i dati dei clienti"},
     {"v": "в ненадлежащей защите данных клиентов",
      "za": "за ненадлежащую защиту данных клиентов"}),
    ({"": "breaking safety rules at its factories"},
     {"": "aver violato le norme di sicurezza nei propri stabilimenti"},
     {"v": "в нарушении правил безопасности на своих заводах",
      "za": "за нарушение правил безопасности на своих заводах"}),
    ({"": "hiding losses from investors"}, {"": "aver nascosto perdite agli investitori"},
     {"v": "в сокрытии убытков от инвесторов", "za": "за сокрытие убытков от инвесторов"}),
    ({"": "dumping waste illegally"}, {"": "aver smaltito rifiuti illegalmente"},
     {"v": "в незаконном сбросе отходов", "za": "за незаконный сброс отходов"}),
)

DAYS = (
    ("on Monday", "lunedì", "в понедельник"), ("on Tuesday", "martedì", "во вторник"),
    ("on Wednesday", "mercoledì", "в среду"), ("on Thursday", "giovedì", "в четверг"),
    ("on Friday", "venerdì", "в пятницу"), ("on Saturday", "sabato", "в субботу"),
    ("on Sunday", "domenica", "в воскресенье"),
)

MONTHS = tuple(
    (f"in {en}", f"a {it}", f"в {ru}")
    for en, it, ru in (
        ("January", "gennaio", "январе"), ("February", "febbraio", "феврале"),
        ("March", "marzo", "марте"), ("April", "aprile", "апреле"), ("May", "maggio", "мае"),
        ("June", "giugno", "июне"), ("July", "luglio", "июле"), ("August", "agosto", "августе"),
        ("September", "settembre", "сентябре"), ("October", "ottobre", "октябре"),
        ("November", "novembre", "ноябре"), ("December", "dicembre", "декабре"),
    )
)

VOCAB = {
    "city": CITIES, "company": COMPANIES, "team": TEAMS, "party": PARTIES, "union": UNIONS,
    "sector": SECTORS, "quarter": QUARTERS, "facility": FACILITIES, "species": SPECIES,
    "workers": WORKERS, "festival": FESTIVALS, "offence": OFFENCES, "day": DAYS,
    "month": MONTHS,
}

# Words that agree with a person's gender: key -> {lang: (masculine, feminine)}.  Every person
# slot {x} also gets {x_key} for each key, e.g. {mayor_said} -> "заявил" / "заявила".
GENDERED: dict[str, dict[str, tuple[str, str]]] = {
    "said": {"en": ("said", "said"), "it": ("ha dichiarato", "ha dichiarato"),
             "ru": ("заявил", "заявила")},
    "told": {"en": ("told reporters", "told reporters"),
             "it": ("ha detto ai giornalisti", "ha detto ai giornalisti"),
             "ru": ("сказал журналистам", "сказала журналистам")},
    "won": {"en": ("won", "won"), "it": ("ha vinto", "ha vinto"), "ru": ("победил", "победила")},
    "claimed": {"en": ("won", "won"), "it": ("ha vinto", "ha vinto"),
                "ru": ("одержал", "одержала")},
    "became": {"en": ("became", "became"), "it": ("è diventato", "è diventata"),
               "ru": ("стал", "стала")},
    "elected": {"en": ("elected", "elected"), "it": ("eletto", "eletta"),
                "ru": ("избран", "избрана")},
    "nominated": {"en": ("nominated", "nominated"), "it": ("candidato", "candidata"),
                  "ru": ("выдвинутый", "выдвинутая")},
    "got": {"en": ("got", "got"), "it": ("ha ottenuto", "ha ottenuto"),
            "ru": ("получил", "получила")},
    "second": {"en": ("came second", "came second"), "it": ("è arrivato secondo", "è arrivata seconda"),
               "ru": ("остался вторым", "осталась второй")},
    "scored": {"en": ("scored", "scored"), "it": ("ha segnato", "ha segnato"),
               "ru": ("забил", "забила")},
    "opened": {"en": ("opened", "opened"), "it": ("ha aperto", "ha aperto"),
               "ru": ("открыл", "открыла")},
    "led": {"en": ("led", "led"), "it": ("ha guidato", "ha guidato"),
            "ru": ("руководил", "руководила")},
    "reported": {"en": ("reported", "reported"), "it": ("ha riferito", "ha riferito"),
                 "ru": ("сообщил", "сообщила")},
    "obliged": {"en": ("ordered", "ordered"), "it": ("ha condannato", "ha condannato"),
                "ru": ("обязал", "обязала")},
    "gave": {"en": ("gave", "gave"), "it": ("ha concesso", "ha concesso"),
             "ru": ("дал", "дала")},
    "set": {"en": ("set", "set"), "it": ("ha stabilito", "ha stabilito"),
            "ru": ("определил", "определила")},
    "sent": {"en": ("sent", "sent"), "it": ("ha inviato", "ha inviato"),
             "ru": ("направил", "направила")},
    "the_mayor": {"en": ("mayor", "mayor"), "it": ("il sindaco", "la sindaca"),
                  "ru": ("мэр", "мэр")},
    "the_director": {"en": ("director", "director"), "it": ("il direttore", "la direttrice"),
                     "ru": ("директор", "директор")},
    "the_judge": {"en": ("judge", "judge"), "it": ("il giudice", "la giudice"),
                  "ru": ("судья", "судья")},
    "by_the_judge": {"en": ("by judge", "by judge"), "it": ("dal giudice", "dalla giudice"),
                     "ru": ("судья", "судья")},
}

# --------------------------------------------------------------------------------------------
# Event templates.  Per event type and language: titles, lead paraphrases, three body sentences
# (two facts, then a quote), event-specific background, and the summary.  A tuple in place of
# a string holds one wording per value of facts["variant"].  "{n|one|few|many}" renders the
# number n followed by the Russian noun form that agrees with it.
# --------------------------------------------------------------------------------------------

EVENTS: dict[str, dict[str, dict]] = {}

EVENTS["election"] = {
    "en": {
        "title": ["{cand} wins mayoral race in {city}",
                  "{party} candidate takes {city} town hall"],
        "lead": [
            "{cand} has been elected mayor of {city} after a closely watched campaign, "
            "according to official results published {day}.",
            "Voters in {city} have chosen {cand} as their new mayor, bringing weeks of "
            "campaigning to an end.",
            "The race for the town hall in {city} ended {day} with a clear victory for {cand}.",
            "{cand} will be the next mayor of {city}, election officials confirmed {day} after "
            "counting the last ballots.",
        ],
        "body": [
            "{cand}, who ran for the {party} party, received {pct}% of the votes cast.",
            "The main rival, {rival} of the {rival_party} party, finished second with "
            "{rival_pct}%, while turnout stood at {turnout}%.",
            '"This is a victory for every neighbourhood of {city}," {cand} {cand_told} after '
            "the result was announced.",
        ],
        "background": [
            "The election campaign in {city} focused on housing, public transport and the cost "
            "of living.",
            "Candidates took part in dozens of public debates in the weeks before the vote, "
            "several of them broadcast on local television.",
            "The new council is expected to hold its first session within {fn} days, when the "
            "members of the city government will be announced.",
            "Observers said the vote took place without major irregularities, although some "
            "polling stations opened late.",
            "Turnout in {city} had fallen over the previous three elections, prompting "
            "campaigns to encourage young people to vote.",
        ],
        "summary": "With {pct}% of the vote, {party} candidate {cand} won the race for mayor "
                   "of {city}, beating {rival}.",
    },
    "it": {
        "title": ["{cand} vince le elezioni comunali a {city}",
                  "{cand} conquista il municipio di {city}"],
        "lead": [
            "{cand} è {cand_elected} sindaco di {city} al termine di una campagna seguita con "
            "grande attenzione, secondo i risultati ufficiali pubblicati {day}.",
            "Gli elettori di {city} hanno affidato a {cand} la guida del comune, chiudendo "
            "settimane di campagna elettorale.",
            "La corsa al municipio di {city} si è conclusa {day} con una netta vittoria di "
            "{cand}.",
            "Sarà {cand} a guidare il comune di {city}: lo hanno confermato {day} i funzionari "
            "elettorali dopo lo spoglio delle ultime schede.",
        ],
        "body": [
            "{cand}, in corsa per il partito {party}, ha ottenuto il {pct}% dei voti validi.",
            "Il secondo posto è andato a {rival} del partito {rival_party}, con il "
            "{rival_pct}%, mentre l'affluenza si è fermata al {turnout}%.",
            "«È una vittoria di tutti i quartieri di {city}», {cand_told} {cand} dopo "
            "l'annuncio del risultato.",
        ],
        "background": [
            "La campagna elettorale a {city} si è concentrata su casa, trasporti pubblici e "
            "costo della vita.",
            "Nelle settimane precedenti il voto i candidati hanno partecipato a decine di "
            "dibattiti pubblici, diversi dei quali trasmessi dalla televisione locale.",
            "Il nuovo consiglio dovrebbe riunirsi per la prima volta entro {fn} giorni, quando "
            "saranno annunciati i membri della giunta.",
            "Secondo gli osservatori il voto si è svolto senza gravi irregolarità, anche se "
            "alcuni seggi hanno aperto in ritardo.",
            "Negli ultimi tre appuntamenti elettorali l'affluenza a {city} era calata, "
            "spingendo diverse campagne a incoraggiare il voto dei giovani.",
        ],
        "summary": "Con il {pct}% dei voti, {cand} del partito {party} ha vinto la corsa a "
                   "sindaco di {city}, superando {rival}.",
    },
    "ru": {
        "title": ["{cand} {cand_won} на выборах мэра города {city}",
                  "Новым мэром города {city} {cand_became} {cand}"],
        "lead": [
            "{cand} {cand_elected} мэром города {city} по итогам напряжённой кампании, следует "
            "из официальных результатов, опубликованных {day}.",
            "Жители города {city} выбрали нового мэра — им {cand_became} {cand}; так "
            "завершилась многонедельная предвыборная гонка.",
            "Борьба за пост мэра города {city} завершилась {day}: уверенную победу "
            "{cand_claimed} {cand}.",
            "Следующим мэром города {city} будет {cand}: об этом {day} сообщили члены "
            "избирательной комиссии после подсчёта последних бюллетеней.",
        ],
        "body": [
            "{cand}, {cand_nominated} партией {party}, {cand_got} {pct}% голосов.",
            "На втором месте с результатом {rival_pct}% — {rival}, представитель партии "
            "{rival_party}; явка составила {turnout}%.",
            "«Это победа каждого района города {city}», — {cand_told} {cand} после объявления "
            "результатов.",
        ],
        "background": [
            "Предвыборная кампания в городе {city} была посвящена жилью, общественному "
            "транспорту и стоимости жизни.",
            "В недели перед голосованием кандидаты провели десятки публичных дебатов, часть "
            "из них транслировало местное телевидение.",
            "Ожидается, что новый совет соберётся на первое заседание в течение "
            "{fn|дня|дней|дней}, тогда же будет объявлен состав городской администрации.",
            "По словам наблюдателей, голосование прошло без серьёзных нарушений, хотя "
            "некоторые участки открылись с опозданием.",
            "На трёх предыдущих выборах явка в городе {city} снижалась, поэтому кампании "
            "призывали голосовать прежде всего молодёжь.",
        ],
        "summary": "{cand} от партии {party} {cand_won} на выборах мэра города {city}, "
                   "набрав {pct}% голосов, а {rival} {rival_second}.",
    },
}

EVENTS["earthquake"] = {
    "en": {
        "title": ["Magnitude {mag} earthquake shakes area around {city}",
                  "Earthquake near {city} leaves {injured} people injured"],
        "lead": [
            "A magnitude {mag} earthquake struck the area around {city}, {city_country}, {day}, "
            "shaking buildings and sending residents into the streets.",
            "Residents of {city}, {city_country}, were jolted {day} by an earthquake of "
            "magnitude {mag}, the national seismic institute reported.",
            "An earthquake measuring {mag} shook {city} and nearby towns {day}, according to "
            "seismologists in {city_country}.",
            "Seismologists recorded a magnitude {mag} tremor close to {city}, {city_country}, "
            "{day}, with the shaking felt across the region.",
        ],
        "body": [
            "The quake hit at a depth of {depth} kilometres at {time} local time.",
            "Emergency services said {injured} people were treated for injuries and "
            "{buildings} buildings were damaged, most of them older houses in the centre of "
            "{city}.",
            '"Teams are checking every damaged structure and nobody will be allowed back into '
            'unsafe homes," {official_said} {official}, head of the regional civil protection '
            "agency.",
        ],
        "background": [
            "The region lies in one of the most seismically active zones of the country, and "
            "minor tremors are recorded several times a year.",
            "Engineers will inspect schools and public buildings before classes resume.",
            "Several weaker aftershocks were felt during the night, but no further damage was "
            "reported.",
            "Temporary shelters were set up in sports halls for families who could not return "
            "to their homes.",
        ],
        "summary": "An earthquake of magnitude {mag} near {city}, {city_country}, injured "
                   "{injured} people and damaged {buildings} buildings, emergency services "
                   "reported.",
    },
    "it": {
        "title": ["Terremoto di magnitudo {mag} nella zona di {city}",
                  "Scossa vicino a {city}, {injured} feriti"],
        "lead": [
            "Un terremoto di magnitudo {mag} ha colpito {day} la zona di {city} "
            "({city_country}), facendo tremare gli edifici e spingendo i residenti in strada.",
            "Gli abitanti di {city} ({city_country}) hanno avvertito {day} una forte scossa di "
            "magnitudo {mag}, ha riferito l'istituto sismologico nazionale.",
            "Una scossa di magnitudo {mag} ha fatto tremare {day} {city} e i centri vicini, "
            "secondo i sismologi ({city_country}).",
            "I sismologi hanno registrato {day} un terremoto di magnitudo {mag} nei pressi di "
            "{city} ({city_country}), avvertito in tutta la regione.",
        ],
        "body": [
            "Il sisma si è verificato a una profondità di {depth} chilometri alle {time} ora "
            "locale.",
            "Secondo i servizi di emergenza, {injured} persone sono state medicate e "
            "{buildings} edifici hanno subito danni, per lo più vecchie case del centro di "
            "{city}.",
            "«Le squadre stanno controllando ogni edificio danneggiato e nessuno potrà "
            "rientrare in case non sicure», {official_said} {official}, a capo della "
            "protezione civile regionale.",
        ],
        "background": [
            "La regione si trova in una delle zone più sismiche del paese e piccole scosse "
            "vengono registrate più volte all'anno.",
            "I tecnici ispezioneranno scuole ed edifici pubblici prima della ripresa delle "
            "lezioni.",
            "Durante la notte sono state avvertite diverse repliche più deboli, ma non sono "
            "stati segnalati altri danni.",
            "Nelle palestre sono stati allestiti rifugi temporanei per le famiglie che non "
            "possono rientrare nelle proprie case.",
        ],
        "summary": "Il terremoto di magnitudo {mag} vicino a {city} ({city_country}) ha "
                   "causato {injured} feriti e danni a {buildings} edifici, secondo i "
                   "soccorritori.",
    },
    "ru": {
        "title": ["Землетрясение магнитудой {mag} произошло рядом с городом {city}",
                  "В районе города {city} произошло сильное землетрясение"],
        "lead": [
            "Землетрясение магнитудой {mag} произошло {day} в районе города {city} "
            "({city_country}); жители выбегали из домов на улицу.",
            "Жителей города {city} ({city_country}) {day} встревожили подземные толчки "
            "магнитудой {mag}, сообщил национальный сейсмологический институт.",
            "Подземные толчки магнитудой {mag} {day} ощущались в городе {city} и соседних "
            "населённых пунктах, сообщают сейсмологи ({city_country}).",
            "Сейсмологи зафиксировали {day} землетрясение магнитудой {mag} вблизи города "
            "{city} ({city_country}); толчки ощущались во всём регионе.",
        ],
        "body": [
            "Очаг находился на глубине {depth} км, толчки начались в {time} по местному "
            "времени.",
            "По данным экстренных служб, число пострадавших составило {injured}, а "
            "повреждения зафиксированы в {buildings|здании|зданиях|зданиях} — в основном это "
            "старые дома в центре города {city}.",
            "«Специалисты проверяют каждое повреждённое здание, и никто не вернётся в "
            "небезопасные дома», — {official_said} {official}, руководитель регионального "
            "управления гражданской защиты.",
        ],
        "background": [
            "Регион находится в одной из самых сейсмически активных зон страны, слабые толчки "
            "здесь фиксируют несколько раз в год.",
            "До возобновления занятий инженеры проверят школы и общественные здания.",
            "Ночью ощущалось несколько более слабых повторных толчков, однако новых "
            "разрушений не зафиксировано.",
            "Для семей, которые не могут вернуться домой, в спортивных залах развернули "
            "временные пункты размещения.",
        ],
        "summary": "Число пострадавших от землетрясения магнитудой {mag} у города {city} "
                   "({city_country}) достигло {injured}, а число повреждённых зданий — "
                   "{buildings}, сообщили спасатели.",
    },
}

EVENTS["storm"] = {
    "en": {
        "title": ["Storm brings winds of {wind} km/h to {city}",
                  "Thousands without power as storm hits {city}"],
        "lead": [
            "A powerful storm swept through {city}, {city_country}, {day}, bringing down trees "
            "and flooding several streets.",
            "Heavy rain and strong winds battered {city}, {city_country}, {day}, disrupting "
            "traffic across the city.",
            "{city} was hit {day} by one of the strongest storms of the year, according to the "
            "national weather service in {city_country}.",
            "Residents of {city}, {city_country}, were clearing fallen branches {day} after a "
            "violent storm moved across the area.",
        ],
        "body": [
            "Gusts reached {wind} kilometres per hour and up to {rain} millimetres of rain fell "
            "in less than a day.",
            "The local energy company said {homes} households were left without electricity, "
            "while {schools} schools stayed closed as a precaution.",
            '"We have not seen wind like this in years, and crews will work through the '
            'night," {official_said} {official}, who coordinates the city emergency team.',
        ],
        "background": [
            "The weather service had issued an orange alert for the area on the previous day.",
            "Firefighters responded to hundreds of calls, mostly about fallen trees and flooded "
            "basements.",
            "Several flights were delayed and some train lines were suspended while crews "
            "cleared the tracks.",
            "Forecasters expect calmer conditions by the end of the week, though more rain is "
            "possible.",
        ],
        "summary": "Winds of up to {wind} km/h hit {city}, {city_country}, leaving {homes} "
                   "households without power and forcing {schools} schools to close.",
    },
    "it": {
        "title": ["Tempesta su {city}, raffiche fino a {wind} km/h",
                  "Maltempo a {city}, migliaia di case senza luce"],
        "lead": [
            "Una violenta tempesta si è abbattuta {day} su {city} ({city_country}), "
            "sradicando alberi e allagando diverse strade.",
            "Pioggia intensa e vento forte hanno colpito {day} {city} ({city_country}), "
            "mandando in tilt il traffico in tutta la città.",
            "{city} è stata investita {day} da una delle tempeste più forti dell'anno, secondo "
            "il servizio meteorologico nazionale ({city_country}).",
            "Gli abitanti di {city} ({city_country}) erano impegnati {day} a rimuovere i rami "
            "caduti dopo il passaggio di una violenta tempesta.",
        ],
        "body": [
            "Le raffiche hanno raggiunto i {wind} chilometri orari e in meno di un giorno sono "
            "caduti fino a {rain} millimetri di pioggia.",
            "La società elettrica locale ha riferito che {homes} famiglie sono rimaste senza "
            "corrente, mentre {schools} scuole sono rimaste chiuse per precauzione.",
            "«Non vedevamo un vento così da anni e le squadre lavoreranno per tutta la notte», "
            "{official_said} {official}, che coordina la squadra di emergenza cittadina.",
        ],
        "background": [
            "Il giorno precedente il servizio meteorologico aveva diramato un'allerta arancione "
            "per la zona.",
            "I vigili del fuoco hanno risposto a centinaia di chiamate, soprattutto per alberi "
            "caduti e cantine allagate.",
            "Diversi voli hanno subito ritardi e alcune linee ferroviarie sono state sospese "
            "mentre le squadre liberavano i binari.",
            "I meteorologi prevedono condizioni più calme entro la fine della settimana, anche "
            "se non si escludono altre piogge.",
        ],
        "summary": "Raffiche fino a {wind} km/h su {city} ({city_country}) hanno lasciato "
                   "{homes} famiglie senza elettricità e costretto {schools} scuole a chiudere.",
    },
    "ru": {
        "title": ["Шторм обрушился на город {city}: ветер до {wind} км/ч",
                  "Тысячи домов в городе {city} остались без света"],
        "lead": [
            "Мощный шторм {day} обрушился на город {city} ({city_country}): ветер валил "
            "деревья, несколько улиц затопило.",
            "Сильный дождь и штормовой ветер {day} парализовали движение в городе {city} "
            "({city_country}).",
            "Город {city} {day} оказался во власти одного из самых сильных штормов года, "
            "сообщает национальная метеослужба ({city_country}).",
            "Жители города {city} ({city_country}) {day} расчищали улицы от упавших веток "
            "после прохождения сильного шторма.",
        ],
        "body": [
            "Порывы ветра достигали {wind} км/ч, а менее чем за сутки выпало до {rain} мм "
            "осадков.",
            "По данным местной энергокомпании, без электричества остались жители "
            "{homes|домохозяйства|домохозяйств|домохозяйств}, а занятия в качестве меры "
            "предосторожности отменены в {schools|школе|школах|школах}.",
            "«Такого ветра мы не видели много лет, бригады будут работать всю ночь», — "
            "{official_said} {official}, координатор городской аварийной службы.",
        ],
        "background": [
            "Накануне метеослужба объявила в регионе оранжевый уровень опасности.",
            "Пожарные выезжали на сотни вызовов, в основном из-за упавших деревьев и "
            "затопленных подвалов.",
            "Несколько рейсов задержали, а движение на некоторых железнодорожных линиях "
            "приостановили, пока бригады расчищали пути.",
            "Синоптики ожидают улучшения погоды к концу недели, хотя дожди ещё возможны.",
        ],
        "summary": "Ветер скоростью до {wind} км/ч в городе {city} ({city_country}) оставил "
                   "без света {homes|домохозяйство|домохозяйства|домохозяйств} и привёл к "
                   "закрытию {schools|школы|школ|школ}.",
    },
}

EVENTS["football"] = {
    "en": {
        "title": ["{home} beat {away} {a}-{b} in {city}",
                  "{scorer} scores as {home} defeat {away}"],
        "lead": [
            "{home} beat {away} {a}-{b} {day} in front of their own supporters in {city}.",
            "{home} secured a {a}-{b} victory over {away} at their stadium in {city} {day}.",
            "A crowd in {city} watched {home} defeat {away} {a}-{b} {day}.",
            "{away} left {city} without points {day} after losing {a}-{b} to {home}.",
        ],
        "body": [
            ("The winning goal came from {scorer} in the {minute_ord} minute.",
             "{scorer} opened the scoring in the {minute_ord} minute, and the hosts controlled "
             "the match from then on."),
            "The match was watched by {attendance} spectators, a season record for the stadium.",
            '"The players showed great character from the first minute," {coach_said} '
            "{coach}, the {home} coach.",
        ],
        "background": [
            "The result lifts {home} in the league table, while {away} remain in the lower "
            "half.",
            "Both teams had chances in the first half, but the goalkeepers made several "
            "important saves.",
            "The two sides will meet again later in the season in the return fixture.",
            "Fans celebrated outside the stadium long after the final whistle.",
        ],
        "summary": (
            "{home} won {a}-{b} at home against {away} in {city}, with {scorer} scoring the "
            "decisive goal after {minute} minutes.",
            "{home} won {a}-{b} at home against {away} in {city}, with {scorer} opening the "
            "scoring after {minute} minutes.",
        ),
    },
    "it": {
        "title": ["{home} batte {away} {a}-{b} a {city}",
                  "Gol di {scorer}, {home} supera {away}"],
        "lead": [
            "{home} ha battuto {away} per {a}-{b} {day} davanti ai propri tifosi a {city}.",
            "Vittoria per {a}-{b} di {home} contro {away}, {day} nello stadio di {city}.",
            "Il pubblico di {city} ha visto {home} superare {away} per {a}-{b} {day}.",
            "{away} ha lasciato {city} {day} senza punti dopo la sconfitta per {a}-{b} contro "
            "{home}.",
        ],
        "body": [
            ("La rete decisiva è arrivata al {minute}° minuto ed è stata firmata da {scorer}.",
             "{scorer} ha aperto le marcature al {minute}° minuto e da quel momento i padroni "
             "di casa hanno controllato la partita."),
            "All'incontro hanno assistito {attendance} spettatori, record stagionale per lo "
            "stadio.",
            "«I giocatori hanno mostrato grande carattere fin dal primo minuto», "
            "{coach_said} {coach}, alla guida tecnica di {home}.",
        ],
        "background": [
            "Il risultato fa salire {home} in classifica, mentre {away} resta nella metà "
            "inferiore.",
            "Entrambe le squadre hanno avuto occasioni nel primo tempo, ma i portieri hanno "
            "compiuto diverse parate importanti.",
            "Le due formazioni si affronteranno di nuovo più avanti nella stagione nella "
            "partita di ritorno.",
            "I tifosi hanno festeggiato fuori dallo stadio a lungo dopo il fischio finale.",
        ],
        "summary": (
            "{home} ha vinto {a}-{b} in casa contro {away} a {city}, grazie al gol decisivo di "
            "{scorer} dopo {minute} minuti di gioco.",
            "{home} ha vinto {a}-{b} in casa contro {away} a {city}, con {scorer} a segno per "
            "primo dopo {minute} minuti di gioco.",
        ),
    },
    "ru": {
        "title": ["Команда {home} обыграла команду {away} со счётом {a}:{b}",
                  "Команда {home} победила в городе {city}"],
        "lead": [
            "Команда {home} {day} обыграла команду {away} со счётом {a}:{b} на глазах у своих "
            "болельщиков в городе {city}.",
            "Команда {home} {day} одержала победу над командой {away} со счётом {a}:{b} на "
            "своём стадионе в городе {city}.",
            "Зрители в городе {city} {day} увидели, как команда {home} победила команду {away} "
            "со счётом {a}:{b}.",
            "Команда {away} {day} уехала из города {city} без очков, уступив команде {home} со "
            "счётом {b}:{a}.",
        ],
        "body": [
            ("Победный мяч на {minute}-й минуте {scorer_scored} {scorer}.",
             "Счёт на {minute}-й минуте {scorer_opened} {scorer}, после чего хозяева поля "
             "контролировали игру."),
            "За матчем наблюдали {attendance|зритель|зрителя|зрителей} — рекорд сезона для "
            "этого стадиона.",
            "«Футболисты с первой минуты показали характер», — {coach_said} {coach}, главный "
            "тренер команды {home}.",
        ],
        "background": [
            "Благодаря этому результату команда {home} поднялась в турнирной таблице, а "
            "команда {away} остаётся во второй её половине.",
            "Обе команды создавали моменты в первом тайме, но вратари несколько раз сыграли "
            "надёжно.",
            "Соперники снова встретятся позже в этом сезоне в ответном матче.",
            "Болельщики праздновали у стадиона ещё долго после финального свистка.",
        ],
        "summary": (
            "Команда {home} выиграла дома у команды {away} со счётом {a}:{b} в городе {city}, "
            "а решающий гол {scorer_scored} {scorer} через {minute|минуту|минуты|минут} после "
            "начала игры.",
            "Команда {home} выиграла дома у команды {away} со счётом {a}:{b} в городе {city}, "
            "а первый гол {scorer_scored} {scorer} через {minute|минуту|минуты|минут} после "
            "начала игры.",
        ),
    },
}

EVENTS["earnings"] = {
    "en": {
        "title": ["{company} profit reaches {profit} million euros",
                  "Quarterly results: {company} earns {profit} million euros"],
        "lead": [
            "The {sector} company {company} reported a net profit of {profit} million euros "
            "{quarter_in}, the group said in a statement {day}.",
            "{company}, the {sector} group based in {city}, earned {profit} million euros after "
            "tax {quarter_in}.",
            "Net income at {company} came to {profit} million euros {quarter_in}, according to "
            "figures released {day}.",
            "{company} closed {quarter_the} with a net profit of {profit} million euros, the "
            "{city}-based {sector} firm announced {day}.",
        ],
        "body": [
            ("Revenue grew by {change}% compared with the same period last year, helped by "
             "stronger demand in its main markets.",
             "Revenue fell by {change}% compared with the same period last year, as demand "
             "weakened in its main markets."),
            "The company, which employs about {employees} people, is headed by chief executive "
            "{ceo}.",
            '"Our teams delivered solid results in a demanding environment," {ceo_said} {ceo}.',
        ],
        "background": [
            "Shares in {company} moved sharply in early trading after the figures were "
            "published.",
            "Analysts had expected weaker results because of higher energy and transport costs.",
            "The group plans to invest in new production sites and digital services over the "
            "next three years.",
            "The company will present its full-year forecast to investors at a meeting later "
            "this year.",
        ],
        "summary": (
            "{company}, led by {ceo}, earned {profit} million euros {quarter_in} while its "
            "revenue increased {change}% from a year earlier.",
            "{company}, led by {ceo}, earned {profit} million euros {quarter_in} while its "
            "revenue decreased {change}% from a year earlier.",
        ),
    },
    "it": {
        "title": ["{company}, utile di {profit} milioni di euro",
                  "Conti trimestrali: {company} guadagna {profit} milioni"],
        "lead": [
            "{sector_co} {company} ha registrato un utile netto di {profit} milioni di euro "
            "{quarter_in}, ha comunicato il gruppo in una nota {day}.",
            "{company}, {sector_grp} con sede a {city}, ha guadagnato {profit} milioni di euro "
            "al netto delle imposte {quarter_in}.",
            "L'utile netto di {company} si è attestato a {profit} milioni di euro "
            "{quarter_in}, secondo i dati diffusi {day}.",
            "{company} ha chiuso {quarter_the} con un utile netto di {profit} milioni di euro, "
            "ha annunciato {day} {sector_grp} con sede a {city}.",
        ],
        "body": [
            ("I ricavi sono cresciuti del {change}% rispetto allo stesso periodo dell'anno "
             "scorso, grazie a una domanda più forte nei mercati principali.",
             "I ricavi sono calati del {change}% rispetto allo stesso periodo dell'anno scorso, "
             "a causa di una domanda più debole nei mercati principali."),
            "L'azienda, che conta circa {employees} dipendenti, è guidata da {ceo}.",
            "«I nostri team hanno ottenuto risultati solidi in un contesto difficile», "
            "{ceo_said} {ceo}.",
        ],
        "background": [
            "Il titolo di {company} ha registrato forti oscillazioni nelle prime contrattazioni "
            "dopo la pubblicazione dei dati.",
            "Gli analisti si aspettavano risultati più deboli a causa dei maggiori costi di "
            "energia e trasporti.",
            "Il gruppo intende investire in nuovi siti produttivi e in servizi digitali nei "
            "prossimi tre anni.",
            "La società presenterà agli investitori le previsioni per l'intero anno in un "
            "incontro nei prossimi mesi.",
        ],
        "summary": (
            "{company}, guidata da {ceo}, ha guadagnato {profit} milioni di euro {quarter_in}, "
            "con ricavi saliti del {change}% su base annua.",
            "{company}, guidata da {ceo}, ha guadagnato {profit} milioni di euro {quarter_in}, "
            "con ricavi scesi del {change}% su base annua.",
        ),
    },
    "ru": {
        "title": ["Чистая прибыль компании {company} составила {profit} млн евро",
                  "Компания {company} отчиталась о квартальной прибыли"],
        "lead": [
            "{sector_nom} компания {company} получила чистую прибыль в размере {profit} млн "
            "евро {quarter_in}, говорится в сообщении, опубликованном {day}.",
            "Компания {company}, {sector_nom} группа из города {city}, заработала {profit} млн "
            "евро чистой прибыли {quarter_in}.",
            "Чистая прибыль компании {company} {quarter_in} составила {profit} млн евро, "
            "следует из данных, опубликованных {day}.",
            "Компания {company} завершила {quarter_acc} с чистой прибылью {profit} млн евро, "
            "сообщила {day} {sector_nom} группа из города {city}.",
        ],
        "body": [
            ("Выручка выросла на {change}% по сравнению с тем же периодом прошлого года "
             "благодаря более высокому спросу на основных рынках.",
             "Выручка снизилась на {change}% по сравнению с тем же периодом прошлого года из-за "
             "ослабления спроса на основных рынках."),
            "В компании работают около {employees|человека|человек|человек}, её возглавляет "
            "генеральный директор {ceo}.",
            "«Наши команды показали уверенные результаты в непростых условиях», — {ceo_said} "
            "{ceo}.",
        ],
        "background": [
            "Акции компании {company} резко изменились в цене в начале торгов после публикации "
            "отчёта.",
            "Аналитики ожидали более слабых результатов из-за роста расходов на энергию и "
            "транспорт.",
            "В ближайшие три года группа планирует инвестировать в новые производственные "
            "площадки и цифровые сервисы.",
            "Прогноз на весь год компания представит инвесторам на встрече в ближайшие месяцы.",
        ],
        "summary": (
            "Компания {company}, которой руководит {ceo}, заработала {profit} млн евро "
            "{quarter_in}, а её выручка выросла на {change}% за год.",
            "Компания {company}, которой руководит {ceo}, заработала {profit} млн евро "
            "{quarter_in}, а её выручка снизилась на {change}% за год.",
        ),
    },
}

EVENTS["opening"] = {
    "en": {
        "title": ["{city} inaugurates {facility_a}",
                  "New {facility_noun} opens its doors in {city}"],
        "lead": [
            "{city} inaugurated {facility_a} {day}, a project that residents had been awaiting "
            "for years.",
            "Officials in {city} cut the ribbon {day} on {facility_a}, one of the largest public "
            "works projects in the area.",
            "{facility_a} opened to the public in {city} {day} after a long construction "
            "period.",
            "Residents of {city} got their first look {day} at {facility_a}, which the city "
            "council describes as a landmark project.",
        ],
        "body": [
            "Construction took {years} years and cost {cost} million euros, financed partly by "
            "national funds.",
            "The {facility_noun} is expected to serve about {users} people a day, "
            "{mayor_the_mayor} {mayor} said at the ceremony.",
            '"This is a day the whole city has been waiting for," {mayor_said} {mayor}.',
        ],
        "background": [
            "The project was first proposed more than a decade ago but was delayed several "
            "times by disputes over funding.",
            "Architects said they had used local materials and designed the structure to "
            "consume as little energy as possible.",
            "Traffic around the site was diverted for several hours during the inauguration.",
            "Guided tours for residents will be offered free of charge during the first weeks.",
        ],
        "summary": "{city} opened {facility_a} costing {cost} million euros after {years} "
                   "years of work, and mayor {mayor} expects {users} daily visitors.",
    },
    "it": {
        "title": ["{city} inaugura {facility_a}",
                  "Apre a {city} {facility_a} dopo {years} anni di lavori"],
        "lead": [
            "{city} ha inaugurato {day} {facility_a}, un progetto atteso da anni dai residenti.",
            "Le autorità di {city} hanno tagliato {day} il nastro di {facility_a}, una delle "
            "maggiori opere pubbliche della zona.",
            "{facility_a} ha aperto al pubblico {day} a {city} dopo un lungo cantiere.",
            "Gli abitanti di {city} hanno potuto visitare {day} per la prima volta "
            "{facility_the}, che il consiglio comunale definisce un'opera simbolo.",
        ],
        "body": [
            "I lavori sono durati {years} anni e sono costati {cost} milioni di euro, "
            "finanziati in parte con fondi nazionali.",
            "La struttura dovrebbe accogliere circa {users} persone al giorno, ha detto "
            "{mayor_the_mayor} {mayor} durante la cerimonia.",
            "«È un giorno che tutta la città aspettava», {mayor_said} {mayor}.",
        ],
        "background": [
            "Il progetto era stato proposto per la prima volta più di dieci anni fa, ma è stato "
            "rinviato più volte per controversie sui finanziamenti.",
            "Gli architetti hanno spiegato di aver usato materiali locali e di aver progettato "
            "la struttura per consumare meno energia possibile.",
            "Durante l'inaugurazione il traffico intorno al cantiere è stato deviato per "
            "alcune ore.",
            "Nelle prime settimane saranno offerte ai residenti visite guidate gratuite.",
        ],
        "summary": "{city} ha aperto {facility_a} da {cost} milioni di euro dopo {years} anni "
                   "di lavori, e {mayor_the_mayor} {mayor} prevede {users} visitatori al giorno.",
    },
    "ru": {
        "title": ["В городе {city} открыли {facility_acc}",
                  "В городе {city} после {years|года|лет|лет} работ открыли {facility_acc}"],
        "lead": [
            "В городе {city} {day} открыли {facility_acc} — проект, которого жители ждали "
            "много лет.",
            "Власти города {city} {day} торжественно открыли {facility_acc}; это один из "
            "крупнейших инфраструктурных проектов региона.",
            "{facility_nom} {facility_opened} {day} в городе {city} после долгого "
            "строительства.",
            "Жители города {city} {day} впервые смогли увидеть {facility_acc} — городской "
            "совет называет этот объект знаковым.",
        ],
        "body": [
            "Строительство продолжалось {years|год|года|лет} и обошлось в {cost} млн евро; "
            "часть средств выделил государственный бюджет.",
            "Ожидается, что объект будет ежедневно принимать около "
            "{users|человека|человек|человек}, {mayor_said} мэр {mayor} на церемонии открытия.",
            "«Этого дня ждал весь город», — {mayor_said} {mayor}.",
        ],
        "background": [
            "Проект впервые предложили более десяти лет назад, но его несколько раз "
            "откладывали из-за споров о финансировании.",
            "Архитекторы рассказали, что использовали местные материалы и спроектировали "
            "объект так, чтобы он потреблял как можно меньше энергии.",
            "Во время церемонии открытия движение вокруг объекта было перекрыто на несколько "
            "часов.",
            "В первые недели для жителей проведут бесплатные экскурсии.",
        ],
        "summary": "В городе {city} после {years|года|лет|лет} работ открыли {facility_acc} "
                   "стоимостью {cost} млн евро, а мэр {mayor} ожидает ежедневно около "
                   "{users|посетителя|посетителей|посетителей}.",
    },
}

EVENTS["discovery"] = {
    "en": {
        "title": ["Scientists describe new species of {species_noun} near {city2}",
                  "New {species_noun} species found by {city} researchers"],
        "lead": [
            "Researchers at the University of {city} have described {species_a} found in the "
            "hills around {city2}, {city2_country}.",
            "A team from the University of {city} says it has identified {species_a} that was "
            "previously unknown to science.",
            "{species_a} has been described by biologists from the University of {city} after "
            "several seasons of field trips.",
            "Biologists from the University of {city} announced {day} the discovery of "
            "{species_a} in the area of {city2}, {city2_country}.",
        ],
        "body": [
            "The specimens were collected near {city2}, {city2_country}, during {years} years "
            "of fieldwork led by biologist {researcher}.",
            "In total the team of {team_size} scientists examined {specimens} specimens, "
            "comparing their appearance and DNA with related species.",
            '"Finding something new so close to inhabited areas shows how much we still have '
            'to learn," {researcher_said} {researcher}.',
        ],
        "background": [
            "The findings were published in a peer-reviewed journal after more than a year of "
            "review.",
            "Scientists say many species in the region remain undescribed, especially small "
            "animals and plants that are hard to find.",
            "The team hopes the discovery will help protect the habitat, which is threatened by "
            "new roads and farming.",
            "Samples will be kept in the university's natural history collection so that other "
            "researchers can study them.",
        ],
        "summary": "Biologist {researcher} and colleagues from the University of {city} "
                   "identified {species_a} near {city2} after studying {specimens} specimens.",
    },
    "it": {
        "title": ["Scoperta {species_a} vicino a {city2}",
                  "Ricercatori di {city} descrivono {species_a}"],
        "lead": [
            "I ricercatori dell'Università di {city} hanno descritto {species_a} trovata sulle "
            "colline intorno a {city2} ({city2_country}).",
            "Un gruppo dell'Università di {city} afferma di aver individuato {species_a} "
            "finora sconosciuta alla scienza.",
            "{species_a} è stata descritta dai biologi dell'Università di {city} dopo diverse "
            "stagioni di spedizioni sul campo.",
            "I biologi dell'Università di {city} hanno annunciato {day} la scoperta di "
            "{species_a} nella zona di {city2} ({city2_country}).",
        ],
        "body": [
            "Gli esemplari sono stati raccolti vicino a {city2} ({city2_country}) in {years} "
            "anni di lavoro sul campo, sotto la guida di {researcher}.",
            "In totale il gruppo di {team_size} scienziati ha esaminato {specimens} esemplari, "
            "confrontandone aspetto e DNA con specie affini.",
            "«Trovare qualcosa di nuovo così vicino a zone abitate dimostra quanto abbiamo "
            "ancora da imparare», {researcher_said} {researcher}.",
        ],
        "background": [
            "I risultati sono stati pubblicati su una rivista scientifica dopo oltre un anno di "
            "revisione.",
            "Secondo gli scienziati molte specie della regione non sono ancora state descritte, "
            "soprattutto piccoli animali e piante difficili da trovare.",
            "Il gruppo spera che la scoperta aiuti a proteggere l'habitat, minacciato da nuove "
            "strade e dall'agricoltura.",
            "I campioni saranno conservati nella collezione di storia naturale dell'università "
            "perché altri ricercatori possano studiarli.",
        ],
        "summary": "{researcher} e i colleghi dell'Università di {city} hanno identificato "
                   "{species_a} vicino a {city2} dopo aver studiato {specimens} esemplari.",
    },
    "ru": {
        "title": ["Учёные описали {species_nom} у города {city2}",
                  "Биологи из города {city} нашли {species_nom}"],
        "lead": [
            "Исследователи университета города {city} описали {species_nom}, обнаруженный на "
            "холмах вокруг города {city2} ({city2_country}).",
            "Группа учёных из университета города {city} сообщает, что обнаружила "
            "{species_nom}, ранее неизвестный науке.",
            "{species_nom} описали биологи университета города {city} после нескольких "
            "сезонов полевых экспедиций.",
            "Биологи университета города {city} {day} объявили об открытии {species_gen} в "
            "окрестностях города {city2} ({city2_country}).",
        ],
        "body": [
            "Образцы собрали рядом с городом {city2} ({city2_country}) за "
            "{years|год|года|лет} полевых исследований, которыми {researcher_led} биолог "
            "{researcher}.",
            "В общей сложности команда из {team_size|учёного|учёных|учёных} изучила "
            "{specimens|образец|образца|образцов}, сравнив их внешний вид и ДНК с родственными "
            "видами.",
            "«Найти что-то новое так близко к населённым пунктам — значит понять, как много нам "
            "ещё предстоит узнать», — {researcher_said} {researcher}.",
        ],
        "background": [
            "Результаты опубликованы в рецензируемом научном журнале после более чем годичного "
            "рецензирования.",
            "По словам учёных, многие виды в регионе до сих пор не описаны, особенно мелкие "
            "животные и растения, которые трудно найти.",
            "Команда надеется, что открытие поможет защитить среду обитания, которой угрожают "
            "новые дороги и сельское хозяйство.",
            "Образцы будут храниться в естественнонаучной коллекции университета, чтобы их "
            "могли изучать и другие исследователи.",
        ],
        "summary": "Биолог {researcher} и коллеги из университета города {city} описали "
                   "{species_nom} из окрестностей города {city2}, изучив "
                   "{specimens|образец|образца|образцов}.",
    },
}

EVENTS["strike"] = {
    "en": {
        "title": ["{workers} strike in {city} for higher wages",
                  "{union} union calls {days}-day strike in {city}"],
        "lead": [
            "{workers} in {city} began a strike {day}, demanding higher wages and better "
            "working conditions.",
            "A strike by {workers} brought much of {city} to a standstill {day}, as the dispute "
            "over pay deepened.",
            "{workers} in {city} walked out {day} after talks with employers collapsed.",
            "{workers} across {city} stopped work {day} in a dispute with employers over wages.",
        ],
        "body": [
            "The {union} union, which called the action, says about {n} workers are taking part "
            "and that the strike will last {days} days.",
            "Organisers are demanding a pay rise of {raise}%, saying wages have not kept up "
            "with rising prices.",
            '"We did not want to reach this point, but our members have run out of patience," '
            "{leader_said} {leader}, the general secretary of the union.",
        ],
        "background": [
            "Employers said the demands were unaffordable and urged the union to return to the "
            "negotiating table.",
            "Commuters faced long queues and many chose to work from home.",
            "The government has offered to mediate between the two sides.",
            "It is the largest industrial action in the sector for several years, according to "
            "labour historians.",
        ],
        "summary": "About {n} {workers} in {city} have started a {days}-day strike called by "
                   "the {union} union to demand a {raise}% pay rise.",
    },
    "it": {
        "title": ["Sciopero {workers_of_the} a {city}",
                  "Il sindacato {union} proclama {days} giorni di sciopero"],
        "lead": [
            "{workers_the} di {city} hanno iniziato {day} uno sciopero per chiedere salari più "
            "alti e migliori condizioni di lavoro.",
            "Lo sciopero {workers_of_the} ha paralizzato {day} gran parte di {city}, mentre la "
            "vertenza sui salari si inasprisce.",
            "{workers_the} di {city} hanno incrociato le braccia {day} dopo il fallimento delle "
            "trattative con i datori di lavoro.",
            "{workers_the} di tutta {city} si sono fermati {day} in una vertenza salariale con i "
            "datori di lavoro.",
        ],
        "body": [
            "Il sindacato {union}, che ha proclamato l'agitazione, parla di circa {n} "
            "lavoratori coinvolti e di uno sciopero che durerà {days} giorni.",
            "Gli organizzatori chiedono un aumento salariale del {raise}%, sostenendo che le "
            "retribuzioni non hanno tenuto il passo con i prezzi.",
            "«Non volevamo arrivare a questo punto, ma i nostri iscritti hanno perso la "
            "pazienza», {leader_said} {leader}, alla guida del sindacato.",
        ],
        "background": [
            "I datori di lavoro hanno definito le richieste insostenibili e hanno invitato il "
            "sindacato a tornare al tavolo delle trattative.",
            "I pendolari hanno dovuto affrontare lunghe code e molti hanno scelto di lavorare "
            "da casa.",
            "Il governo si è offerto di mediare tra le due parti.",
            "Secondo gli storici del lavoro, si tratta della più grande mobilitazione del "
            "settore da diversi anni.",
        ],
        "summary": "Circa {n} {workers} di {city} hanno avviato uno sciopero di {days} giorni "
                   "indetto dal sindacato {union} per ottenere un aumento del {raise}%.",
    },
    "ru": {
        "title": ["{workers_nom} города {city} вышли на забастовку",
                  "Профсоюз {union} объявил {days}-дневную забастовку"],
        "lead": [
            "{workers_nom} города {city} {day} начали забастовку, требуя повышения зарплат и "
            "улучшения условий труда.",
            "Забастовка {workers_gen} {day} парализовала значительную часть города {city} на "
            "фоне обострения спора о зарплатах.",
            "{workers_nom} города {city} {day} прекратили работу после провала переговоров с "
            "работодателями.",
            "{workers_nom} по всему городу {city} {day} остановили работу из-за спора с "
            "работодателями о зарплатах.",
        ],
        "body": [
            "По данным профсоюза {union}, объявившего акцию, в ней участвуют около "
            "{n|человека|человек|человек}, а забастовка продлится {days|день|дня|дней}.",
            "Организаторы требуют повысить зарплаты на {raise}%, поскольку, по их словам, "
            "доходы не поспевают за ростом цен.",
            "«Мы не хотели доводить до этого, но терпение наших членов иссякло», — "
            "{leader_said} {leader}, генеральный секретарь профсоюза.",
        ],
        "background": [
            "Работодатели назвали требования невыполнимыми и призвали профсоюз вернуться за "
            "стол переговоров.",
            "Жителям пришлось стоять в длинных очередях, многие предпочли работать из дома.",
            "Правительство предложило выступить посредником между сторонами.",
            "По словам историков рабочего движения, это крупнейшая забастовка в отрасли за "
            "несколько лет.",
        ],
        "summary": "Около {n} {workers_gen} города {city} начали {days}-дневную забастовку, "
                   "объявленную профсоюзом {union}, с требованием повысить зарплаты на "
                   "{raise}%.",
    },
}

EVENTS["festival"] = {
    "en": {
        "title": ["{city} {festival} draws {visitors} visitors",
                  "Record crowds at the {city} {festival}"],
        "lead": [
            "The {festival} in {city} closed {day} after drawing large crowds to the city "
            "centre.",
            "Thousands of people travelled to {city} in recent days for the annual {festival}.",
            "The annual {festival} in {city} came to an end {day}, with organisers calling it "
            "one of the most successful editions.",
            "Streets and squares in {city} were packed {day} for the final day of the "
            "{festival}, which was founded in {founded}.",
        ],
        "body": [
            "Over {days} days the programme included {events} events, from open-air shows to "
            "workshops for children.",
            "According to festival director {director}, the event attracted {visitors} "
            "visitors, many of them from abroad.",
            '"The response from the public exceeded all our expectations," {director_said} '
            "{director}.",
        ],
        "background": [
            "Hotels in the city reported occupancy rates close to full throughout the festival.",
            "Local authorities extended public transport services late into the night to help "
            "visitors get home.",
            "The next edition is already being planned, and organisers hope to add new venues.",
            "Food stalls and craft markets were set up along the main streets during the event.",
        ],
        "summary": "Over {days} days, the {festival} in {city} offered {events} events and "
                   "drew {visitors} visitors, director {director} said.",
    },
    "it": {
        "title": ["{city}, {visitors} visitatori per il {festival}",
                  "Folla record al {festival} di {city}"],
        "lead": [
            "Si è chiuso {day} il {festival} di {city}, che ha richiamato una grande folla nel "
            "centro città.",
            "Migliaia di persone sono arrivate a {city} negli ultimi giorni per l'edizione "
            "annuale del {festival}.",
            "L'edizione annuale del {festival} di {city} si è conclusa {day} e gli "
            "organizzatori la definiscono una delle più riuscite.",
            "Strade e piazze di {city} erano gremite {day} per l'ultima giornata del "
            "{festival}, nato nel {founded}.",
        ],
        "body": [
            "In {days} giorni il programma ha proposto {events} appuntamenti, dagli spettacoli "
            "all'aperto ai laboratori per bambini.",
            "Secondo {director_the_director} del festival, {director}, la manifestazione ha "
            "attirato {visitors} visitatori, molti dei quali dall'estero.",
            "«La risposta del pubblico ha superato ogni nostra aspettativa», {director_said} "
            "{director}.",
        ],
        "background": [
            "Gli alberghi della città hanno registrato un tasso di occupazione vicino al tutto "
            "esaurito per l'intera durata del festival.",
            "Le autorità locali hanno prolungato i servizi di trasporto pubblico fino a notte "
            "fonda per aiutare i visitatori a rientrare.",
            "La prossima edizione è già in preparazione e gli organizzatori sperano di "
            "aggiungere nuovi spazi.",
            "Durante la manifestazione lungo le vie principali sono stati allestiti banchi "
            "gastronomici e mercatini dell'artigianato.",
        ],
        "summary": "In {days} giorni il {festival} di {city} ha offerto {events} appuntamenti e "
                   "richiamato {visitors} visitatori, secondo {director_the_director} "
                   "{director}.",
    },
    "ru": {
        "title": ["{festival_nom} в городе {city} посетили {visitors|человек|человека|человек}",
                  "В городе {city} завершился {festival_nom}"],
        "lead": [
            "В городе {city} {day} завершился {festival_nom}, собравший в центре города "
            "множество зрителей.",
            "В последние дни тысячи людей приехали в город {city} на ежегодный {festival_nom}.",
            "Ежегодный {festival_nom} в городе {city} {day} подошёл к концу; организаторы "
            "называют его одним из самых удачных.",
            "Улицы и площади города {city} {day} были заполнены людьми в последний день "
            "{festival_gen}, основанного в {founded} году.",
        ],
        "body": [
            "За {days|день|дня|дней} программа включила "
            "{events|мероприятие|мероприятия|мероприятий} — от концертов под открытым небом до "
            "мастер-классов для детей.",
            "Как {director_reported} директор фестиваля {director}, мероприятия посетили "
            "{visitors|человек|человека|человек}, многие из них приехали из-за рубежа.",
            "«Отклик публики превзошёл все наши ожидания», — {director_said} {director}.",
        ],
        "background": [
            "Гостиницы города на протяжении всего фестиваля были заполнены почти полностью.",
            "Местные власти продлили работу общественного транспорта до поздней ночи, чтобы "
            "гости могли добраться домой.",
            "Следующий фестиваль уже готовится, и организаторы надеются добавить новые "
            "площадки.",
            "Во время праздника на главных улицах работали гастрономические лавки и ярмарки "
            "ремёсел.",
        ],
        "summary": "За {days|день|дня|дней} {festival_nom} в городе {city} предложил "
                   "{events|мероприятие|мероприятия|мероприятий} и собрал "
                   "{visitors|зрителя|зрителей|зрителей}, {director_reported} директор "
                   "{director}.",
    },
}

EVENTS["court"] = {
    "en": {
        "title": ["Court fines {company} {fine} million euros",
                  "{company} fined by court in {city}"],
        "lead": [
            "A court in {city} has ordered the {sector} company {company} to pay a fine of "
            "{fine} million euros.",
            "{company} must pay {fine} million euros after losing a case before a court in "
            "{city}, the judges ruled {day}.",
            "Judges in {city} ruled {day} against {company}, imposing one of the largest fines "
            "in the court's history.",
            "The {sector} group {company} was found liable {day} by a court in {city} and "
            "fined {fine} million euros.",
        ],
        "body": [
            "The court found that the company had been {offence}, following an investigation "
            "that lasted {months} months.",
            "The penalty of {fine} million euros was set by judge {judge}, who said the company "
            "has {appeal} days to appeal.",
            '"No company is above the rules that protect the public," {judge_said} {judge} as '
            "the verdict was read.",
        ],
        "background": [
            "Lawyers for {company} said they were studying the ruling and had not yet decided "
            "whether to appeal.",
            "Consumer organisations welcomed the decision as an important signal for the whole "
            "sector.",
            "The case began after complaints from residents and former employees.",
            "Part of the money will go to a fund to repair the damage caused, the court said.",
        ],
        "summary": "Judge {judge} in {city} ordered {company} to pay {fine} million euros for "
                   "{offence}, giving it {appeal} days to appeal.",
    },
    "it": {
        "title": ["Multa da {fine} milioni di euro per {company}",
                  "Tribunale di {city} condanna {company}"],
        "lead": [
            "Un tribunale di {city} ha condannato {sector_co} {company} a pagare una multa di "
            "{fine} milioni di euro.",
            "{company} dovrà pagare {fine} milioni di euro dopo aver perso una causa davanti a "
            "un tribunale di {city}, hanno stabilito {day} i giudici.",
            "I giudici di {city} si sono pronunciati {day} contro {company}, infliggendo una "
            "delle multe più alte nella storia del tribunale.",
            "{sector_grp} {company} è stato ritenuto responsabile {day} da un tribunale di "
            "{city} e multato per {fine} milioni di euro.",
        ],
        "body": [
            "Secondo il tribunale, la società è colpevole di {offence}, come emerso da "
            "un'indagine durata {months} mesi.",
            "La sanzione di {fine} milioni di euro è stata stabilita {judge_by_the_judge} "
            "{judge}, che ha concesso alla società {appeal} giorni per presentare ricorso.",
            "«Nessuna azienda è al di sopra delle regole che proteggono i cittadini», "
            "{judge_said} {judge} durante la lettura della sentenza.",
        ],
        "background": [
            "Gli avvocati di {company} hanno detto di stare studiando la sentenza e di non aver "
            "ancora deciso se presentare ricorso.",
            "Le associazioni dei consumatori hanno accolto la decisione come un segnale "
            "importante per tutto il settore.",
            "Il caso è nato dalle denunce di residenti ed ex dipendenti.",
            "Parte del denaro andrà a un fondo per riparare i danni causati, ha precisato il "
            "tribunale.",
        ],
        "summary": "A {city} {judge_the_judge} {judge} ha condannato {company} a pagare {fine} "
                   "milioni di euro per {offence}, concedendo {appeal} giorni per il ricorso.",
    },
    "ru": {
        "title": ["Суд оштрафовал компанию {company} на {fine} млн евро",
                  "Суд города {city} вынес решение против компании {company}"],
        "lead": [
            "Суд города {city} обязал {sector_acc} компанию {company} выплатить штраф в размере "
            "{fine} млн евро.",
            "Компания {company} должна выплатить {fine} млн евро после проигрыша дела в суде "
            "города {city}, постановили {day} судьи.",
            "Судьи города {city} {day} вынесли решение против компании {company}, назначив один "
            "из крупнейших штрафов в истории суда.",
            "{sector_nom} компания {company} {day} признана судом города {city} виновной и "
            "оштрафована на {fine} млн евро.",
        ],
        "body": [
            "Суд признал компанию виновной {offence_v}; расследование длилось "
            "{months|месяц|месяца|месяцев}.",
            "Размер штрафа — {fine} млн евро — {judge_set} судья {judge}, предоставив компании "
            "{appeal|день|дня|дней} на обжалование.",
            "«Ни одна компания не стоит выше правил, защищающих людей», — {judge_said} {judge} "
            "при оглашении решения.",
        ],
        "background": [
            "Юристы компании {company} заявили, что изучают решение и пока не решили, будут ли "
            "его обжаловать.",
            "Общества защиты прав потребителей назвали решение важным сигналом для всей "
            "отрасли.",
            "Дело было возбуждено после жалоб местных жителей и бывших сотрудников.",
            "Часть средств направят в фонд для возмещения причинённого ущерба, уточнили в суде.",
        ],
        "summary": "Судья {judge} из города {city} {judge_obliged} компанию {company} выплатить "
                   "{fine} млн евро {offence_za} и {judge_gave} {appeal|день|дня|дней} на "
                   "обжалование.",
    },
}

# Generic news sentences used to pad articles to their sampled length.  The slots starting with
# "f" get fresh random fills for every sentence, so repeated templates still differ.
GENERIC = {
    "en": [
        "Local officials said further details would be published in the coming days.",
        "The regional council is expected to discuss the matter at its next meeting {fmonth}.",
        "According to a survey published {fmonth}, {fpct}% of residents say they follow local "
        "news every day.",
        "Similar events were recorded in {fcity} in {fyear}, when the authorities were "
        "criticised for reacting too slowly.",
        "{fperson}, an economist who has studied the region for years, said the effects could "
        "be felt for months.",
        "The national statistics office estimates that about {fbig} people live in the "
        "surrounding district.",
        "Opposition politicians called for an independent review and asked for all documents "
        "to be made public.",
        "Public transport operated normally for most of the day, the city transport authority "
        "said.",
        "The topic has been widely discussed on social media, where many users shared photos "
        "and videos.",
        "The company {fcompany}, one of the largest employers in the area, said it was "
        "following the situation closely.",
        "Last year the city budget set aside {fn} million euros for projects of this kind, a "
        "figure that critics consider too low.",
        "Residents interviewed in the centre of {city} gave mixed reactions, with some "
        "welcoming the news and others expressing concern.",
        "Weather forecasters expect temperatures of around {fn} degrees in the region over the "
        "weekend.",
        "A report by the chamber of commerce in {fcity} found that the number of local "
        "businesses had grown by {fpct}% over the past five years.",
        "{fperson}, a lecturer at the university of {fcity}, {fperson_said} the events showed "
        "the need for better planning.",
        "Police said there had been no incidents and that traffic had returned to normal by "
        "the evening.",
        "The government has promised to present a new plan {fmonth}, although no details have "
        "yet been released.",
        "In {fyear}, a similar initiative in {fcity} attracted {fbig} participants and was "
        "later copied by other cities.",
        "Several local newspapers devoted their front pages to the story on the following day.",
        "Experts warn that the full picture may only become clear after an official report "
        "due {fmonth}.",
        "The metropolitan area of {city} is home to around {fpop} people, many of whom travel "
        "to the centre every day.",
        "Trade unions and business groups both said they would study the details before "
        "commenting further.",
        "According to {fperson}, who heads a local residents' association, people want clear "
        "answers from the authorities.",
        "The ministry said it had received {fn} formal complaints on related issues since the "
        "start of the year.",
        "Tourism remains an important source of income for the area, with visitor numbers "
        "rising by {fpct}% last year.",
        "Volunteers from several organisations helped with practical arrangements throughout "
        "the day.",
        "Officials in {fcity} said they were ready to offer assistance if needed.",
        "The last comparable case dates back to {fyear}, according to records kept by the "
        "regional archive.",
        "Commentators noted that the news came at a sensitive time, only weeks before the "
        "regional budget is due to be approved.",
        "House prices in the area have risen by {fpct}% over the past decade, making it harder "
        "for young families to stay.",
        "{fperson}, a spokesperson for the regional government, {fperson_said} that all "
        "agencies were cooperating.",
        "Newspapers and broadcasters in {fcity} also reported on the story.",
        "Many shops in the centre stayed open later than usual because of the larger number of "
        "people in the streets.",
        "A public meeting on the subject will take place at the town hall {fday}.",
        "The area has received {fn} million euros in European funding since {fyear}, much of it "
        "for infrastructure.",
        "Local radio stations interrupted their regular programmes to provide updates "
        "throughout the afternoon.",
        "Critics argue that decisions of this kind should involve residents from the earliest "
        "stage.",
        "The university of {fcity} has announced a study of the long-term consequences, with "
        "first results expected within {fn} months.",
        "Some residents said they had heard the news from neighbours before any official "
        "announcement.",
        "A petition launched online has collected {fbig} signatures so far, its organisers said.",
        "In a separate statement, the company {fcompany} said it would publish its own "
        "assessment {fmonth}.",
        "Historians point out that the region has faced similar challenges many times over the "
        "past century.",
        "{fperson}, the mayor of {fcity}, {fperson_sent} a message of support to the people of "
        "{city}.",
        "Officials said the total cost would only be known after all invoices had been "
        "reviewed.",
        "The main square of {city} has long been a meeting point for residents and visitors "
        "alike.",
        "Teachers said local schools used the occasion to discuss the topic with their pupils.",
        "Bus and rail operators added {fn} extra services to cope with demand.",
        "An earlier study from {fyear} had already warned that the area needed more investment.",
        "Further updates are expected once officials have completed their assessment.",
    ],
    "it": [
        "Le autorità locali hanno fatto sapere che ulteriori dettagli saranno pubblicati nei "
        "prossimi giorni.",
        "Il consiglio regionale dovrebbe discutere la questione nella prossima riunione, "
        "prevista {fmonth}.",
        "Secondo un sondaggio pubblicato {fmonth}, il {fpct}% dei residenti afferma di seguire "
        "ogni giorno le notizie locali.",
        "Eventi simili si erano verificati a {fcity} nel {fyear}, quando le autorità furono "
        "criticate per aver reagito troppo lentamente.",
        "{fperson}, economista che studia la regione da anni, {fperson_said} che gli effetti "
        "potrebbero farsi sentire per mesi.",
        "Secondo l'istituto nazionale di statistica, nel distretto circostante vivono circa "
        "{fbig} persone.",
        "I politici dell'opposizione hanno chiesto una verifica indipendente e la pubblicazione "
        "di tutti i documenti.",
        "I trasporti pubblici hanno funzionato regolarmente per gran parte della giornata, ha "
        "riferito l'azienda dei trasporti cittadina.",
        "Il tema è stato molto discusso sui social network, dove molti utenti hanno condiviso "
        "foto e video.",
        "La società {fcompany}, uno dei maggiori datori di lavoro della zona, ha dichiarato di "
        "seguire da vicino la situazione.",
        "L'anno scorso il bilancio comunale ha stanziato {fn} milioni di euro per progetti di "
        "questo tipo, una cifra che i critici considerano troppo bassa.",
        "I residenti intervistati nel centro di {city} hanno reagito in modo diverso: alcuni "
        "hanno accolto la notizia con favore, altri si sono detti preoccupati.",
        "I meteorologi prevedono temperature intorno ai {fn} gradi nella regione durante il "
        "fine settimana.",
        "Un rapporto della camera di commercio di {fcity} indica che il numero di imprese "
        "locali è cresciuto del {fpct}% negli ultimi cinque anni.",
        "{fperson}, docente all'università di {fcity}, {fperson_said} che gli eventi mostrano "
        "la necessità di una migliore pianificazione.",
        "La polizia ha riferito che non ci sono stati incidenti e che in serata il traffico è "
        "tornato alla normalità.",
        "Il governo ha promesso di presentare un nuovo piano {fmonth}, anche se finora non sono "
        "stati resi noti dettagli.",
        "Nel {fyear} un'iniziativa simile a {fcity} aveva coinvolto {fbig} partecipanti ed era "
        "stata poi ripresa da altre città.",
        "Il giorno successivo diversi quotidiani locali hanno dedicato la prima pagina alla "
        "vicenda.",
        "Gli esperti avvertono che il quadro completo potrebbe emergere solo dopo un rapporto "
        "ufficiale atteso {fmonth}.",
        "L'area metropolitana di {city} conta circa {fpop} abitanti, molti dei quali si "
        "spostano ogni giorno verso il centro.",
        "Sindacati e associazioni di imprese hanno dichiarato che studieranno i dettagli prima "
        "di commentare ulteriormente.",
        "Secondo {fperson}, alla guida di un'associazione di residenti, la gente vuole risposte "
        "chiare dalle autorità.",
        "Il ministero ha riferito di aver ricevuto {fn} reclami formali su questioni analoghe "
        "dall'inizio dell'anno.",
        "Il turismo resta un'importante fonte di reddito per la zona: lo scorso anno il numero "
        "di visitatori è cresciuto del {fpct}%.",
        "Volontari di diverse organizzazioni hanno dato una mano con gli aspetti pratici per "
        "tutta la giornata.",
        "Le autorità di {fcity} si sono dette pronte a offrire assistenza in caso di necessità.",
        "L'ultimo caso paragonabile risale al {fyear}, secondo i documenti conservati "
        "dall'archivio regionale.",
        "I commentatori hanno osservato che la notizia arriva in un momento delicato, poche "
        "settimane prima dell'approvazione del bilancio regionale.",
        "Negli ultimi dieci anni i prezzi delle case nella zona sono aumentati del {fpct}%, "
        "rendendo più difficile per le giovani famiglie restare.",
        "{fperson}, portavoce del governo regionale, {fperson_said} che tutte le agenzie stanno "
        "collaborando.",
        "Anche giornali ed emittenti di {fcity} hanno dato spazio alla notizia.",
        "Molti negozi del centro sono rimasti aperti più a lungo del solito per il gran numero "
        "di persone in strada.",
        "Un incontro pubblico sul tema si terrà {fday} in municipio.",
        "Dal {fyear} la zona ha ricevuto {fn} milioni di euro di fondi europei, in gran parte "
        "destinati alle infrastrutture.",
        "Le radio locali hanno interrotto i programmi abituali per fornire aggiornamenti per "
        "tutto il pomeriggio.",
        "I critici sostengono che decisioni di questo tipo dovrebbero coinvolgere i residenti "
        "fin dall'inizio.",
        "L'università di {fcity} ha annunciato uno studio sulle conseguenze a lungo termine, "
        "con i primi risultati attesi entro {fn} mesi.",
        "Alcuni residenti hanno raccontato di aver saputo la notizia dai vicini prima di "
        "qualsiasi annuncio ufficiale.",
        "Una petizione lanciata online ha raccolto finora {fbig} firme, secondo i promotori.",
        "In una nota separata, la società {fcompany} ha annunciato che pubblicherà una propria "
        "valutazione {fmonth}.",
        "Gli storici ricordano che la regione ha affrontato sfide simili molte volte nel corso "
        "dell'ultimo secolo.",
        "{fperson}, alla guida del comune di {fcity}, {fperson_sent} un messaggio di sostegno "
        "agli abitanti di {city}.",
        "Secondo i funzionari, il costo totale si conoscerà solo dopo la verifica di tutte le "
        "fatture.",
        "La piazza principale di {city} è da tempo un punto d'incontro per residenti e "
        "visitatori.",
        "Secondo gli insegnanti, le scuole locali hanno colto l'occasione per discutere il tema "
        "con gli alunni.",
        "Le aziende di autobus e treni hanno aggiunto {fn} corse supplementari per far fronte "
        "alla domanda.",
        "Uno studio del {fyear} aveva già avvertito che la zona aveva bisogno di maggiori "
        "investimenti.",
        "Ulteriori aggiornamenti sono attesi quando i funzionari avranno completato la loro "
        "valutazione.",
    ],
    "ru": [
        "Местные власти сообщили, что подробности будут опубликованы в ближайшие дни.",
        "Ожидается, что региональный совет обсудит этот вопрос на очередном заседании {fmonth}.",
        "Согласно опросу, опубликованному {fmonth}, {fpct}% жителей ежедневно следят за "
        "местными новостями.",
        "Похожие события происходили в городе {fcity} в {fyear} году, когда власти критиковали "
        "за слишком медленную реакцию.",
        "{fperson}, экономист с многолетним опытом изучения региона, {fperson_said}, что "
        "последствия могут ощущаться месяцами.",
        "По оценке национального статистического ведомства, в окрестностях проживают около "
        "{fbig|человека|человек|человек}.",
        "Оппозиционные политики призвали провести независимую проверку и обнародовать все "
        "документы.",
        "Общественный транспорт большую часть дня работал в обычном режиме, сообщили в "
        "городском транспортном управлении.",
        "Тема активно обсуждается в социальных сетях, где многие пользователи делятся "
        "фотографиями и видео.",
        "Компания {fcompany}, один из крупнейших работодателей региона, заявила, что "
        "внимательно следит за ситуацией.",
        "В прошлом году городской бюджет выделил на подобные проекты {fn} млн евро — критики "
        "считают эту сумму недостаточной.",
        "Опрошенные в центре города {city} жители отреагировали по-разному: одни приветствовали "
        "новость, другие выразили обеспокоенность.",
        "Синоптики прогнозируют в регионе на выходных температуру около "
        "{fn|градуса|градусов|градусов}.",
        "Согласно докладу торговой палаты города {fcity}, число местных предприятий за "
        "последние пять лет выросло на {fpct}%.",
        "{fperson}, преподаватель университета города {fcity}, {fperson_said}, что события "
        "показали необходимость лучшего планирования.",
        "В полиции сообщили, что происшествий не было, а к вечеру движение нормализовалось.",
        "Правительство пообещало представить новый план {fmonth}, однако подробности пока не "
        "раскрываются.",
        "В {fyear} году похожая инициатива в городе {fcity} собрала "
        "{fbig|участника|участников|участников} и позже была перенята другими городами.",
        "На следующий день несколько местных газет посвятили этой истории первые полосы.",
        "Эксперты предупреждают, что полная картина может проясниться лишь после официального "
        "доклада, который ожидается {fmonth}.",
        "В агломерации города {city} проживают около {fpop|человека|человек|человек}, многие "
        "из них ежедневно ездят в центр.",
        "Профсоюзы и деловые объединения заявили, что изучат подробности, прежде чем давать "
        "дальнейшие комментарии.",
        "{fperson}, глава местной ассоциации жителей, {fperson_said}, что люди ждут от властей "
        "ясных ответов.",
        "В министерстве сообщили, что с начала года получили "
        "{fn|официальную жалобу|официальные жалобы|официальных жалоб} по схожим вопросам.",
        "Туризм остаётся важным источником дохода для региона: в прошлом году турпоток вырос на "
        "{fpct}%.",
        "Волонтёры из нескольких организаций весь день помогали с практическими вопросами.",
        "Власти города {fcity} заявили о готовности оказать помощь в случае необходимости.",
        "Последний сопоставимый случай, по данным регионального архива, относится к {fyear} "
        "году.",
        "Комментаторы отметили, что новость появилась в непростой момент — за несколько недель "
        "до утверждения регионального бюджета.",
        "За последнее десятилетие цены на жильё в районе выросли на {fpct}%, и молодым семьям "
        "всё труднее здесь оставаться.",
        "Пресс-секретарь регионального правительства {fperson} {fperson_said}, что все "
        "ведомства работают сообща.",
        "Газеты и телеканалы в городе {fcity} также рассказали об этой истории.",
        "Многие магазины в центре работали дольше обычного из-за большого числа людей на "
        "улицах.",
        "Публичное собрание на эту тему пройдёт {fday} в здании мэрии.",
        "С {fyear} года регион получил {fn} млн евро европейского финансирования, большая часть "
        "которого пошла на инфраструктуру.",
        "Местные радиостанции прерывали обычные программы, чтобы весь день сообщать последние "
        "новости.",
        "Критики считают, что к решениям такого рода жителей нужно привлекать с самого начала.",
        "Университет города {fcity} объявил об исследовании долгосрочных последствий, первые "
        "результаты ожидаются в течение {fn|месяца|месяцев|месяцев}.",
        "Некоторые жители рассказали, что узнали новость от соседей ещё до официального "
        "объявления.",
        "Петиция, запущенная в интернете, собрала уже {fbig|подпись|подписи|подписей}, "
        "сообщили её организаторы.",
        "В отдельном заявлении компания {fcompany} сообщила, что опубликует собственную оценку "
        "{fmonth}.",
        "Историки напоминают, что за последнее столетие регион не раз сталкивался с похожими "
        "трудностями.",
        "Мэр города {fcity} {fperson} {fperson_sent} слова поддержки жителям города {city}.",
        "По словам чиновников, общая стоимость станет известна только после проверки всех "
        "счетов.",
        "Главная площадь города {city} давно служит местом встреч для жителей и гостей.",
        "По словам учителей, местные школы воспользовались случаем, чтобы обсудить эту тему с "
        "учениками.",
        "Автобусные и железнодорожные перевозчики назначили "
        "{fn|дополнительный рейс|дополнительных рейса|дополнительных рейсов}, чтобы "
        "справиться со спросом.",
        "Ещё в исследовании {fyear} года говорилось, что району нужны дополнительные "
        "инвестиции.",
        "Новые подробности ожидаются после того, как чиновники завершат оценку.",
    ],
}

# --------------------------------------------------------------------------------------------
# Facts: one function per event type, drawing only from the language-independent stream.
# ("P", first, last) is a person, ("V", table, index) a vocabulary entry, ints are numbers,
# floats are one-decimal numbers, ("S", text) a string that is the same in every language.
# --------------------------------------------------------------------------------------------


def _person(rng: random.Random) -> tuple:
    return ("P", rng.randrange(len(FIRST_NAMES)), rng.randrange(len(SURNAMES)))


def _people(rng: random.Random, k: int) -> list[tuple]:
    """k people with distinct full names, so a quote is never attributed to the wrong person."""
    out: list[tuple] = []
    while len(out) < k:
        p = _person(rng)
        if p not in out:
            out.append(p)
    return out


def _pick(rng: random.Random, table: str) -> tuple:
    return ("V", table, rng.randrange(len(VOCAB[table])))


def _pick_two(rng: random.Random, table: str) -> tuple[tuple, tuple]:
    a, b = rng.sample(range(len(VOCAB[table])), 2)
    return ("V", table, a), ("V", table, b)


def _election_facts(rng: random.Random) -> dict:
    cand, rival = _people(rng, 2)
    party, rival_party = _pick_two(rng, "party")
    pct = rng.randint(42, 71)
    return {"cand": cand, "rival": rival, "party": party, "rival_party": rival_party,
            "city": _pick(rng, "city"), "pct": pct,
            "rival_pct": rng.randint(12, min(pct - 3, 98 - pct)),
            "turnout": rng.randint(34, 78), "day": _pick(rng, "day")}


def _earthquake_facts(rng: random.Random) -> dict:
    return {"city": _pick(rng, "city"), "mag": rng.randint(45, 72) / 10,
            "depth": rng.randint(5, 60), "injured": rng.randint(3, 180),
            "buildings": rng.randint(12, 900),
            "time": ("S", f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"),
            "official": _person(rng), "day": _pick(rng, "day")}


def _storm_facts(rng: random.Random) -> dict:
    return {"city": _pick(rng, "city"), "wind": rng.randint(85, 190),
            "rain": rng.randint(40, 260), "homes": rng.randint(120, 9500) * 10,
            "schools": rng.randint(4, 140), "official": _person(rng), "day": _pick(rng, "day")}


def _football_facts(rng: random.Random) -> dict:
    home, away = _pick_two(rng, "team")
    a = rng.randint(1, 5)
    b = rng.randint(0, a - 1)
    scorer, coach = _people(rng, 2)
    minute = rng.randint(3, 89)
    # The wording ("decisive goal" vs "opened the scoring") follows the margin, which the reader
    # can see in the article's score.
    return {"home": home, "away": away, "a": a, "b": b, "variant": 0 if a - b == 1 else 1,
            "scorer": scorer, "coach": coach, "minute": minute,
            "minute_ord": ("S", _ordinal_en(minute)),
            "attendance": rng.randint(300, 7800) * 10, "city": _pick(rng, "city"),
            "day": _pick(rng, "day")}


def _earnings_facts(rng: random.Random) -> dict:
    return {"company": _pick(rng, "company"), "sector": _pick(rng, "sector"),
            "quarter": _pick(rng, "quarter"), "profit": rng.randint(12, 950),
            "change": rng.randint(2, 24), "variant": rng.randint(0, 1), "ceo": _person(rng),
            "employees": rng.randint(80, 6000) * 10, "city": _pick(rng, "city"),
            "day": _pick(rng, "day")}


def _opening_facts(rng: random.Random) -> dict:
    return {"facility": _pick(rng, "facility"), "city": _pick(rng, "city"),
            "cost": rng.randint(8, 640), "years": rng.randint(2, 9),
            "users": rng.randint(40, 2500) * 10, "mayor": _person(rng), "day": _pick(rng, "day")}


def _discovery_facts(rng: random.Random) -> dict:
    city, city2 = _pick_two(rng, "city")
    return {"researcher": _person(rng), "city": city, "city2": city2,
            "species": _pick(rng, "species"), "years": rng.randint(2, 12),
            "team_size": rng.randint(4, 30), "specimens": rng.randint(3, 60),
            "day": _pick(rng, "day")}


def _strike_facts(rng: random.Random) -> dict:
    return {"union": _pick(rng, "union"), "workers": _pick(rng, "workers"),
            "city": _pick(rng, "city"), "n": rng.randint(30, 4500) * 10,
            "days": rng.randint(2, 7), "raise": rng.randint(4, 18), "leader": _person(rng),
            "day": _pick(rng, "day")}


def _festival_facts(rng: random.Random) -> dict:
    return {"festival": _pick(rng, "festival"), "city": _pick(rng, "city"),
            "visitors": rng.randint(80, 4000) * 100, "days": rng.randint(3, 12),
            "events": rng.randint(40, 600), "director": _person(rng),
            "founded": rng.randint(1960, 2018), "day": _pick(rng, "day")}


def _court_facts(rng: random.Random) -> dict:
    return {"company": _pick(rng, "company"), "sector": _pick(rng, "sector"),
            "city": _pick(rng, "city"), "fine": rng.randint(2, 480),
            "offence": _pick(rng, "offence"), "judge": _person(rng),
            "months": rng.randint(6, 48), "appeal": rng.randint(10, 60), "day": _pick(rng, "day")}


FACTS = {
    "election": _election_facts, "earthquake": _earthquake_facts, "storm": _storm_facts,
    "football": _football_facts, "earnings": _earnings_facts, "opening": _opening_facts,
    "discovery": _discovery_facts, "strike": _strike_facts, "festival": _festival_facts,
    "court": _court_facts,
}
EVENT_TYPES: tuple[str, ...] = tuple(FACTS)


def _filler_facts(rng: random.Random) -> dict:
    """Fresh slot fills for one generic sentence."""
    return {"fcity": _pick(rng, "city"), "fperson": _person(rng),
            "fcompany": _pick(rng, "company"), "fn": rng.randint(3, 40),
            "fbig": rng.randint(100, 9000) * 10, "fpct": rng.randint(3, 35),
            "fmonth": _pick(rng, "month"), "fyear": rng.randint(2008, 2023),
            "fday": _pick(rng, "day"), "fpop": rng.randint(120, 3000) * 1000}


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------

_PLURAL_RE = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\|([^{}|]*)\}")


def _ordinal_en(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _ru_plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form after the number n: 1/21 -> one, 2-4/22-24 -> few, else many."""
    if 11 <= n % 100 <= 14:
        return many
    if n % 10 == 1:
        return one
    if 2 <= n % 10 <= 4:
        return few
    return many


def _slots(facts: dict, lang: str) -> dict[str, str]:
    """Turn language-independent facts into the template slots of one language."""
    li = _LANG_INDEX[lang]
    out: dict[str, str] = {}
    for name, value in facts.items():
        if isinstance(value, float):
            text = f"{value:.1f}"
            out[name] = text if lang == "en" else text.replace(".", ",")
        elif isinstance(value, int):
            out[name] = str(value)
        elif value[0] == "P":
            first, last = FIRST_NAMES[value[1]], SURNAMES[value[2]]
            script = 1 if lang == "ru" else 0
            out[name] = f"{first[script]} {last[script]}"
            gender = 0 if first[2] == "m" else 1
            for key, forms in GENDERED.items():
                out[f"{name}_{key}"] = forms[lang][gender]
        elif value[0] == "V":
            entry = VOCAB[value[1]][value[2]]
            word = entry[li]
            if isinstance(word, dict):
                for form, text in word.items():
                    out[f"{name}_{form}" if form else name] = text
            else:
                out[name] = word
            if value[1] == "city":
                out[f"{name}_country"] = COUNTRIES[entry[3]][li]
        else:  # ("S", text)
            out[name] = value[1]
    return out


def _capitalize(text: str) -> str:
    """Upper-case the first letter (templates may start with a lower-case slot like 'a new ...')."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text if ch.isupper() else text[:i] + ch.upper() + text[i + 1:]
    return text


def _render(template: str, slots: dict[str, str]) -> str:
    if "|" in template:
        template = _PLURAL_RE.sub(
            lambda m: f"{slots[m[1]]} {_ru_plural(int(slots[m[1]]), m[2], m[3], m[4])}",
            template)
    return _capitalize(template.format_map(slots))


def _variant(template, variant: int) -> str:
    """A tuple holds one wording per variant; a plain string serves every variant."""
    return template[variant] if isinstance(template, tuple) else template


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


def _stream(seed: int, split: str, i: int) -> random.Random:
    """A Random seeded from a stable hash (Python's hash() is salted per process)."""
    digest = hashlib.sha256(f"lorasum-synthetic:{seed}:{split}:{i}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def sample_length(u: float) -> int:
    """Inverse CDF of the XL-Sum English length distribution, log-linear between quantiles."""
    for (p0, w0), (p1, w1) in zip(LENGTH_QUANTILES, LENGTH_QUANTILES[1:]):
        if u <= p1:
            t = (u - p0) / (p1 - p0)
            return round(math.exp(math.log(w0) + t * (math.log(w1) - math.log(w0))))
    return round(LENGTH_QUANTILES[-1][1])


def _fillers(rng: random.Random, n_background: int):
    """Endless (source, index) order: event background first, then generic sentences,
    reshuffled on every pass so long articles do not repeat in the same order."""
    background = list(range(n_background))
    rng.shuffle(background)
    for k in background:
        yield "background", k
    n_generic = len(GENERIC["en"])
    while True:
        order = list(range(n_generic))
        rng.shuffle(order)
        for k in order:
            yield "generic", k


def _record(language: str, split: str, i: int, seed: int) -> dict:
    rng = _stream(seed, split, i)  # language-independent: facts, lengths and sentence choices
    etype = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))]
    facts = FACTS[etype](rng)
    variant = facts.get("variant", 0)
    target = sample_length(rng.random())
    templates = {lang: EVENTS[etype][lang] for lang in ("en", language)}
    n_titles = len(templates["en"]["title"])
    title_i = rng.randrange(n_titles)
    lead_i = rng.randrange(len(templates["en"]["lead"]))

    def sentence(lang: str, source: str, k: int) -> str:
        if source == "generic":
            return GENERIC[lang][k]
        if source == "lead":
            return templates[lang]["lead"][k]
        return _variant(templates[lang][source][k], variant)

    # Core: lead + first fact, second fact, quote.  Every fact the summary needs is here.
    plan: list[list[tuple[str, int, dict | None]]] = [
        [("lead", lead_i, None), ("body", 0, None)], [("body", 1, None)], [("body", 2, None)]]
    slots = {lang: _slots(facts, lang) for lang in templates}

    def render(lang: str, source: str, k: int, fill: dict | None) -> str:
        if fill is None:
            return _render(sentence(lang, source, k), slots[lang])
        merged = dict(slots[lang])
        merged.update(_slots(fill, lang))
        return _render(sentence(lang, source, k), merged)

    # Length is decided on the English rendering, so all languages get the same sentences.
    words = sum(len(render("en", s, k, f).split()) for para in plan for s, k, f in para)
    fillers = _fillers(rng, len(templates["en"]["background"]))
    while words < target:
        paragraph = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            source, k = next(fillers)
            fill = _filler_facts(rng)
            n_words = len(render("en", source, k, fill).split())
            if words + n_words / 2 >= target:  # stop where we land closest to the target
                words = target
                break
            paragraph.append((source, k, fill))
            words += n_words
        if paragraph:
            plan.append(paragraph)

    text = "\n".join(" ".join(render(language, s, k, f) for s, k, f in para) for para in plan)
    lang_t = templates[language]
    return {
        "id": f"syn-{split}-{seed}-{i:06d}",
        "title": _render(lang_t["title"][title_i], slots[language]),
        "summary": _render(_variant(lang_t["summary"], variant), slots[language]),
        "text": text,
    }


def generate_split(language: str, split: str, n: int, seed: int = 0) -> list[dict]:
    """n records for one language and split ("train" | "validation" | "test").

    Each record: {"id": str, "title": str, "summary": str, "text": str}.  Deterministic for
    (language, split, n, seed); record i is the same event, with the same id and facts, in
    every language, and depends only on (seed, split, i), so the first k records of a split
    do not change when n grows.  Raises ValueError for an unknown language or split, or n < 0.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} for the synthetic corpus: "
                         f"valid values are {', '.join(LANGUAGES)}")
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: valid values are {', '.join(SPLITS)}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be an integer >= 0 (got {n!r})")
    return [_record(language, split, i, seed) for i in range(n)]


def describe() -> str:
    """A few sentences, for the data card, on how the corpus is generated and what it can show."""
    return (
        "Synthetic corpus: every record is an invented news event of one of "
        f"{len(EVENT_TYPES)} kinds ({', '.join(EVENT_TYPES)}) whose facts - names, places, "
        "organisations and numbers drawn from hand-written word lists - are rendered through "
        "hand-written templates in English, Italian and Russian, so record i is the same event "
        "in every language. "
        "Articles open with a lead sentence and the key facts, then are padded with generic "
        "templated news sentences to lengths sampled from the XL-Sum English word-count "
        "distribution (p10 150, median 350, p90 890, p99 1,500 words); the reference summary is "
        "one templated sentence that restates facts from several article sentences in other "
        "words. "
        "It is meant for offline smoke tests and demos: a small model can learn it in minutes "
        "by copying names and numbers, so scores on it show that a training pipeline works and "
        "let methods be compared cheaply, but they say nothing about summarizing real news, "
        "whose content, style and errors are far more varied."
    )

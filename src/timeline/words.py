"""Word lists kept as data, one file per list under ``data/<lang>/``: the verb forms and the
nouns that name events. Read once per language, on first use."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

_IRREGULAR_VERBS = "irregular_verbs.txt"
_VERB_LISTS = ("verbs.txt", "verbs_common.txt", _IRREGULAR_VERBS)
_EVENT_NOUN_LISTS = ("event_nouns.txt", "event_nouns_common.txt")


@lru_cache(maxsize=None)
def _word_list(lang: str, names: tuple[str, ...]) -> frozenset[str]:
    folder = resources.files("timeline").joinpath(f"data/{lang}")
    lines = [line.strip() for name in names
             for line in folder.joinpath(name).read_text("utf-8").splitlines()]
    return frozenset(line for line in lines if line and not line.startswith("#"))


def lang_code(lang) -> str:
    """The code of a language module (``timeline.lang.en`` -> "en"): its data folder's name."""
    return lang.__name__.rsplit(".", 1)[-1]


def verb_forms(lang: str) -> frozenset[str]:
    """Verb forms (seen as event triggers), used with suffix rules to spot a verb."""
    return _word_list(lang, _VERB_LISTS)


def is_verb_form(word: str, verbs: frozenset[str]) -> bool:
    """Whether ``word`` (lower case) is in ``verbs`` as it stands or without its -s or -es
    ("announces", "reaches")."""
    return word in verbs or word.rstrip("s") in verbs or (word.endswith("es") and word[:-2] in verbs)


def is_participle_aside(text: str, start: int, end: int, lang) -> bool:
    """Whether the word at [start, end) opens a participle phrase set off by a comma and
    followed by its agent ("lenders, led by Bank of America, have", "…, followed by Mumbai"):
    an aside, not the clause's verb or tense."""
    return text.startswith(f" {lang.AGENT_PREPOSITION} ", end) and text[max(0, start - 2):start] == ", "


def irregular_verb_forms(lang: str) -> frozenset[str]:
    return _word_list(lang, (_IRREGULAR_VERBS,))


def result_nouns(lang: str) -> frozenset[str]:
    """Nouns for what a period yields ("earnings", "sales"): an event only as the noun a
    time modifies ("third-quarter earnings")."""
    return _word_list(lang, ("result_nouns.txt",))


def event_nouns(lang: str) -> frozenset[str]:
    """Nouns that name an event ("the invasion", "talks"): triggers as good as a verb."""
    return _word_list(lang, _EVENT_NOUN_LISTS)

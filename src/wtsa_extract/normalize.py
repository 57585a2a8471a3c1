"""Text normalisation, in one place.

- `clean` tidies what the output keeps (white space only: the document's text is kept).
- `fold` makes a same-length copy of English text for matching (hyphen, space, quote variants as
  ASCII), so offsets found in the copy apply to the original.
- `arabic_key` makes a matching key for Arabic text: Unicode NFKC (presentation forms to letters),
  tatweel and diacritics removed, alef/hamza/ya/ta-marbuta variants folded, Arabic-Indic digits as
  ASCII, bidi controls and bookmarks removed, spaces collapsed. Never shown to users.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00ad": "-",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\n": " ", "\r": " ",
    "\u2019": "'", "\u2018": "'",
})

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
    "\u0640": None,  # tatweel
    "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None, "\u061c": None,
    "\u202a": None, "\u202b": None, "\u202c": None, "\u202d": None, "\u202e": None,
    "\u2066": None, "\u2067": None, "\u2068": None, "\u2069": None, "\ufeff": None,
    "\u2011": "-", "\u2010": "-", "،": ",", "؛": ";", "؟": "?",  # (arabic_key makes no-break spaces plain first)
})
_DIACRITIC_POINTS = [*range(0x610, 0x61B), *range(0x64B, 0x660), 0x670, *range(0x6D6, 0x6EE)]
# Diacritics are dropped in one regex pass (a character class: one scan, where a replace per
# diacritic meant fifty); letters folded and Arabic-Indic digits made ASCII by the table.
_DIACRITICS = re.compile("[" + "".join(map(chr, _DIACRITIC_POINTS)) + "]")
_KEY = {**_ARABIC_FOLD, **DIGITS}
ARABIC_LETTER = re.compile(r"[\u0620-\u064a]")  # an Arabic letter (not a digit, diacritic or tatweel)
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


def _replacer(table: dict[int, int | str | None]):
    """str.translate(table) for tables whose replacements are never themselves replaced: an `in`
    scan per character of the table, and a replace only for those present. str.translate looks
    every character up in a dict, which is several times slower on non-ASCII text."""
    pairs = tuple((chr(k), chr(v) if isinstance(v, int) else v or "") for k, v in table.items())

    def replace(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
        return text

    return replace


_fold_chars, _blanks = _replacer(_FOLD), _replacer({ord(c): " " for c in "\t\n\r\f\v"})
_digits, _key_chars = _replacer(DIGITS), _replacer(_KEY)


@lru_cache(maxsize=16384)  # parsers fold and clean the same paragraph several times
def fold(text: str) -> str:
    """Same-length copy of `text` for matching: hyphen, space and quote variants made ASCII."""
    return _fold_chars(text)


@lru_cache(maxsize=16384)
def clean(text: str) -> str:
    """Collapse runs of ASCII white space (tabs, line breaks) to one space and strip the ends."""
    text = _blanks(text)  # `in` and str.replace are C scans: far faster than a regex here
    while "  " in text:  # halves every run of spaces: log2(longest run) passes
        text = text.replace("  ", " ")
    return text.strip()


def arabic_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits."""
    return _digits(text)


@lru_cache(maxsize=4096)  # Table 2 openings, titles and summaries are keyed more than once
def arabic_key(text: str) -> str:
    """A matching key for Arabic (and mixed) text; see the module docstring."""
    if "[bookmark" in text:
        text = _BOOKMARK.sub("", text)
    for space in "\u00a0\u202f":  # NFKC makes them spaces too; done first, most text is then already NFKC
        if space in text:
            text = text.replace(space, " ")
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_key_chars(_DIACRITICS.sub("", text)).split())


def roman(n: int) -> str:
    """n in lower-case Roman numerals: 4 -> 'iv', 14 -> 'xiv' (Word's list counters, UN Arabic's ’4‘)."""
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out

"""Text normalisation shared by readers and parsers.

`clean` tidies what the output keeps (whitespace only); `fold` makes a copy for
matching only (hyphen and space variants become ASCII) with the same length, so
offsets found in the folded copy apply to the original.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u00ad": "-",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\n": " ", "\r": " ",
    "\u2019": "'", "\u2018": "'",
})
_WS = re.compile(r"[ \t\n\r\f\v]+")


def fold(text: str) -> str:
    """Same-length copy of `text` for matching: hyphen, space and quote variants made ASCII."""
    return text.translate(_FOLD)


def clean(text: str) -> str:
    """Collapse runs of ASCII white space (tabs, line breaks) to one space and strip the ends."""
    return _WS.sub(" ", text).strip()

"""Word's automatic list numbering (numbering.xml): the list definitions, read when first used, and
`Numberer`, which renders each numbered paragraph's label the way Word shows it, so that numbering
reaches the parser as structure (`Block.label`, `Block.level`), never as text to parse again."""

from typing import NamedTuple

from lxml import etree

from wtsa_extract.normalize import roman
from wtsa_extract.readers.docx.body import Para
from wtsa_extract.readers.docx.package import VAL, w
from wtsa_extract.readers.docx.styles import Styles


class Level(NamedTuple):
    start: int
    fmt: str
    text: str
    suffix: str


class Numbering:
    """numId -> (abstractNumId, levels, start overrides), each list definition read when first asked
    for (numbering.xml often defines a hundred lists for the few a document uses)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._nums: dict[str, etree._Element] = {}
        self._abstracts: dict[str, etree._Element] = {}
        if root is not None:
            for an in root.iter(w("abstractNum")):
                self._abstracts[an.get(w("abstractNumId"), "")] = an
            for num in root.iter(w("num")):
                self._nums[num.get(w("numId"), "")] = num
        self._read: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}

    def __bool__(self) -> bool:
        return bool(self._nums)

    def __contains__(self, num_id: str) -> bool:
        return num_id in self._nums

    def __getitem__(self, num_id: str) -> tuple[str, dict[int, Level], dict[int, int]]:
        if num_id not in self._read:
            num = self._nums[num_id]
            ref = num.find(w("abstractNumId"))
            aid = ref.get(VAL, "") if ref is not None else ""
            overrides = {}
            for ov in num.iter(w("lvlOverride")):
                so = ov.find(w("startOverride"))
                level = ov.get(w("ilvl"), "0")
                if so is not None and so.get(VAL, "").isdecimal() and level.isdecimal():
                    overrides[int(level)] = int(so.get(VAL))
            self._read[num_id] = (aid, _levels(self._abstracts.get(aid)), overrides)
        return self._read[num_id]


def _levels(an: etree._Element | None) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in an.iter(w("lvl")) if an is not None else ():
        try:
            ilvl = int(lvl.get(w("ilvl"), "0"))
        except ValueError:
            continue
        start, fmt, text, suff = lvl.find(w("start")), lvl.find(w("numFmt")), lvl.find(w("lvlText")), lvl.find(w("suff"))
        levels[ilvl] = Level(
            start=int(start.get(VAL, "1")) if start is not None and start.get(VAL, "1").lstrip("-").isdecimal() else 1,
            fmt=fmt.get(VAL, "decimal") if fmt is not None else "decimal",
            text=text.get(VAL, "") if text is not None else "",
            suffix={"space": " ", "nothing": ""}.get(suff.get(VAL) if suff is not None else "tab", "\t"),
        )
    return levels


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


_ARABIC_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
_ARABIC_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"


def format_number(n: int, fmt: str) -> str:
    """One counter in a Word number format (decimal, lowerLetter, upperRoman, arabicAbjad, …)."""
    if fmt in ("arabicAlpha", "arabicAbjad") and n > 0:
        letters = _ARABIC_ALPHA if fmt == "arabicAlpha" else _ARABIC_ABJAD
        return letters[(n - 1) % len(letters)] * ((n - 1) // len(letters) + 1)
    if fmt == "hindiNumbers":
        return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numberer:
    """Renders Word's automatic list labels the way Word shows them."""

    def __init__(self, definitions: Numbering, styles: Styles):
        self.defs = definitions
        self.styles = styles
        self._chains: dict[str | None, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> current value

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives, through its basedOn chain (remembered per style)."""
        if style in self._chains:
            return self._chains[style]
        found: tuple[str | None, int | None] = (None, None)
        seen, current = set(), style
        while current and current not in seen:
            seen.add(current)
            st = self.styles.numbering_style(current)  # styles.xml is read only if a style may carry numbering
            if st is None:
                break
            if st.num_id is not None:
                found = (st.num_id, st.ilvl)
                break
            current = st.based_on
        self._chains[style] = found
        return found

    def label(self, para: Para) -> tuple[str, int | None]:
        """(label as Word shows it, list level) for a paragraph: ('', level) for a bullet or an
        empty label, ('', None) if not numbered."""
        num_id, ilvl, style = para.num_id, para.ilvl, para.style
        if num_id is None and (style is None or not self.defs):
            return "", None
        if num_id is None:
            num_id, style_lvl = self._style_numbering(style)
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id == "0" or num_id not in self.defs:
            return "", None
        ilvl = ilvl or 0
        abstract_id, levels, overrides = self.defs[num_id]
        level = levels.get(ilvl)
        if level is None:
            return "", ilvl
        counters = self.counters.setdefault(f"{abstract_id}/{num_id}" if overrides else abstract_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "", ilvl
        text = level.text
        for k in range(ilvl, -1, -1):
            lvl_k = levels.get(k)
            value = counters.get(k, lvl_k.start if lvl_k else 1)
            text = text.replace(f"%{k + 1}", format_number(value, lvl_k.fmt if lvl_k else "decimal"))
        return text.strip(), ilvl


def list_label(shown: str) -> str | None:
    """The clause label of a Word list label as shown ('1.' -> '1', 'a)' -> 'a)'); None if empty."""
    shown = " ".join(shown.split())
    if shown.endswith(".") and len(shown) > 1:
        shown = shown[:-1]
    return shown or None

"""Build a real .docx (ITU paragraph styles, Word automatic numbering) from a small line markup.

Used by the corpus: every ``tests/corpus/NAME.docx.txt`` is turned into a Word document with
``build(markup) -> bytes``.  For humans::

    python tests/corpus/build.py tests/corpus/NAME.docx.txt OUT.docx

Markup, one paragraph per line (UTF-8):

``%% anything``
    A comment line: ignored.
(blank line)
    Ignored.  Write ``[Normal]`` alone for an empty paragraph.
``text``
    A paragraph in the ``Normal`` style.
``[Style] text``
    A paragraph whose ``w:pStyle`` is ``Style`` (an ITU style id: ResNo, Restitle, Resref, Call,
    Normal, Normalaftertitle, enumlev1, enumlev2, enumlev3, Headingb, TOC1, TOC2, Note, Title1…).
``[Style num=N lvl=K] text``
    The paragraph also gets ``<w:numPr><w:ilvl w:val="K"/><w:numId w:val="N"/></w:numPr>``: Word
    automatic numbering, so the label is NOT part of the text.  ``lvl`` defaults to 0.
``[Style rtl] text``
    The paragraph gets ``<w:bidi/>`` (right-to-left).  Options combine: ``[enumlev1 num=3 lvl=1 rtl]``.
``@num N: 0=decimal:%1) 1=lowerLetter:(%2) 2=lowerRoman:%3.``
    Defines numbering instance ``N`` with its own abstractNum (so every ``@num`` list counts from 1
    on its own).  Each token is ``LEVEL=FORMAT:LVLTEXT`` with an optional ``:space`` suffix (the
    label is followed by a space instead of the default TAB).  FORMAT is a ``w:numFmt`` value:
    decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet (then LVLTEXT is the bullet
    character, e.g. ``0=bullet:•``).  LVLTEXT uses Word's ``%1``…``%9`` placeholders, e.g.
    ``%1.%2``.  Every level starts at 1 and restarts after a higher level.

In the text, a TAB character becomes ``<w:tab/>``; the characters ``& < >`` are escaped.
styles.xml defines every style id used (paragraph styles with ``w:name``, ITU names where known;
``Call`` is italic, ``ResNo`` is caps, ``Restitle`` bold).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_TESTS = str(Path(__file__).resolve().parent.parent)
if _TESTS not in sys.path:  # importable as tests.corpus.build, as corpus.build, or run as a script
    sys.path.insert(0, _TESTS)
from docx_build import minimal_docx  # noqa: E402  (the same module conftest.py imports)

STYLE_NAMES = {
    "Normal": "Normal",
    "ResNo": "Res_No",
    "Restitle": "Res_title",
    "Resref": "Res_ref",
    "Call": "Call",
    "Normalaftertitle": "Normal_after_title",
    "Normalaftertitle0": "Normal after title",
    "enumlev1": "enumlev1",
    "enumlev2": "enumlev2",
    "enumlev3": "enumlev3",
    "Headingb": "Heading_b",
    "Headingi": "Heading_i",
    "TOC1": "toc 1",
    "TOC2": "toc 2",
    "TOC3": "toc 3",
    "Note": "Note",
    "Title1": "Title 1",
    "Title2": "Title 2",
    "Title3": "Title 3",
    "Header": "header",
    "Footer": "footer",
    "SectionNo": "Section_No",
    "Sectiontitle": "Section_title",
    "Source": "Source",
    "Proposal": "Proposal",
    "Reasons": "Reasons",
    "Tabletext": "Table_text",
    "AnnexNo": "Annex_No",
    "Annextitle": "Annex_title",
}
STYLE_RPR = {
    "Call": "<w:i/>",
    "ResNo": "<w:caps/>",
    "Restitle": "<w:b/>",
    "Headingb": "<w:b/>",
    "Headingi": "<w:i/>",
    "Title1": "<w:caps/>",
}

_PARA = re.compile(r"^\[(?P<style>[A-Za-z][A-Za-z0-9_]*)(?P<opts>(?:\s+[a-z]+(?:=\d+)?)*)\]\s?(?P<text>.*)$")
_NUM = re.compile(r"^@num\s+(?P<id>\d+)\s*:\s*(?P<levels>.+)$")
_LEVEL = re.compile(r"^(?P<lvl>\d)=(?P<fmt>[A-Za-z]+):(?P<text>.+?)(?::(?P<suff>space|tab|nothing))?$")
FORMATS = {"decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet"}


def _runs(text: str) -> str:
    out = []
    for i, chunk in enumerate(text.split("\t")):
        if i:
            out.append("<w:r><w:tab/></w:r>")
        if chunk:
            out.append(f'<w:r><w:t xml:space="preserve">{escape(chunk)}</w:t></w:r>')
    return "".join(out)


def _paragraph(style: str, text: str, num: int | None, lvl: int, rtl: bool) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if rtl:
        ppr += "<w:bidi/>"
    return f"<w:p><w:pPr>{ppr}</w:pPr>{_runs(text)}</w:p>"


def _abstract(num_id: int, levels: str) -> str:
    lvls = []
    for token in levels.split():
        m = _LEVEL.match(token)
        if not m or m["fmt"] not in FORMATS:
            raise ValueError(f"bad @num level {token!r}")
        suff = m["suff"] or "tab"
        lvls.append(
            f'<w:lvl w:ilvl="{m["lvl"]}"><w:start w:val="1"/><w:numFmt w:val="{m["fmt"]}"/>'
            f'<w:lvlText w:val="{escape(m["text"], {chr(34): "&quot;"})}"/><w:suff w:val="{suff}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{794 * (int(m["lvl"]) + 1)}" w:hanging="794"/></w:pPr>'
            "</w:lvl>"
        )
    return (
        f'<w:abstractNum w:abstractNumId="{num_id}"><w:multiLevelType w:val="multilevel"/>'
        f"{''.join(lvls)}</w:abstractNum>"
    )


def _styles(used: list[str]) -> str:
    out = [
        '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr>'
        "</w:rPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:pPr><w:spacing w:before="120"/></w:pPr></w:style>',
    ]
    for sid in used:
        if sid == "Normal":
            continue
        name = STYLE_NAMES.get(sid, sid)
        rpr = STYLE_RPR.get(sid, "")
        out.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{escape(name)}"/>'
            f'<w:basedOn w:val="Normal"/>' + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>"
        )
    return "".join(out)


def build(markup: str) -> bytes:
    """The .docx package (bytes) for `markup` (see the module docstring)."""
    body: list[str] = []
    nums: dict[int, str] = {}
    used: list[str] = ["Normal"]
    for lineno, raw in enumerate(markup.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("%%"):
            continue
        m = _NUM.match(line)
        if m:
            nums[int(m["id"])] = _abstract(int(m["id"]), m["levels"])
            continue
        m = _PARA.match(line)
        style, text, num, lvl, rtl = "Normal", line, None, 0, False
        if m:
            style, text = m["style"], m["text"]
            for opt in m["opts"].split():
                key, _, value = opt.partition("=")
                if key == "num":
                    num = int(value)
                elif key == "lvl":
                    lvl = int(value)
                elif key == "rtl":
                    rtl = True
                else:
                    raise ValueError(f"line {lineno}: unknown option {opt!r}")
        if style not in used:
            used.append(style)
        body.append(_paragraph(style, text, num, lvl, rtl))
    body.append('<w:sectPr><w:pgSz w:w="11907" w:h="16840"/></w:sectPr>')
    numbering = None
    if nums:
        numbering = "".join(nums[i] for i in sorted(nums)) + "".join(
            f'<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>' for i in sorted(nums)
        )
    return _with_content_types(minimal_docx("".join(body), numbering=numbering, styles=_styles(used)))


_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_OVERRIDES = {
    "word/styles.xml": _MAIN + "styles+xml",
    "word/numbering.xml": _MAIN + "numbering+xml",
    "word/footnotes.xml": _MAIN + "footnotes+xml",
}


def _with_content_types(package: bytes) -> bytes:
    """Any part minimal_docx left undeclared gets its Override; fixed timestamps, so the same markup
    gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(package))
    names = src.namelist()
    declared = src.read("[Content_Types].xml").decode("utf-8")
    extra = "".join(f'<Override PartName="/{n}" ContentType="{ct}"/>' for n, ct in _OVERRIDES.items()
                    if n in names and f'PartName="/{n}"' not in declared)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            data = src.read(name)
            if name == "[Content_Types].xml":
                data = data.decode("utf-8").replace("</Types>", extra + "</Types>").encode("utf-8")
            dst.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python tests/corpus/build.py FILE.docx.txt OUT.docx", file=sys.stderr)
        return 2
    Path(argv[2]).write_bytes(build(Path(argv[1]).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""Writing a comparison of two editions (align/diff.py): JSON `wtsa-extract-diff/2`, CSV (one row per
changed clause) and an HTML redline. The contract is in docs/output.md and docs/diff-schema.json."""

from __future__ import annotations

from html import escape

from wtsa_extract.align.diff import Diff, ResolutionChange, summary
from wtsa_extract.export.csv import csv_text
from wtsa_extract.export.json import clause_dict, diagnostic_dict

DIFF_SCHEMA = "wtsa-extract-diff/2"


def _source(doc) -> dict:
    s = doc.source
    return {"name": s.name, "format": s.format, "sha256": s.sha256, "language": doc.language}


def _resolution(r: ResolutionChange) -> dict:
    any_side = r.new or r.old
    return {
        "old_key": r.old.key if r.old else None,
        "new_key": r.new.key if r.new else None,
        "number": any_side.number,
        "title_en": {"old": r.old.title_en if r.old else None, "new": r.new.title_en if r.new else None},
        "change": r.change,
        "fields": list(r.fields),
        "match": None if r.match is None else {"by": r.match.by, "confidence": r.match.confidence,
                                                "ambiguous": r.match.ambiguous},
        "clauses": [{"change": c.change, "old": clause_dict(c.old) if c.old else None,
                     "new": clause_dict(c.new) if c.new else None, "fields": list(c.fields), "words": list(c.words)}
                    for c in r.clauses],
    }


def diff_dict(diff: Diff) -> dict:
    return {"schema": DIFF_SCHEMA, "old": _source(diff.old), "new": _source(diff.new), "summary": summary(diff),
            "resolutions": [_resolution(r) for r in diff.resolutions],
            "diagnostics": [diagnostic_dict(d) for d in diff.diagnostics]}


def to_diff_json(diff: Diff) -> str:
    from wtsa_extract.export.json import dumps

    return dumps(diff_dict(diff)) + "\n"


CSV_COLUMNS = ["old_key", "new_key", "number", "resolution_change", "change", "fields", "old_label", "new_label",
               "old_verb", "new_verb", "old_bureaux", "new_bureaux", "old_with_bureaux", "new_with_bureaux",
               "old_assignee", "new_assignee", "old_text", "new_text", "words"]


def _rows(diff: Diff):
    for r in diff.resolutions:
        number = (r.new or r.old).number
        for c in r.clauses:
            if c.change == "unchanged":
                continue
            o, n = c.old, c.new
            yield {"old_key": r.old.key if r.old else "", "new_key": r.new.key if r.new else "",
                   "number": "" if number is None else number, "resolution_change": r.change, "change": c.change,
                   "fields": ";".join(c.fields), "old_label": o.label or "" if o else "",
                   "new_label": n.label or "" if n else "", "old_verb": o.verb or "" if o else "",
                   "new_verb": n.verb or "" if n else "", "old_bureaux": ";".join(o.bureaux) if o else "",
                   "new_bureaux": ";".join(n.bureaux) if n else "",
                   "old_with_bureaux": ";".join(o.with_bureaux) if o else "",
                   "new_with_bureaux": ";".join(n.with_bureaux) if n else "",
                   "old_assignee": o.assignee or "" if o else "", "new_assignee": n.assignee or "" if n else "",
                   "old_text": o.text if o else "", "new_text": n.text if n else "",
                   "words": " | ".join(f"{w['op']}: {w['old']} -> {w['new']}" for w in c.words)}


def to_diff_csv(diff: Diff, excel: bool = False) -> str:
    """One row per clause that changed (added, removed, changed, moved)."""
    return csv_text(CSV_COLUMNS, _rows(diff), excel)


# --- HTML redline --------------------------------------------------------------------------------------

STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;max-width:72rem}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.5rem}
.filters{margin:1rem 0;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
del{background:#ffe5e5;color:#a00}ins{background:#e3f7e3;color:#065;text-decoration:none}
.clause{margin:.35rem 0;padding:.3rem .5rem;border-left:4px solid #ccc}
.c-added{border-color:#2a9d3a}.c-removed{border-color:#c00}.c-changed{border-color:#d98b00}.c-moved{border-color:#6a4cc2}
.kind{font-size:.75rem;text-transform:uppercase;color:#555;margin-right:.4rem}
.badge{display:inline-block;border-radius:.6rem;padding:0 .45rem;margin:0 .15rem;font-size:.75rem;background:#e8e8ed}
.fields{font-size:.75rem;color:#555}
pre.summary{background:#f6f6f6;padding:.5rem}
"""

SCRIPT = """
(function(){
  var bureau=document.getElementById('bureau'), kind=document.getElementById('kind');
  function apply(){
    var b=bureau.value, k=kind.value, shown=0;
    document.querySelectorAll('div.clause').forEach(function(el){
      var okB=!b || (' '+el.dataset.bureaux+' ').indexOf(' '+b+' ')>=0;
      var okK=!k || el.dataset.change===k;
      el.hidden=!(okB && okK); if(!el.hidden) shown++;
    });
    document.querySelectorAll('section.resolution').forEach(function(s){
      s.hidden=!s.querySelector('div.clause:not([hidden])') && (b || k);
    });
    document.getElementById('count').textContent=shown;
    document.body.dataset.shown=shown;
  }
  function fromHash(){
    var params=new URLSearchParams(location.hash.slice(1));
    if(params.has('bureau')) bureau.value=params.get('bureau');
    if(params.has('change')) kind.value=params.get('change');
    apply();
  }
  bureau.addEventListener('change',apply); kind.addEventListener('change',apply);
  window.addEventListener('hashchange',fromHash);
  fromHash();
})();
"""


def _redline(old: str, new: str) -> str:
    import difflib

    from wtsa_extract.align.diff import words

    a, b = words(old), words(new)
    out = []
    for op, i, j, k, m in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i:j])))
        else:
            if i < j:
                out.append(f"<del>{escape(' '.join(a[i:j]))}</del>")
            if k < m:
                out.append(f"<ins>{escape(' '.join(b[k:m]))}</ins>")
    return " ".join(out)


def _clause_html(c) -> str:
    o, n = c.old, c.new
    if c.change == "added":
        text = f"<ins>{escape(n.text)}</ins>"
    elif c.change == "removed":
        text = f"<del>{escape(o.text)}</del>"
    else:
        text = _redline(o.text, n.text)
    clause = n or o
    label = escape(clause.label or "")
    verb = escape(clause.verb or "")
    if o and n and o.verb != n.verb:
        verb = f"<del>{escape(o.verb or '')}</del> <ins>{escape(n.verb or '')}</ins>"
    bureaux = sorted(set((*(o.bureaux + o.with_bureaux if o else ()), *(n.bureaux + n.with_bureaux if n else ()))))
    actors = "".join(f'<span class="badge">{escape(b)}</span>' for b in bureaux)
    fields = f'<span class="fields">{escape(", ".join(c.fields))}</span>' if c.fields else ""
    return (f'<div class="clause c-{c.change}" data-change="{c.change}" data-bureaux="{" ".join(bureaux)}">'
            f'<span class="kind">{c.change}</span><strong>{label}</strong> <em>{verb}</em> {text} {actors} {fields}'
            f'</div>')


def to_diff_html(diff: Diff) -> str:
    from wtsa_extract.align.diff import summary_lines

    parts = []
    for r in diff.resolutions:
        if r.change == "unchanged":
            continue
        clauses = "".join(_clause_html(c) for c in r.clauses if c.change != "unchanged")
        title = (r.new or r.old).title_en or "—"
        key = r.new.key if r.new else r.old.key
        fields = f' <span class="fields">{escape(", ".join(r.fields))}</span>' if r.fields else ""
        parts.append(f'<section class="resolution r-{r.change}" id="{escape(key)}"><h2>{escape(key)} '
                     f'<span class="kind">{r.change}</span>{escape(title)}{fields}</h2>{clauses}</section>')
    total = sum(1 for r in diff.resolutions for c in r.clauses if c.change != "unchanged")
    lines = escape("\n".join(summary_lines(summary(diff))))
    names = f"{escape(diff.old.source.name)} → {escape(diff.new.source.name)}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{names}: what changed</title>
<style>{STYLE}</style></head>
<body>
<h1>{names}: what changed</h1>
<pre class="summary">{lines}</pre>
<div class="filters">
<label>Bureau <select id="bureau"><option value="">all</option><option>TSB</option><option>BDT</option>
<option>BR</option></select></label>
<label>Change <select id="kind"><option value="">all</option><option>added</option><option>removed</option>
<option>changed</option><option>moved</option></select></label>
<span><span id="count">{total}</span> of {total} changed clauses</span>
</div>
{"".join(parts) or "<p>No differences.</p>"}
<script>{SCRIPT}</script>
</body></html>
"""


def diff_schema() -> dict:
    """The JSON Schema of `wtsa-extract-diff/2` (docs/diff-schema.json is this, kept in step by the
    tests); a clause is as `parse` writes it (docs/schema.json, `Clause`)."""
    from wtsa_extract.schema import document_schema

    defs = document_schema()["$defs"]
    clause = {"anyOf": [{"$ref": "#/$defs/Clause"}, {"type": "null"}]}
    counts = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
    source = {"type": "object", "required": ["name", "format", "sha256", "language"],
              "properties": {"name": {"type": "string"}, "format": {"enum": ["docx", "text"]},
                             "sha256": {"type": "string"}, "language": {"enum": ["en", "ar", "en+ar"]}},
              "additionalProperties": False}
    either = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:wtsa-extract:schema:{DIFF_SCHEMA}",
        "title": "wtsa-extract diff", "description": "What changed between two editions (docs/output.md).",
        "type": "object", "required": ["schema", "old", "new", "summary", "resolutions", "diagnostics"],
        "additionalProperties": False,
        "properties": {
            "schema": {"const": DIFF_SCHEMA}, "old": source, "new": source,
            "summary": {"type": "object", "required": ["resolutions", "clauses", "by_actor"],
                        "properties": {"resolutions": counts, "clauses": counts,
                                       "by_actor": {"type": "object", "additionalProperties": counts}},
                        "additionalProperties": False},
            "resolutions": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["old_key", "new_key", "number", "title_en", "change", "fields", "match", "clauses"],
                "properties": {
                    "old_key": either, "new_key": either, "number": {"type": ["integer", "null"]},
                    "title_en": {"type": "object", "properties": {"old": either, "new": either},
                                 "required": ["old", "new"], "additionalProperties": False},
                    "change": {"enum": ["added", "removed", "changed", "unchanged"]},
                    "fields": {"type": "array", "items": {"type": "string"}},
                    "match": {"anyOf": [{"type": "null"}, {
                        "type": "object", "required": ["by", "confidence", "ambiguous"], "additionalProperties": False,
                        "properties": {"by": {"enum": ["number", "designation", "title", "content"]},
                                       "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                                       "ambiguous": {"type": "boolean"}}}]},
                    "clauses": {"type": "array", "items": {
                        "type": "object", "additionalProperties": False,
                        "required": ["change", "old", "new", "fields", "words"],
                        "properties": {
                            "change": {"enum": ["added", "removed", "changed", "moved", "unchanged"]},
                            "old": clause, "new": clause,
                            "fields": {"type": "array", "items": {"enum": ["text", "label", "verb", "bureaux",
                                                                           "with_bureaux", "assignee"]}},
                            "words": {"type": "array", "items": {
                                "type": "object", "required": ["op", "old", "new"], "additionalProperties": False,
                                "properties": {"op": {"enum": ["delete", "insert", "replace"]},
                                               "old": {"type": "string"}, "new": {"type": "string"}}}}}}}}}},
            "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/Diagnostic"}},
        },
        "$defs": {k: defs[k] for k in ("Clause", "Location", "Diagnostic")},
    }

"""HTML page for editors comparing two versions: English and Arabic clause by clause, side by side.

One table per resolution; each row a clause pair (English left, Arabic right-to-left), with verb and
Bureau badges; a row that disagrees is highlighted and names its findings. A filter shows only the
disagreements (the URL fragment `#only=findings` sets it too). Self-contained: no network."""

from __future__ import annotations

from html import escape

from wtsa_extract.export.html import STYLE, _assignee, _badges, _findings
from wtsa_extract.model import Document

EXTRA_STYLE = """
tr.pair.disagrees>td{background:#fff6e0}
td.code{width:9rem;font-size:.8rem}
h2{font-size:1.1rem;margin-top:1.5rem}
h2 .ar{display:block}
"""

SCRIPT = """
(function(){
  var only=document.getElementById('only');
  function apply(){
    var shown=0;
    document.querySelectorAll('tr.pair').forEach(function(row){
      row.hidden=only.checked && !row.classList.contains('disagrees'); if(!row.hidden) shown++;
    });
    document.getElementById('count').textContent=shown;
    document.body.dataset.shown=shown;
  }
  function fromHash(){
    var params=new URLSearchParams(location.hash.slice(1));
    if(params.get('only')==='findings') only.checked=true;
    apply();
  }
  only.addEventListener('change',apply);
  window.addEventListener('hashchange',fromHash);
  fromHash();
  var ar=document.querySelector('td.ar');
  if(ar) document.body.dataset.arabicDirection=getComputedStyle(ar).direction;
})();
"""


def _clause(side, arabic: bool) -> str:
    if side is None:
        return "<em>—</em>"
    c = side.clause
    verb = c.verb_ar if arabic and c.verb_ar else c.verb
    return (f'<span class="label">{escape(c.label or "")}</span>{escape(c.text)} '
            f'<span class="badge verb">{escape(verb or "")}</span>{_badges(c.bureaux)}'
            f'{_badges(c.with_bureaux, "with")}{_assignee(c.assignee)}')


def _resolution(p) -> str:
    title_en = p.english.title_en if p.english else None
    title_ar = p.arabic.title_ar if p.arabic else None
    rows = []
    for c in p.pairs:
        css = "pair disagrees" if c.findings else "pair"
        rows.append(f'<tr class="{css}"><td class="code">{escape(", ".join(c.findings)) or "ok"}</td>'
                    f'<td lang="en">{_clause(c.english, False)}</td>'
                    f'<td class="ar" dir="rtl" lang="ar">{_clause(c.arabic, True)}</td></tr>')
    return (f'<section id="{escape(p.key)}"><h2>{escape(p.key)} {escape(title_en or "—")}'
            f'<span class="ar" dir="rtl" lang="ar">{escape(title_ar or "—")}</span></h2>'
            f'{_findings(list(p.findings))}'
            f'<table><thead><tr><th class="code">findings</th><th>English</th><th dir="rtl" lang="ar">العربية</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def to_versions_html(english: Document, arabic: Document, pairs) -> str:
    total = sum(len(p.pairs) for p in pairs)
    body = "".join(_resolution(p) for p in pairs)
    names = f"{escape(english.source.name)} and {escape(arabic.source.name)}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{names}: English and Arabic clause by clause</title>
<style>{STYLE}{EXTRA_STYLE}</style></head>
<body>
<h1>{names}: English and Arabic clause by clause</h1>
<div class="filters">
<label><input type="checkbox" id="only"> only clauses that disagree</label>
<span><span id="count">{total}</span> of {total} clause pairs</span>
</div>
{body}
<script>{SCRIPT}</script>
</body></html>
"""

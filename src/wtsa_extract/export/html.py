"""HTML report for editors: one self-contained page (no network), Arabic and English side by side.

One row per resolution: the Arabic title and summary (dir="rtl", lang="ar") next to the English title
and clauses with verb and Bureau badges; findings from the alignment highlighted; filters by Bureau
and by verb (plain JavaScript; the URL fragment `#bureau=BDT&verb=instructs` sets them too)."""

from __future__ import annotations

from html import escape

from wtsa_extract.model import Diagnostic, Document, Resolution

STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d1d1f}
h1{font-size:1.3rem}
.filters{margin:1rem 0;display:flex;gap:1rem;align-items:center}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th:nth-child(1){width:12rem}th:nth-child(2){width:40%}
td,th{border:1px solid #ccc;padding:.5rem;vertical-align:top}
th{background:#f2f2f2;text-align:left}
.ar{font-family:'Noto Naskh Arabic','Amiri','Arial',sans-serif;font-size:1.05rem;text-align:right}
.key>strong{white-space:nowrap}
.finding{overflow-wrap:anywhere}
.badge{display:inline-block;border-radius:.6rem;padding:0 .45rem;margin:0 .15rem;font-size:.75rem;background:#e8e8ed}
.b-TSB{background:#d7ecff}.b-BDT{background:#dff5dc}.b-BR{background:#ffe9c7}
.verb{background:#efe3ff}.with{opacity:.75}
.finding{display:block;margin:.2rem 0;padding:.1rem .3rem;border-left:3px solid #999;font-size:.8rem}
.f-warning{border-color:#d98b00;background:#fff6e0}.f-error{border-color:#c00;background:#ffe5e5}
.f-info{border-color:#888}
tr.has-findings>td.key{background:#fff6e0}
ul{margin:.2rem 0;padding:0;list-style:none}
.assignee{background:#f0f0f0;font-style:italic}
li{margin:.2rem 0}
.label{font-weight:bold;margin-right:.3rem}
"""

SCRIPT = """
(function(){
  var bureau=document.getElementById('bureau'), verb=document.getElementById('verb');
  function apply(){
    var b=bureau.value, v=verb.value, shown=0;
    document.querySelectorAll('tr.resolution').forEach(function(row){
      var okB=!b || (' '+row.dataset.bureaux+' ').indexOf(' '+b+' ')>=0;
      var okV=!v || row.dataset.verbs.split('|').indexOf(v)>=0;
      row.hidden=!(okB && okV); if(!row.hidden) shown++;
    });
    document.getElementById('count').textContent=shown;
    document.body.dataset.shown=shown;
  }
  function fromHash(){
    var params=new URLSearchParams(location.hash.slice(1));
    if(params.has('bureau')) bureau.value=params.get('bureau');
    if(params.has('verb')) verb.value=params.get('verb');
    apply();
  }
  bureau.addEventListener('change',apply); verb.addEventListener('change',apply);
  window.addEventListener('hashchange',fromHash);
  fromHash();
  var ar=document.querySelector('td.ar');
  if(ar) document.body.dataset.arabicDirection=getComputedStyle(ar).direction;
})();
"""


def _badges(codes, cls: str = "") -> str:
    return "".join(f'<span class="badge b-{escape(c)} {cls}">{escape(c)}</span>' for c in codes)


def _assignee(name: str | None) -> str:
    return f'<span class="badge assignee">{escape(name)}</span>' if name else ""


def _findings(items: list[Diagnostic]) -> str:
    return "".join(f'<span class="finding f-{d.level}" title="{escape(d.code)}">{escape(d.message)}</span>'
                   for d in items)


def _row(r: Resolution, findings: list[Diagnostic]) -> str:
    bureaux = sorted(r.bureaux_named())
    verbs = sorted({s.verb for s in r.sections if s.verb})
    sections = []
    for s in r.sections:
        items = "".join(
            f'<li><span class="label">{escape(c.label or "")}</span>{escape(c.text)} '
            f'{_badges(c.bureaux)}{_badges(c.with_bureaux, "with")}'
            f'{_assignee(c.assignee)}</li>' for c in s.clauses)
        head = f'<span class="badge verb">{escape(s.verb)}</span>' if s.verb else f"<em>{escape(s.heading)}</em>"
        addressee = f" {escape(s.addressee)}" if s.addressee else ""
        sections.append(f"<div>{head}{addressee}<ul>{items}</ul></div>")
    arabic = (f'<strong>{escape(r.title_ar) if r.title_ar else "—"}</strong>'
              f'<p>{escape(r.summary_ar) if r.summary_ar else ""}</p>')
    number = "" if r.number is None else f" ({r.number})"
    css = "resolution has-findings" if any(d.level != "info" for d in findings) else "resolution"
    return (f'<tr class="{css}" id="{escape(r.key)}" data-bureaux="{" ".join(bureaux)}" '
            f'data-verbs="{escape("|".join(verbs))}">'
            f'<td class="key"><strong>{escape(r.key)}{number}</strong><br><small>{escape(r.status or "—")}</small>'
            f'{_findings(findings)}</td>'
            f'<td class="ar" dir="rtl" lang="ar">{arabic}</td>'
            f'<td lang="en"><strong>{escape(r.title_en or "—")}</strong>{"".join(sections)}</td></tr>')


def to_html(doc: Document) -> str:
    from wtsa_extract.report import findings_by_resolution, general_findings

    by_key = findings_by_resolution(doc)
    verbs = sorted({s.verb for r in doc.resolutions for s in r.sections if s.verb})
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in verbs)
    general = _findings([d for d in general_findings(doc) if d.level != "info"])
    rows = "".join(_row(r, by_key.get(r.key, [])) for r in doc.resolutions)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(doc.source.name)}: Arabic and English side by side</title>
<style>{STYLE}</style></head>
<body>
<h1>{escape(doc.source.name)}: Arabic overview and English annex</h1>
<div class="filters">
<label>Bureau <select id="bureau"><option value="">all</option><option>TSB</option><option>BDT</option>
<option>BR</option></select></label>
<label>Verb <select id="verb"><option value="">all</option>{options}</select></label>
<span><span id="count">{len(doc.resolutions)}</span> of {len(doc.resolutions)} resolutions</span>
</div>
<div>{general}</div>
<table><thead><tr><th>resolution</th><th dir="rtl" lang="ar">العربية</th><th>English</th></tr></thead>
<tbody>{rows}</tbody></table>
<script>{SCRIPT}</script>
</body></html>
"""

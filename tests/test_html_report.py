"""The editors' HTML report: self-contained, right-to-left Arabic, working filters, in a real browser."""

import re
import shutil
import subprocess

import pytest

from wtsa_extract.export.html import to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


@pytest.fixture(scope="module")
def page(seed_doc, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(to_html(seed_doc), encoding="utf-8")
    return path


def test_page_is_self_contained_and_has_one_row_per_resolution(page, seed_doc):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html) and "<link" not in html
    assert html.count('<tr class="resolution') == len(seed_doc.resolutions) == 26
    assert html.count('<td class="ar" dir="rtl" lang="ar">') == 26
    assert "الأمن السيبراني" in html and "ambiguous-match" in html


def browse(page, tmp_path, fragment=""):
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                           f"{page.as_uri()}{fragment}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_in_chromium_no_console_errors_rtl_and_filters(page, seed_doc, tmp_path):
    dom, log = browse(page, tmp_path)
    assert "Uncaught" not in log and ":ERROR:CONSOLE" not in log
    assert 'data-arabic-direction="rtl"' in dom
    assert 'data-shown="26"' in dom
    with_bdt = [r for r in seed_doc.resolutions
                if any("BDT" in (*c.bureaux, *c.with_bureaux) for s in r.sections for c in s.clauses)]
    dom, _ = browse(page, tmp_path, "#bureau=BDT")
    assert f'data-shown="{len(with_bdt)}"' in dom and 0 < len(with_bdt) < 26
    assert dom.count(" hidden=") + dom.count(" hidden>") == 26 - len(with_bdt)
    dom, _ = browse(page, tmp_path, "#bureau=BR&verb=invites")
    expected = [r for r in seed_doc.resolutions if any(s.verb == "invites" for s in r.sections)
                and any("BR" in (*c.bureaux, *c.with_bureaux) for s in r.sections for c in s.clauses)]
    assert f'data-shown="{len(expected)}"' in dom


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_screenshot(page, tmp_path):
    shot = tmp_path / "report.png"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                           "--window-size=1280,1400", page.as_uri()], capture_output=True, timeout=120)
    assert done.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

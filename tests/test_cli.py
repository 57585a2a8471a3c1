"""The command line, through typer's CliRunner (fixed width, no colour)."""

import json

import pytest
from docx_build import ITU_DOCX, SEED_TEXT
from typer.testing import CliRunner

from wtsa_extract import __version__
from wtsa_extract.cli import app


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"wtsa-extract {__version__}\n"


def test_parse_json_to_stdout_diagnostics_to_stderr(runner):
    result = runner.invoke(app, ["parse", str(SEED_TEXT)])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["schema"] == "wtsa-extract/3"
    assert len(doc["resolutions"]) == 26
    assert result.stderr.strip().endswith("0 errors, 10 warnings, 17 notes")


def test_parse_csv_file_with_excel_bom(runner, tmp_path):
    out = tmp_path / "seed.csv"
    result = runner.invoke(app, ["parse", str(ITU_DOCX), "-o", str(out), "--excel", "-q"])
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfkey,number,status,title_en,")
    assert result.stdout == "" and result.stderr == ""
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_format_from_suffix(runner, tmp_path):
    out = tmp_path / "x.csv"
    assert runner.invoke(app, ["parse", str(SEED_TEXT), "-o", str(out), "-q"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("key,number")


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    (b"", "is empty"),
    (b"hello world\n", "no resolution found"),
    (b"PK\x03\x04broken zip", "not a valid .docx"),
])
def test_bad_input_one_line_exit_2_nothing_written(runner, tmp_path, content, message):
    src = tmp_path / "in.docx"
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["parse", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_bad_arguments_exit_2(runner):
    assert runner.invoke(app, ["parse", str(SEED_TEXT), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["nope"]).exit_code == 2


def test_missing_output_folder(runner, tmp_path):
    result = runner.invoke(app, ["parse", str(SEED_TEXT), "-o", str(tmp_path / "no" / "x.json")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_check_exit_codes_and_report(runner):
    result = runner.invoke(app, ["check", str(SEED_TEXT), "--bidi", "off"])
    assert result.exit_code == 1  # the seed has warnings (damaged Table 1, Resolution 70 missing)
    out = result.stdout
    assert "missing-in-table1" in out and "ambiguous-match" in out
    assert "الأمن السيبراني" in out  # logical order when --bidi off
    assert runner.invoke(app, ["check", str(SEED_TEXT), "--fail-on", "error"]).exit_code == 0


def test_check_bidi_on_shapes_and_reorders(runner):
    result = runner.invoke(app, ["check", str(SEED_TEXT), "--bidi", "on"])
    assert result.exit_code == 1
    import arabic_reshaper
    from bidi import get_display

    assert get_display(arabic_reshaper.reshape("الأمن السيبراني")) in result.stdout
    assert "الأمن السيبراني" not in result.stdout


def test_check_json(runner):
    result = runner.invoke(app, ["check", str(SEED_TEXT), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema"] == "wtsa-extract-check/1"
    rows = {r["key"]: r for r in data["rows"]}
    assert [f["code"] for f in rows["R70"]["findings"]] == ["missing-in-table1"]
    assert rows["R50"]["table1"]["by"] == "number"
    assert rows["NEW-3"]["table1"] is None


def test_check_english_only_document_says_there_was_no_arabic(runner):
    result = runner.invoke(app, ["check", str(ITU_DOCX), "--bidi", "off"])
    assert result.exit_code == 1 and "warning no-arabic: T-RES-T.1-2016-MSW-E.docx has no Arabic overview" in \
        " ".join(result.stdout.split())
    report = json.loads(runner.invoke(app, ["check", str(ITU_DOCX), "-f", "json"]).stdout)
    assert [f["code"] for f in report["findings"]][:1] == ["no-arabic"]
    assert runner.invoke(app, ["check", str(ITU_DOCX), "--fail-on", "error"]).exit_code == 0


def test_check_bad_input(runner, tmp_path):
    src = tmp_path / "x.txt"
    src.write_bytes(b"")
    result = runner.invoke(app, ["check", str(src)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_mirrored_brackets_for_display():
    from wtsa_extract.console import display_arabic

    shown = display_arabic("بروتوكول الإنترنت (IPv6)", 40, shape=True)
    assert "(IPv6)" in shown and ")IPv6(" not in shown
    assert display_arabic(None, 10, True) == "—"
    assert display_arabic("أ ب ج د", 3, shape=False) == "أ ب\nج د"

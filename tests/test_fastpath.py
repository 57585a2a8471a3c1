"""The typer-free fast path gives the same results as the typer CLI, and hands over what it does not know."""

import subprocess
import sys
from pathlib import Path

import pytest
from docx_build import ITU_DOCX, SEED_TEXT
from typer.testing import CliRunner

from wtsa_extract.cli import app
from wtsa_extract.fastpath import run

EXE = str(Path(sys.executable).with_name("wtsa-extract"))


@pytest.mark.parametrize("args", [
    ["--version"],
    ["parse", str(SEED_TEXT), "-q"],
    ["parse", str(SEED_TEXT), "-f", "csv", "--quiet"],
    ["parse", str(ITU_DOCX), "--format=csv", "--excel", "-q"],
    ["parse", str(SEED_TEXT)],
    ["parse", str(SEED_TEXT), "-v", "-f", "json"],
    ["parse", "/nonexistent.docx"],
    ["parse", str(SEED_TEXT), "--limit", "max_input_mb=0"],
    ["parse", str(SEED_TEXT), "--limit", "max_input_mb=1", "-q"],
    ["check", str(SEED_TEXT), "--bidi", "off", "--format", "json"],
    ["check", str(SEED_TEXT), "--fail-on", "error", "-f", "json"],
    ["check", str(ITU_DOCX), "--format", "json"],
])
def test_fast_path_matches_typer(args):
    fast = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=60)
    slow = CliRunner().invoke(app, args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


@pytest.mark.parametrize("args", [
    [], ["--help"], ["parse"], ["parse", "--help"], ["parse", "x", "--unknown"], ["parse", "x", "-o"],
    ["parse", "x", "-f", "xml"], ["parse", "x", "-j", "0"], ["check"], ["check", "a", "b", "c"],
    ["check", "x", "--bidi", "sideways"], ["frobnicate"], ["parse", "x", "-o", "a", "-o", "b"],
])
def test_everything_else_goes_to_typer(args):
    assert run(args) is None


@pytest.mark.parametrize("args,words", [
    (["parse"], "Missing argument 'INPUT...'"),
    (["parse", "x", "--frobnicate"], "No such option: --frobnicate"),
    (["parse", "x", "-f", "xml"], "'xml' is not one of"),
    (["check"], "Missing argument 'INPUT...'"),
    (["nope"], "No such command 'nope'"),
])
def test_argument_mistakes_get_one_line_and_exit_2(args, words):
    done = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("wtsa-extract: error: ") and done.stderr.count("\n") == 1
    assert words in done.stderr


def test_help_still_shows():
    done = subprocess.run([EXE, "parse", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--combined" in done.stdout


@pytest.mark.parametrize("args", [["-o=out.json"], ["-f=csv"], ["-j=2"]])
def test_a_short_option_with_an_equals_sign_reads_the_same_both_ways(tmp_path, args):
    """Typer takes '=x' as the value of `-o=x`; the fast path must not read it otherwise."""
    from wtsa_extract.fastpath import run

    assert run(["parse", str(SEED_TEXT), *args]) is None  # handed to typer

"""The promise on outputs (docs/cli.md): output paths are checked before any document is read (one
line, nothing else printed, nothing written), the format follows the -o suffix for every format and
a contradicting --format is an error, `-o -` is stdout, `-f` takes any case."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx_build import SEED_TEXT

EXE = str(Path(sys.executable).with_name("wtsa-extract"))


def run(*args, cwd=None):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, timeout=120, cwd=cwd)


def one_error_line(done) -> str:
    err = done.stderr.decode()
    assert done.returncode == 2 and done.stdout == b"" and err.count("\n") == 1, err
    assert err.startswith("wtsa-extract: error: ")
    return err


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc, a folder nobody can create files in")
def test_unwritable_output_fails_first_with_nothing_else_printed():
    # the seed alone prints warnings when parsed: none may appear before the error
    err = one_error_line(run("parse", SEED_TEXT, "-o", "/proc/x.json"))
    assert "/proc/x.json: cannot write" in err


@pytest.mark.parametrize("command", [["parse"], ["diff", SEED_TEXT], ["report"]])
def test_missing_output_folder_fails_before_reading(tmp_path, command):
    err = one_error_line(run(*command, SEED_TEXT, "-o", tmp_path / "no" / "out.json" if command != ["report"]
                             else tmp_path / "no" / "r.html"))
    assert "output folder does not exist" in err


@pytest.mark.parametrize("suffix,check", [
    (".json", lambda b: json.loads(b)["schema"].startswith("wtsa-extract/")),
    (".jsonl", lambda b: b.count(b"\n") == 1 and json.loads(b)["document"].endswith(".txt")),
    (".csv", lambda b: b.startswith(b"key,number,status")),
    (".actionplan.csv", lambda b: b.startswith(b"key,number,title_en,action")),
    (".xml", lambda b: b"<akomaNtoso" in b[:400]),
    (".zip", lambda b: zipfile.is_zipfile(__import__("io").BytesIO(b))),
    (".akn", lambda b: zipfile.is_zipfile(__import__("io").BytesIO(b))),
    (".xlsx", lambda b: b[:2] == b"PK" and b"xl/workbook.xml" in b),
    (".html", lambda b: b.lstrip().lower().startswith(b"<!doctype html")),
    (".JSON", lambda b: json.loads(b)["resolutions"]),
])
def test_the_format_follows_the_suffix(tmp_path, suffix, check):
    out = tmp_path / f"seed{suffix}"
    done = run("parse", SEED_TEXT, "-o", out, "-q")
    assert done.returncode == 0, done.stderr
    assert check(out.read_bytes())


@pytest.mark.parametrize("args,words", [
    (["-o", "x.xml", "-f", "json"], "the suffix says akn but --format is json"),
    (["-o", "x.csv", "-f", "xlsx"], "the suffix says csv but --format is xlsx"),
    (["-o", "x.txt"], "cannot tell the format from the suffix '.txt'"),
    (["-f", "xlsx"], "give -o FILE"),
    (["-v", "-q"], "give one of them"),
    (["--excel"], "--excel changes CSV output"),
    (["--combined", "all.json"], "end the name in .jsonl"),
])
def test_contradictions_are_errors(tmp_path, args, words):
    err = one_error_line(run("parse", SEED_TEXT, *args, cwd=tmp_path))
    assert words in err
    assert list(tmp_path.iterdir()) == []


def test_format_in_any_case_and_a_consistent_suffix(tmp_path):
    assert run("parse", SEED_TEXT, "-f", "CSV", "-o", tmp_path / "a.csv", "-q").returncode == 0
    assert run("parse", SEED_TEXT, "-f", "ActionPlan", "-o", tmp_path / "b.csv", "-q").returncode == 0
    assert (tmp_path / "b.csv").read_bytes().startswith(b"key,number,title_en,action,")
    typer_way = run("diff", SEED_TEXT, SEED_TEXT, "-f", "JSON", "-q")  # not on the fast path
    assert typer_way.returncode == 0 and json.loads(typer_way.stdout)["schema"].startswith("wtsa-extract-diff/")
    assert run("check", SEED_TEXT, "-f", "Json", "--bidi", "OFF", "--fail-on", "ERROR").returncode == 0


def test_dash_is_stdout(tmp_path):
    done = run("parse", SEED_TEXT, "-o", "-", "-q", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["resolutions"] and list(tmp_path.iterdir()) == []
    package = run("parse", SEED_TEXT, "-o", "-", "-f", "akn-package", "-q", cwd=tmp_path)
    assert package.returncode == 0 and package.stdout[:2] == b"PK"


def test_report_writes_to_stdout_without_o(tmp_path):
    done = run("report", SEED_TEXT, cwd=tmp_path)
    assert done.returncode == 0 and b"<html" in done.stdout[:300].lower() and list(tmp_path.iterdir()) == []


def test_empty_input_folder_makes_no_output_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    err = one_error_line(run("parse", tmp_path / "empty", "-o", tmp_path / "out"))
    assert "folder holds no .docx or .txt file" in err and not (tmp_path / "out").exists()


def test_a_folder_given_a_file_like_output_is_an_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.txt").write_bytes(SEED_TEXT.read_bytes())
    err = one_error_line(run("parse", folder, "-o", tmp_path / "samples.json"))
    assert "looks like a file name" in err and not (tmp_path / "samples.json").exists()


def test_singular_and_plural_in_messages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.txt").write_bytes(SEED_TEXT.read_bytes())
    done = run("parse", folder, "-o", tmp_path / "out", "-j", "1")
    err = done.stderr.decode()
    assert done.returncode == 0 and "1 document written, 0 failed" in err
    assert "26 resolutions" in err and "documents written" not in err


@pytest.mark.parametrize("args", [["parse", SEED_TEXT], ["parse", SEED_TEXT.parent, "--combined", "-", "-q"]],
                         ids=["one document", "batch to stdout"])
def test_stdout_closed_by_its_reader_stops_quietly(args):
    # a pipe whose reading end is closed before the run starts: every write fails (as after `| head`)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([EXE, *map(str, args)], stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert b"error:" not in done.stderr and b"Traceback" not in done.stderr


def test_a_symbolic_link_is_followed_and_kept(tmp_path):
    target, link = tmp_path / "target.json", tmp_path / "link.json"
    target.write_text("old")
    link.symlink_to(target)
    assert run("parse", SEED_TEXT, "-q", "-o", link).returncode == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["schema"].startswith("wtsa-extract/")


def test_a_named_pipe_is_written_through_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    got: dict = {}

    def read():
        with open(fifo, "rb") as f:
            got["data"] = f.read()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    done = run("parse", SEED_TEXT, "-q", "-o", fifo)
    reader.join(timeout=120)  # a bound in case of failure; it returns as soon as the writer closes
    assert done.returncode == 0, done.stderr
    assert fifo.is_fifo() and json.loads(got["data"])["schema"].startswith("wtsa-extract/")


def test_an_output_that_is_the_input_is_refused(tmp_path):
    copy = tmp_path / "same.txt"
    copy.write_bytes(SEED_TEXT.read_bytes())
    err = one_error_line(run("parse", copy, "-f", "json", "-o", copy))
    assert "is the input" in err and copy.read_bytes() == SEED_TEXT.read_bytes()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc, a folder nobody can create files in")
def test_batch_folder_that_cannot_be_made_fails_first(tmp_path):
    for out in ("/proc/out", "/proc"):
        err = one_error_line(run("parse", SEED_TEXT, SEED_TEXT, "-o", out))
        assert f"{out}: cannot write" in err


def test_batch_where_every_input_fails_leaves_no_folder(tmp_path):
    bad = tmp_path / "in"
    (bad / "sub").mkdir(parents=True)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "sub" / "empty.txt").write_bytes(b"")
    done = run("parse", bad, "-o", tmp_path / "out")
    assert done.returncode == 2 and not (tmp_path / "out").exists()
    err = done.stderr.decode()  # each failure names its input as given, so the two can be told apart
    assert f"{bad / 'empty.txt'}: is empty" in err and f"{bad / 'sub' / 'empty.txt'}: is empty" in err


def test_a_batch_skips_hidden_folders_and_gives_csv_to_stdout_with_f_csv(tmp_path):
    (tmp_path / "in" / ".git").mkdir(parents=True)
    (tmp_path / "in" / "seed.txt").write_bytes(SEED_TEXT.read_bytes())
    (tmp_path / "in" / ".git" / "copy.txt").write_bytes(SEED_TEXT.read_bytes())
    done = run("parse", tmp_path / "in", "--combined", "-", "-f", "csv", "-q")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.decode().splitlines()
    assert rows[0].startswith("document,key,") and {r.split(",")[0] for r in rows[1:]} == {str(tmp_path / "in" / "seed.txt")}


def test_an_output_ending_in_a_slash_is_a_folder(tmp_path):
    assert run("parse", SEED_TEXT, "-q", "-o", f"{tmp_path / 'new'}/").returncode == 0
    assert (tmp_path / "new" / f"{SEED_TEXT.stem}.json").is_file()
    assert run("parse", SEED_TEXT, SEED_TEXT, "-q", "-o", f"{tmp_path / 'v1.2'}/").returncode == 0
    assert (tmp_path / "v1.2").is_dir()


def test_report_names_its_suffixes(tmp_path):
    assert "end the name in .html, .htm" in one_error_line(run("report", SEED_TEXT, "-o", tmp_path / "r.json"))

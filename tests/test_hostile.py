"""Hostile or broken input: exit 2, one clear line, nothing written; and the same through mutation."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from accounting import lost, misplaced, reading_order
from docx_build import ITU_DOCX, SEED_TEXT
from hostile import CASES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wtsa_extract.cli import app
from wtsa_extract.pipeline import extract_bytes
from wtsa_extract.readers import InputError

EXE = str(Path(sys.executable).with_name("wtsa-extract"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_class_is_refused_in_one_line(name, tmp_path):
    data, words, extra = CASES[name]
    src = tmp_path / f"{name}.docx"
    src.write_bytes(data)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["parse", str(src), "-o", str(out), *extra])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and "root:" not in result.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [src.name]


def test_hostile_class_in_a_real_process(tmp_path):
    src = tmp_path / "bomb.docx"
    src.write_bytes(CASES["zip-bomb"][0])
    done = subprocess.run([EXE, "parse", str(src)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("wtsa-extract: error: ") and done.stderr.count("\n") == 1


def test_five_megabyte_single_line_is_processed(tmp_path):
    line = "to do things with the BDT in collaboration with the BR, [1: note " * 80_000
    src = tmp_path / "long.txt"
    src.write_text(f"RESOLUTION 1\nTitle\ninstructs\nthe Director of TSB\n1\t{line}\n", encoding="utf-8")
    assert src.stat().st_size > 5_000_000
    done = subprocess.run([EXE, "parse", str(src), "-q"], capture_output=True, timeout=120)  # a guard, not a timing
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    (clause,) = doc["resolutions"][0]["sections"][0]["clauses"]
    assert len(clause["text"]) == len(line.strip()) and clause["with_bureaux"] == ["BR"]  # BDT is never after a cue


@pytest.mark.parametrize("path", [SEED_TEXT, ITU_DOCX])
def test_coverage_is_complete_on_every_sample(path):
    doc = extract_bytes(path.read_bytes(), path.name)
    assert lost(path.read_bytes(), path.name, doc) == []
    assert doc.coverage.in_model > 0.95 * doc.coverage.characters


def test_seed_unparsed_are_the_explained_ones(seed_doc):
    unparsed = [(d.loc.line, d.message) for d in seed_doc.diagnostics if d.code == "unparsed"]
    # The Arabic introduction and table captions, and the annex heading row (docs/reliability.md).
    assert [line for line, _ in unparsed] == [1, 2, 3, 4, 5, 97, 98, 99, 151, 152, 153, 154]


def test_used_blocks_really_reach_the_output(seed_doc):
    """Blocks counted 'in the model' have their words in the JSON (labels and markers aside)."""
    from wtsa_extract.export.json import to_json
    from wtsa_extract.normalize import clean
    from wtsa_extract.parse.arabic import classify
    from wtsa_extract.parse.labels import split_label
    from wtsa_extract.readers.text import read_text

    output = to_json(seed_doc)
    unparsed = {d.loc for d in seed_doc.diagnostics if d.code == "unparsed"}
    _, blocks = read_text(SEED_TEXT.read_bytes())
    missing = []
    for b in blocks.value:
        text = clean(split_label(b.text).text)
        if b.loc.table == 1 and classify(b.text)[0] != "title":
            continue  # status words, numbers and headers are in the model as codes (new, 50)
        if text and b.loc not in unparsed:
            words = text.split()[:6]
            if not all(json.dumps(w, ensure_ascii=False)[1:-1] in output for w in words):
                missing.append((b.loc.line, text[:40]))
    assert missing == []


def test_output_is_deterministic(tmp_path):
    for fmt in ("json", "csv"):
        runs = [subprocess.run([EXE, "parse", str(SEED_TEXT), "-f", fmt, "-q"], capture_output=True,
                               timeout=60).stdout for _ in range(2)]
        assert runs[0] == runs[1] and runs[0]
    copy = tmp_path / SEED_TEXT.name
    copy.write_bytes(SEED_TEXT.read_bytes())
    elsewhere = subprocess.run([EXE, "parse", str(copy), "-q"], capture_output=True, timeout=60).stdout
    assert elsewhere == subprocess.run([EXE, "parse", str(SEED_TEXT), "-q"], capture_output=True, timeout=60).stdout


def test_csv_formula_injection_neutralised_with_excel(tmp_path):
    src = tmp_path / "evil.txt"
    src.write_text("RESOLUTION 1\n=HYPERLINK(\"http://x\")\ninstructs\nthe Director of TSB\n"
                   "1\t@SUM(A1)\n2\t+cmd\n3\t-2+3\n", encoding="utf-8")
    runner = CliRunner()
    excel = runner.invoke(app, ["parse", str(src), "-f", "csv", "--excel", "-q"]).stdout
    plain = runner.invoke(app, ["parse", str(src), "-f", "csv", "-q"]).stdout
    assert "'=HYPERLINK" in excel and "'@SUM(A1)" in excel and "'+cmd" in excel and "'-2+3" in excel
    assert "'=HYPERLINK" not in plain and "@SUM(A1)" in plain  # data users get the text as it is


# A parse that tells the test when it reaches a point of its write (a byte on one pipe), then waits
# (on another) to be killed there: the kills land where they are meant to, with no timing involved.
KILLED_AT = """
import os, sys
from wtsa_extract import export

point, ready, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def pause():
    os.write(ready, b"x")
    os.read(go, 1)


if point == "mid-write":
    write = export.AtomicWriter.write

    def halves(self, data):
        write(self, data[: len(data) // 2])
        pause()
        write(self, data[len(data) // 2:])

    export.AtomicWriter.write = halves
elif point == "before-naming":
    name = export._link_unnamed

    def named(fd, target):
        pause()
        return name(fd, target)

    export._link_unnamed = named
sys.argv = ["wtsa-extract", *sys.argv[4:]]
from wtsa_extract.entry import main

main()
"""


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="the unnamed temporary file is Linux's O_TMPFILE")
@pytest.mark.parametrize("point", ["mid-write", "before-naming"])
def test_killed_mid_write_leaves_no_partial_file(tmp_path, point):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    try:  # the file system must support unnamed files (the writer's fallback leaves a hidden .part)
        os.close(os.open(out_dir, os.O_TMPFILE | os.O_WRONLY))
    except OSError:
        pytest.skip("this file system refuses O_TMPFILE")
    target = out_dir / "seed.json"
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_AT, point, str(ready_w), str(go_r), "parse", str(SEED_TEXT),
                             "-o", str(target), "-q"], pass_fds=(ready_w, go_r))
    os.close(ready_w)
    os.close(go_r)
    try:
        reached = os.read(ready_r, 1)  # the event: the child is at `point` (b"" if it ended first)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        os.close(ready_r)
        os.close(go_w)
    assert reached == b"x", f"the parse never reached {point}"
    assert os.listdir(out_dir) == []  # no file, not even a hidden part of one


def test_batch_goes_on_after_a_bad_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_TEXT.read_bytes())
    (folder / "b.docx").write_bytes(CASES["pdf"][0])
    (folder / "c.docx").write_bytes(ITU_DOCX.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["parse", str(folder), "-o", str(out)])
    assert result.exit_code == 3
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "c.json"]
    assert "b.docx: is a PDF file" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("2 documents written, 1 failed")
    all_bad = CliRunner().invoke(app, ["parse", str(folder / "b.docx"), str(tmp_path / "nope.txt"),
                                       "-o", str(tmp_path / "out2")])
    assert all_bad.exit_code == 2
    assert CliRunner().invoke(app, ["parse", str(folder), str(folder)]).exit_code == 2  # no -o for a batch


def test_a_batch_collects_cycles_and_leaves_the_collector_as_it_found_it(tmp_path, monkeypatch):
    """The console script turns the cycle collector off for one-document runs; a batch reads many
    documents in one process, so it turns it on, and back off for its caller afterwards."""
    import gc

    from wtsa_extract import batch

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(SEED_TEXT.read_bytes())
    seen = []
    real_work = batch.work
    monkeypatch.setattr(batch, "work", lambda task: (seen.append(gc.isenabled()), real_work(task))[1])
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = CliRunner().invoke(app, ["parse", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1"])
        assert result.exit_code == 0, result.stderr
        assert seen == [True, True]
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


SEED_BYTES = SEED_TEXT.read_bytes()


def mutate(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for kind, pos, value in edits:
        pos = pos % (len(out) + 1)
        if kind == 0:
            del out[pos: pos + value % 64]
        elif kind == 1:
            out[pos:pos] = bytes([value % 256]) * (value % 7 + 1)
        elif kind == 2 and out:
            out[pos % len(out)] = value % 256
        else:
            start = pos
            out[start:start] = out[start: start + value % 200]  # duplicate a stretch
    return bytes(out)


EDITS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(0, 10**4)), min_size=1, max_size=8)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(EDITS)
def test_mutated_text_never_crashes_and_loses_nothing(edits):
    try:
        data = mutate(SEED_BYTES, edits)
        doc = extract_bytes(data, "mutated.txt")
    except InputError:
        return
    assert lost(data, "mutated.txt", doc) == []
    assert misplaced(doc, reading_order(data)) == []


@pytest.fixture(scope="module")
def docx_parts(seed_docx_path):
    import zipfile

    with zipfile.ZipFile(seed_docx_path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@FAST
@given(edits=EDITS, part=st.sampled_from(["word/document.xml", "word/numbering.xml", "word/footnotes.xml",
                                          "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]))
def test_mutated_docx_xml_never_crashes(docx_parts, edits, part):
    from hostile import zip_of

    parts = dict(docx_parts)
    parts[part] = mutate(parts[part], edits)
    try:
        data = zip_of(parts)
        doc = extract_bytes(data, "mutated.docx")
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert lost(data, "mutated.docx", doc) == []


def test_batch_in_two_processes_with_combined_outputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"s{i}.txt").write_bytes(SEED_TEXT.read_bytes())
    (folder / "bad.txt").write_bytes(b"nothing here\n")
    (folder / "r1.docx").write_bytes(ITU_DOCX.read_bytes())
    out, jsonl, csv_path = tmp_path / "out", tmp_path / "all.jsonl", tmp_path / "all.csv"
    first = subprocess.run([EXE, "parse", str(folder), "-o", str(out), "--jobs", "2", "--combined", str(jsonl)],
                           capture_output=True, text=True, timeout=120)
    assert first.returncode == 3, first.stderr
    assert sorted(p.name for p in out.iterdir()) == ["r1.json", "s0.json", "s1.json", "s2.json", "s3.json"]
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == ["r1.docx", "s0.txt", "s1.txt", "s2.txt", "s3.txt"]
    record = json.loads(lines[1])
    assert record.pop("document") == str(folder / "s0.txt")  # each record names its document
    assert record == json.loads((out / "s0.json").read_text(encoding="utf-8"))
    assert "bad.txt: no resolution found" in first.stderr
    second = subprocess.run([EXE, "parse", str(folder / "s0.txt"), str(folder / "r1.docx"), "--combined",
                             str(csv_path), "-j", "2", "-q"], capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    text = csv_path.read_text(encoding="utf-8")
    assert text.startswith("document,key,number,status") and text.count("document,key,") == 1
    rows = list(csv.DictReader(io.StringIO(text)))
    by_document = Counter(row["document"] for row in rows)  # each row names its document, as given
    assert by_document[str(folder / "s0.txt")] == 124 and set(by_document) == {str(folder / "s0.txt"),
                                                                               str(folder / "r1.docx")}
    assert {row["key"] for row in rows if row["document"].endswith("r1.docx")} == {"R1"}

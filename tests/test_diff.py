"""`wtsa-extract diff OLD NEW`: two editions of the founding document, the second made by a script
with known edits of every kind (tests/editions.py); exactly those edits are reported, with the right
kind and fields, and nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from editions import edit
from jsonschema import Draft202012Validator

from wtsa_extract.align.diff import diff_documents, normal, summary_lines
from wtsa_extract.export.diff import diff_dict, to_diff_csv, to_diff_html
from wtsa_extract.pipeline import extract_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_4ba82f9e94ba416a.txt"
EXE = str(Path(sys.executable).with_name("wtsa-extract"))
EDITS = [
    ("replace", 157, "Evaluation of the implementation of WTSA Resolutions",
     "Evaluating how WTSA Resolutions are implemented"),                     # NEW-1: title reworded
    ("insert_after", 170, "2\tto publish every year a report on international mobile roaming rates;"),  # NEW-3: added
    ("replace", 171, "encourages", "instructs"),                              # NEW-3: verb changed
    ("replace", 253, "to continue to cooperate with the Director of the Telecommunication Development Bureau "
     "in order to facilitate", "to continue in order to facilitate"),       # R29: partner BDT removed
    ("delete", 315),                                                          # R50: clause 8 removed
    ("replace", 329, "regional groups;", "regional groups, in collaboration with the Director of the "
     "Radiocommunication Bureau;"),                                            # R54: partner BR added
    ("replace", 330, "vice versa;", "vice versa,"),                           # R54 2: list punctuation only
    ("drop_from", 416),                                                       # R78: removed
    ("append", "\tRESOLUTION 99\nSpectrum for development\n\tinstructs \nthe Director of the "
     "Telecommunication Development Bureau\n1\tto assist Member States in spectrum management;"),  # R99: added
]


@pytest.fixture(scope="module")
def docs():
    old = SEED.read_bytes()
    new = edit(old.decode("utf-8"), EDITS).encode("utf-8")
    return extract_bytes(old, "old.txt"), extract_bytes(new, "new.txt"), old, new


@pytest.fixture(scope="module")
def diff(docs):
    return diff_documents(docs[0], docs[1])


def _changes(diff):
    """(resolution key, its change, [(clause change, label, fields)] for every clause that changed)."""
    return {(r.new or r.old).key: (r.change, r.fields, [(c.change, (c.new or c.old).label, c.fields)
                                                       for c in r.clauses if c.change != "unchanged"])
            for r in diff.resolutions if r.change != "unchanged"}


def test_exactly_the_planted_edits(diff):
    got = _changes(diff)
    assert got.pop("NEW-1") == ("changed", ("title_en",), [])
    assert got.pop("NEW-3") == ("changed", (), [("added", "2", ()), ("changed", None, ("verb",))])
    assert got.pop("R29") == ("changed", (), [("changed", None, ("text", "with_bureaux"))])
    assert got.pop("R50") == ("changed", (), [("removed", "8", ())])
    assert got.pop("R54") == ("changed", (), [("changed", "1", ("text", "with_bureaux"))])
    change, _, clauses = got.pop("R78")
    assert change == "removed" and {c[0] for c in clauses} == {"removed"}
    change, _, clauses = got.pop("R99")
    assert change == "added" and clauses == [("added", "1", ())]
    assert got == {}


def test_matches_and_word_edits(diff):
    by_key = {(r.new or r.old).key: r for r in diff.resolutions}
    assert by_key["NEW-1"].match.by in ("content", "title") and not by_key["NEW-1"].match.ambiguous
    assert by_key["R50"].match == ("number", 1.0, False)
    (r29,) = [c for c in by_key["R29"].clauses if c.change == "changed"]
    assert r29.old.with_bureaux == ("BDT",) and r29.new.with_bureaux == ()
    assert r29.words[0]["op"] == "delete" and "cooperate" in r29.words[0]["old"]


def test_meaningless_differences_are_not_changes():
    assert normal("that  the ‘forum’ shall—meet;") == normal("that the 'forum' shall-meet,")
    assert normal("to report; and") == normal("to report.")


def test_summary_per_actor(diff):
    lines = summary_lines(diff_dict(diff)["summary"])
    assert lines[0] == "resolutions: +1, -1, 5 changed, 20 unchanged"
    bdt = next(line for line in lines if line.startswith("BDT:"))
    assert bdt.startswith("BDT: +1 clause, -")  # R99's new mandate
    tsb = next(line for line in lines if line.startswith("TSB:"))
    assert "1 verb changed" in tsb  # NEW-3 encourages -> instructs


def test_json_follows_its_schema_and_csv_lists_changed_clauses(diff):
    schema = json.loads((ROOT / "docs" / "diff-schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    data = diff_dict(diff)
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["schema"] == "wtsa-extract-diff/2"
    rows = to_diff_csv(diff).splitlines()
    changed = sum(1 for r in diff.resolutions for c in r.clauses if c.change != "unchanged")
    assert len(rows) == changed + 1


def test_exit_codes_like_diff(docs, tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(docs[2])
    new.write_bytes(docs[3])
    same = subprocess.run([EXE, "diff", str(old), str(old), "-q"], capture_output=True, text=True)
    assert same.returncode == 0 and json.loads(same.stdout)["summary"]["resolutions"]["changed"] == 0
    out = tmp_path / "d.csv"
    differ = subprocess.run([EXE, "diff", str(old), str(new), "-o", str(out)], capture_output=True, text=True)
    assert differ.returncode == 1 and differ.stdout == "" and out.read_text().startswith("old_key,new_key")
    assert differ.stderr.startswith("resolutions: +1, -1, 5 changed")
    bad = subprocess.run([EXE, "diff", str(old), str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert (bad.returncode, bad.stdout) == (2, "") and bad.stderr.count("\n") == 1


def test_html_redline(diff):
    html = to_diff_html(diff)
    assert "<del>to cooperate with the Director of the Telecommunication Development Bureau</del>" in html
    assert html.count('class="clause c-') == sum(1 for r in diff.resolutions for c in r.clauses
                                                 if c.change != "unchanged")


def test_published_diff_schema_is_the_generated_one():
    from wtsa_extract.export.diff import diff_schema

    if os.environ.get("UPDATE_GOLDEN"):
        (ROOT / "docs" / "diff-schema.json").write_text(json.dumps(diff_schema(), indent=2, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    assert json.loads((ROOT / "docs" / "diff-schema.json").read_text(encoding="utf-8")) == diff_schema()


@pytest.mark.skipif(__import__("test_html_report").CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_redline_filters_in_chromium(diff, tmp_path):
    from test_html_report import browse

    page = tmp_path / "diff.html"
    page.write_text(to_diff_html(diff), encoding="utf-8")
    changed = [c for r in diff.resolutions for c in r.clauses if c.change != "unchanged"]
    dom, log = browse(page, tmp_path)
    assert "Uncaught" not in log and ":ERROR:CONSOLE" not in log and f'data-shown="{len(changed)}"' in dom
    dom, _ = browse(page, tmp_path, "#change=added")
    assert f'data-shown="{sum(c.change == "added" for c in changed)}"' in dom
    with_br = [c for c in changed if "BR" in {*(c.old.bureaux + c.old.with_bureaux if c.old else ()),
                                               *(c.new.bureaux + c.new.with_bureaux if c.new else ())}]
    dom, _ = browse(page, tmp_path, "#bureau=BR")
    assert f'data-shown="{len(with_br)}"' in dom and 0 < len(with_br) < len(changed)


def test_a_corpus_resolution_with_a_moved_clause_an_insertion_and_a_new_label():
    """A clause moved to another section is 'moved'; one inserted before numbered clauses does not make
    those after it 'changed' although their labels shift (the label is then the only field)."""
    path = ROOT / "tests" / "corpus" / "wtsa_res1_plain.txt"
    text = path.read_text(encoding="utf-8")
    new = edit(text, [
        ("delete", 22),                                                       # resolves 2 …
        ("insert_after", 24, "that these rules shall be reviewed by each assembly,"),  # … moved to resolves further
        ("insert_after", 36, "1\tto contribute to the review of these rules;"),         # invites: a new 1
        ("replace", 37, "1\t", "2\t"), ("replace", 38, "2\t", "3\t"),          # the others renumbered
    ])
    diff = diff_documents(extract_bytes(text.encode(), "old.txt"), extract_bytes(new.encode(), "new.txt"))
    (r,) = diff.resolutions
    changed = [(c.change, c.old.label if c.old else None, c.new.label if c.new else None, c.fields)
               for c in r.clauses if c.change != "unchanged"]
    assert changed == [("moved", "2", None, ("label", "verb")), ("added", None, "1", ()),
                       ("changed", "1", "2", ("label",)), ("changed", "2", "3", ("label",))]

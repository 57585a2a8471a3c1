"""Every example in README.md and docs/ runs: each `wtsa-extract …` line of a ```sh block (exit 0,
or 0/1 for `check` and `diff`, which report disagreements with 1) and each ```python block (run in
order, one namespace per file). They run in a folder that holds the files the examples name:
`samples/` (the bundled samples), `doc.docx` (ITU's Resolution 1), `doc.txt` (the seed),
`english.txt`/`arabic.txt` (an English and an Arabic version), `old.txt`/`new.txt` (two editions),
`inbox/` (a folder of documents) and `out/` as `make demo` leaves it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx_build import ITU_DOCX, ROOT, SEED_TEXT

BIN = Path(sys.executable).parent
CORPUS = ROOT / "tests" / "corpus"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)
REPLIES_WITH_1 = ("check", "diff")  # 1 means "found disagreements / differences"


def blocks(path: Path, language: str) -> list[str]:
    return [m.group(2) for m in FENCE.finditer(path.read_text(encoding="utf-8")) if m.group(1) == language]


def commands() -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        for block in blocks(path, "sh"):
            for line in block.splitlines():
                if line.startswith("wtsa-extract "):
                    found.append((path.name, line.split(" #", 1)[0].strip()))
    return found


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    home = tmp_path_factory.mktemp("examples")
    shutil.copytree(ROOT / "samples", home / "samples")
    shutil.copy(ITU_DOCX, home / "doc.docx")
    shutil.copy(SEED_TEXT, home / "doc.txt")
    shutil.copy(CORPUS / "wtsa_res1_plain.txt", home / "english.txt")
    shutil.copy(CORPUS / "ar" / "wtsa_res1_plain.ar.txt", home / "arabic.txt")
    seed = SEED_TEXT.read_text(encoding="utf-8")
    shutil.copy(SEED_TEXT, home / "old.txt")
    (home / "new.txt").write_text(seed.replace("to continue", "to pursue", 1), encoding="utf-8")
    (home / "inbox").mkdir()
    shutil.copy(SEED_TEXT, home / "inbox" / "seed.txt")
    shutil.copy(ITU_DOCX, home / "inbox" / "res1.docx")
    (home / "out").mkdir()
    for suffix in ("json", "csv"):  # as make demo does
        run(f"wtsa-extract parse samples/000_4ba82f9e94ba416a.txt -o out/seed.{suffix} -q", home)
    return home


def run(line: str, cwd: Path):
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "80"}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, timeout=300)


def test_the_docs_have_examples():
    names = {name for name, _ in commands()}
    assert {"README.md", "cli.md", "user-guide.md"} <= names
    assert blocks(ROOT / "docs" / "api.md", "python")


@pytest.mark.parametrize(("doc", "line"), commands(), ids=[f"{n}:{c[13:50]}" for n, c in commands()])
def test_shell_example_runs(workspace, doc, line):
    done = run(line, workspace)
    allowed = {0, 1} if line.split()[1] in REPLIES_WITH_1 else {0}
    assert done.returncode in allowed, (line, done.stderr.decode()[-400:])
    assert b"error:" not in done.stderr, (line, done.stderr.decode()[-400:])


@pytest.mark.parametrize("path", [p for p in DOCS if blocks(p, "python")], ids=lambda p: p.name)
def test_python_examples_run(workspace, path, monkeypatch, capsys):
    pytest.importorskip("pandas")
    monkeypatch.chdir(workspace)
    namespace: dict = {}
    for block in blocks(path, "python"):
        exec(compile(block, f"{path.name} example", "exec"), namespace)
    assert capsys.readouterr().out.strip() or path.name != "api.md"

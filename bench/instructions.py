"""Instructions a whole `wtsa-extract parse` executes, counted by valgrind's callgrind: the same on
every run (PYTHONHASHSEED fixed), where wall times on a shared VM swing by a third. Used to decide
which speed devices pay (bench/devices.md); needs valgrind (`apt-get install valgrind`).

    python bench/instructions.py [--tree SRC ...] FILE ...
    python bench/instructions.py --where FILE

Each --tree is a src/ folder to run instead of the installed one (another checkout, a variant).
--where splits one parse's instructions into parts, each counted by running only that part in a
fresh process (see WHERE): what any Python reader of a .docx pays, our imports, regular-expression
compilation, the per-document work, and the rest (first use of vocabularies and caches)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import WARM_PROCESS

EXE = Path(sys.executable).with_name("wtsa-extract")


def counted(command: list[str], tree: str | None = None) -> int:
    """Instructions `command` executes (callgrind, hash seed fixed)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", **({"PYTHONPATH": tree} if tree else {})}
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                          env=env, capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def instructions(file: Path, tree: str | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        return counted([sys.executable, str(EXE), "parse", str(file), "-q", "-o", str(Path(tmp) / "out.json")], tree)


# --where: each script runs in a fresh process; a part is the difference between two of them.
# PARSE runs `wtsa-extract parse` in-process `n` times (the per-document caches emptied between, as
# each run of the command starts empty), recording the modules it imports and the patterns re
# compiles (through re's public functions) to the files given.
PARSE = """
import gc, json, re, sys
gc.disable()  # as entry.main does
file, out, n, record = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
before = set(sys.modules)
patterns = {}
def recording(name):
    function = getattr(re, name)
    def wrapper(pattern, *args, **kwargs):
        if isinstance(pattern, (str, bytes)):
            flags = kwargs.get("flags", args[-1] if name in ("compile", "search", "match", "fullmatch",
                               "findall", "finditer") and args else 0)
            key = (pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern, isinstance(pattern, bytes),
                   int(flags) if isinstance(flags, int) else 0)
            patterns[key] = None
        return function(pattern, *args, **kwargs)
    return wrapper
if record:
    for name in ("compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"):
        setattr(re, name, recording(name))
from wtsa_extract.fastpath import run
from wtsa_extract import pipeline
for i in range(n):
    pipeline._fresh_caches()
    run(["parse", file, "-q", "-o", out])
if record:
    json.dump([m for m in sys.modules if m not in before], open(record[0], "w"))
    json.dump(list(patterns), open(record[1], "w"))
"""
IMPORTS = """
import gc, importlib, json, sys
gc.disable()
names = json.load(open(sys.argv[1]))
for name in names if sys.argv[2] == "all" else [n for n in names if n.split(".")[0] in ("zipfile", "lxml")]:
    try:
        importlib.import_module(name)
    except ImportError:  # entries an extension module adds under its own name (lxml's Cython runtime)
        pass
"""
COMPILE = """
import gc, json, re, sys
gc.disable()
patterns = json.load(open(sys.argv[1]))
if sys.argv[2] == "all":
    for source, is_bytes, flags in patterns:
        re.compile(source.encode("latin-1") if is_bytes else source, flags)
"""

# One stage of the per-document work, `n` times after a warm-up parse (as PARSE's second run).
STAGE = WARM_PROCESS + """
import gc
gc.disable()  # as entry.main does
english, overview = english.value, overview.value
to_json(doc)
stage = {"read": lambda: read_bytes(data), "english": lambda: parse_english(blocks),
         "overview": lambda: parse_overview(blocks), "align": lambda: align_document(english, overview),
         "json": lambda: to_json(doc), "none": lambda: None}[sys.argv[2]]
for _ in range(int(sys.argv[3])):
    pipeline._fresh_caches()
    stage()
"""
STAGES = {"read": "reading (.docx or text to blocks)", "english": "English annex parsed",
          "overview": "Arabic overview parsed", "align": "alignment", "json": "JSON written (to a string)"}


def stages(file: Path, runs: int = 3) -> list[tuple[str, int]]:
    """(stage, instructions) of the per-document work."""
    base = counted([sys.executable, "-c", STAGE, str(file), "none", str(runs)])
    return [(f"- {label}", (counted([sys.executable, "-c", STAGE, str(file), key, str(runs)]) - base) // runs)
            for key, label in STAGES.items()]


def where(file: Path) -> list[tuple[str, int]]:
    """(part, instructions) for one parse of `file`."""
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        out, mods, pats = (str(Path(tmp) / n) for n in ("out.json", "modules.json", "patterns.json"))
        subprocess.run([py, "-c", PARSE, str(file), out, "1", mods, pats], check=True)
        one, two = (counted([py, "-c", PARSE, str(file), out, str(n)]) for n in (1, 2))
        start = counted([py, "-c", "pass"])
        imports = {k: counted([py, "-c", IMPORTS, mods, k]) for k in ("floor", "all")}
        compiled = {k: counted([py, "-c", COMPILE, pats, k]) for k in ("none", "all")}
    parts = [("Python start-up (`python -c pass`)", start),
             ("zipfile and lxml.etree imported (the floor imports them too)", imports["floor"] - start),
             ("every other module a parse imports (ours, json, hashlib, unicodedata ...)",
              imports["all"] - imports["floor"]),
             ("regular expressions compiled (every pattern a parse compiles, once)", compiled["all"] - compiled["none"]),
             ("per-document work (a second parse in the same process, caches emptied)", two - one)]
    return [*parts, ("first use (vocabularies loaded, their literals read, caches filled ...)",
                     one - sum(n for _, n in parts)), ("**whole parse**", one)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", default=[])
    parser.add_argument("--where", action="store_true", help="split one parse into parts")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py needs valgrind (apt-get install valgrind)")
    if args.where:
        for file in args.files:
            parts = where(file)
            total = parts[-1][1]
            print(f"| {file.name}: part | instructions | share |\n|---|---|---|")
            for name, n in parts[:-2] + stages(file) + parts[-2:]:
                print(f"| {name} | {n / 1e6:.0f} M | {100 * n / total:.0f}% |")
        return
    trees = args.tree or [None]
    print("| input | " + " | ".join(t or "installed" for t in trees) + " |")
    print("|---|" + "---|" * len(trees))
    for file in args.files:
        counts = [instructions(file, tree) for tree in trees]
        print(f"| {file.name} | " + " | ".join(f"{c / 1e6:.1f} M" for c in counts) + " |")


if __name__ == "__main__":
    main()

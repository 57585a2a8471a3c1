"""Instructions a whole `wtsa-extract parse` executes, counted by valgrind's callgrind: the same on
every run (PYTHONHASHSEED fixed), where wall times on a shared VM swing by a third. Used to decide
which speed devices pay (bench/devices.md); needs valgrind (`apt-get install valgrind`).

    python bench/instructions.py [--tree SRC ...] FILE ...

Each --tree is a src/ folder to run instead of the installed one (another checkout, a variant)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

EXE = Path(sys.executable).with_name("wtsa-extract")


def instructions(file: Path, tree: str | None) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0", **({"PYTHONPATH": tree} if tree else {})}
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                               str(EXE), "parse", str(file), "-q", "-o", str(Path(tmp) / "out.json")],
                              env=env, capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", default=[])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py needs valgrind (apt-get install valgrind)")
    trees = args.tree or [None]
    print("| input | " + " | ".join(t or "installed" for t in trees) + " |")
    print("|---|" + "---|" * len(trees))
    for file in args.files:
        counts = [instructions(file, tree) for tree in trees]
        print(f"| {file.name} | " + " | ".join(f"{c / 1e6:.1f} M" for c in counts) + " |")


if __name__ == "__main__":
    main()

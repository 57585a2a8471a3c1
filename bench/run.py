"""Benchmark the whole `wtsa-extract parse` process on the samples (median wall time of N runs).

Compares with `python -c pass` (interpreter start-up) and the floor (start-up + unzip + one lxml
parse of word/document.xml). pandoc is measured too when it is installed. Usage:
    python bench/run.py [--runs N] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from common import emit, machine  # noqa: E402

FLOOR = ("import sys, zipfile; from lxml import etree; "
         "etree.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))")


def median_seconds(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    from docx_build import ITU_DOCX, SEED_TEXT, seed_docx

    exe = str(Path(sys.executable).with_name("wtsa-extract"))
    py = sys.executable
    tmp = Path(tempfile.mkdtemp())
    seed_doc = seed_docx(tmp / "seed.docx")
    pandoc = shutil.which("pandoc")
    rows = []
    start_up = median_seconds([py, "-c", "pass"], args.runs)
    rows.append(("python -c pass", "-", start_up, None))
    for label, path in (("seed text", SEED_TEXT), ("seed .docx", seed_doc), ("ITU Res. 1 .docx", ITU_DOCX)):
        ours = median_seconds([exe, "parse", str(path), "-q"], args.runs)
        floor = median_seconds([py, "-c", FLOOR, str(path)], args.runs) if path.suffix == ".docx" else None
        theirs = median_seconds([pandoc, str(path), "-t", "plain"], args.runs) if pandoc and path.suffix == ".docx" else None
        rows.append((f"wtsa-extract parse ({label})", f"{path.stat().st_size:,} B", ours, (floor, theirs)))
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` (`python bench/run.py`), median of {args.runs} runs of the whole process,",
        f"on {machine()}.",
        "",
        "| command | input size | median (ms) | floor: unzip + lxml (ms) | ours / floor | pandoc -t plain (ms) |",
        "|---|---|---|---|---|---|",
    ]
    for name, size, seconds, extra in rows:
        floor, theirs = extra or (None, None)
        lines.append(f"| {name} | {size} | {seconds * 1000:.0f} | "
                     f"{'' if floor is None else f'{floor * 1000:.0f}'} | "
                     f"{'' if floor is None else f'{seconds / floor:.2f}'} | "
                     f"{'' if theirs is None else f'{theirs * 1000:.0f}'} |")
    if not pandoc:
        lines += ["", "pandoc was not installed on this machine, so its column is empty."]
    emit(lines, args.write)


if __name__ == "__main__":
    main()

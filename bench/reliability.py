"""Time and peak memory of `wtsa-extract parse` on every hostile input class (tests/hostile.py),
measured as whole processes with /usr/bin/time. Usage: python bench/reliability.py [--write FILE]"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from common import emit, machine, measure  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    from hostile import CASES

    exe = str(Path(sys.executable).with_name("wtsa-extract"))
    tmp = Path(tempfile.mkdtemp())
    rows = []
    for name, (data, _words, extra) in sorted(CASES.items()):
        path = tmp / f"{name}.docx"
        path.write_bytes(data)
        code, seconds, mib, line = measure([exe, "parse", str(path), *extra])
        rows.append((name, f"{len(data):,}", code, seconds, mib, line.replace(str(tmp) + "/", "")))
    long_line = tmp / "five-mb-line.txt"
    long_line.write_text("RESOLUTION 1\nTitle\ninstructs\nthe Director of TSB\n1\t"
                         + "to do things with the BDT in collaboration with the BR, [1: note " * 80_000 + "\n",
                         encoding="utf-8")
    code, seconds, mib, _ = measure([exe, "parse", str(long_line), "-q", "-o", str(tmp / "out.json")])
    rows.append(("5 MB single line (valid)", f"{long_line.stat().st_size:,}", code, seconds, mib, "(parsed)"))
    hostile = rows[:-1]
    worst_s, worst_m = max(r[3] for r in hostile), max(r[4] for r in hostile)
    lines = [
        "# Reliability: hostile input",
        "",
        "Measured by `make reliability` (`python bench/reliability.py`): each input is one whole",
        f"`wtsa-extract parse` process under `/usr/bin/time`, on {machine()}.",
        f"Budget: 5 s and 500 MiB each. Worst hostile class here: {worst_s:.2f} s, {worst_m} MiB; the valid 5 MB",
        f"single line (linear-time parsing of long lines): {rows[-1][3]:.2f} s, {rows[-1][4]} MiB.",
        "",
        "| input | bytes | exit | seconds | peak MiB | what stderr says |",
        "|---|---|---|---|---|---|",
    ]
    lines += [f"| {n} | {b} | {c} | {s:.2f} | {m} | {line} |" for n, b, c, s, m, line in rows]
    lines += ["", "The inputs are made by `tests/hostile.py`; `tests/test_hostile.py` checks the exit codes and",
              "messages in `make test`. What is refused and why is in docs/cli.md (exit codes, limits)."]
    emit(lines, args.write)


if __name__ == "__main__":
    main()

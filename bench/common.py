"""Shared by the measurement scripts: a description of the machine, the start of a warm-process
script, and writing the report."""

from __future__ import annotations

import os
import platform
import subprocess
import tempfile
from pathlib import Path

# The start of a script that runs parts of the per-document work in a warm process (argv[1]: the
# document): everything imported, one whole parse done, and its blocks, English annex and overview
# kept for the stages that read them. bench/run.py times the stages; bench/instructions.py counts them.
WARM_PROCESS = """
import sys, time
from pathlib import Path
from wtsa_extract import pipeline
from wtsa_extract.align import align_document
from wtsa_extract.coverage import account
from wtsa_extract.export.json import document_dict, dumps, to_json
from wtsa_extract.parse import parse_english, parse_overview
from wtsa_extract.readers import read_bytes
data = Path(sys.argv[1]).read_bytes()
doc = pipeline.extract_bytes(data, "warm-up")
blocks = read_bytes(data)[2].value
english, overview = parse_english(blocks), parse_overview(blocks)
"""


def machine() -> str:
    return f"{platform.machine()} with {os.cpu_count()} cores, Python {platform.python_version()}"


def measure(cmd: list[str]) -> tuple[int, float, int, str]:
    """(exit code, seconds, peak RSS in MiB, first stderr line) of one run under /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        done = subprocess.run(["/usr/bin/time", "-o", stats.name, "-f", "%e %M", *cmd],
                              capture_output=True, text=True, errors="replace", timeout=300)
        seconds, kib = stats.read().split()[-2:]
    line = done.stderr.strip().splitlines()[0] if done.stderr.strip() else ""
    return done.returncode, float(seconds), int(kib) // 1024, line


def emit(lines: list[str], path: Path | None) -> None:
    """Print the Markdown report and, when asked, write it to `path`."""
    text = "\n".join(lines) + "\n"
    print(text)
    if path:
        path.write_text(text, encoding="utf-8")

"""Shared by the measurement scripts: a description of the machine, and writing the report."""

from __future__ import annotations

import os
import platform
import subprocess
import tempfile
from pathlib import Path


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

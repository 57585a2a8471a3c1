"""Shared by the measurement scripts: a description of the machine, and writing the report."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine() -> str:
    return f"{platform.machine()} with {os.cpu_count()} cores, Python {platform.python_version()}"


def emit(lines: list[str], path: Path | None) -> None:
    """Print the Markdown report and, when asked, write it to `path`."""
    text = "\n".join(lines) + "\n"
    print(text)
    if path:
        path.write_text(text, encoding="utf-8")

"""Console entry point: the typer-free fast path first, typer (cli.py) for everything else."""

from __future__ import annotations

import sys


def main() -> None:
    from wtsa_extract.fastpath import run

    code = run(sys.argv[1:])
    if code is None:
        from wtsa_extract.cli import app

        app(prog_name="wtsa-extract")  # exits itself
    sys.exit(code)

"""The common invocations without typer: `--version`, and `parse`/`check` with their documented
options (options.py) spelled plainly. Anything else (help, a mistake, an option it does not know)
returns None and the typer CLI handles it, so errors and help look the same whichever way in."""

from __future__ import annotations

from pathlib import Path

from wtsa_extract.options import CHECK, CHECK_DEFAULTS, PARSE, Option


def _options(args: list[str], spec: dict[str, Option]) -> tuple[dict, list[str]] | None:
    """Options (choices lowered) and positional arguments, or None when anything is out of the
    plain form or out of its choices."""
    names = {name: (key, o) for key, o in spec.items() for name in o.names}
    found: dict = {"limit": []}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("-") and arg != "-":
            if not arg.startswith("--") and "=" in arg:
                return None  # `-o=x`: typer reads "=x" as the value; let it, so both ways agree
            name, eq, inline = arg.partition("=")
            if name not in names:
                return None  # --help, --, unknown options
            key, o = names[name]
            if o.flag:
                if eq:
                    return None
                found[key] = True
            else:
                if eq:
                    value = inline
                elif i + 1 < len(args):
                    i += 1
                    value = args[i]
                else:
                    return None
                if o.choices:
                    value = value.lower()
                    if value not in o.choices:
                        return None
                if key == "limit":
                    found["limit"].append(value)
                elif key in found:
                    return None  # repeated: let typer decide
                else:
                    found[key] = value
        else:
            positional.append(arg)
        i += 1
    return found, positional


def run(argv: list[str]) -> int | None:
    """Exit code, or None when typer should handle `argv`."""
    if argv == ["--version"]:
        from wtsa_extract import __version__

        print(f"wtsa-extract {__version__}")
        return 0
    if not argv or argv[0] not in ("parse", "check"):
        return None
    from wtsa_extract import commands as cmd

    if argv[0] == "parse":
        parsed = _options(argv[1:], PARSE)
        if parsed is None or not parsed[1]:
            return None
        opts, inputs = parsed
        jobs = opts.get("jobs")
        if jobs is not None:
            if not jobs.isdigit() or int(jobs) < 1:
                return None
            jobs = int(jobs)
        return cmd.guarded(lambda: cmd.run_parse(
            [Path(p) for p in inputs], opts.get("output"), opts.get("format"),
            opts.get("excel", False), opts.get("verbose", False), opts.get("quiet", False),
            cmd.limits_from(opts["limit"]), jobs, Path(opts["combined"]) if "combined" in opts else None))
    parsed = _options(argv[1:], CHECK)
    if parsed is None or len(parsed[1]) not in (1, 2):
        return None
    opts, paths = parsed
    return cmd.guarded(lambda: cmd.run_check([Path(p) for p in paths], opts.get("format", CHECK_DEFAULTS["format"]),
                                             opts.get("fail_on", CHECK_DEFAULTS["fail_on"]),
                                             opts.get("bidi", CHECK_DEFAULTS["bidi"]), cmd.limits_from(opts["limit"])))

"""Resource limits for untrusted input, with defaults no real ITU document comes near.

Each can be changed on the command line (`--limit NAME=VALUE`) or through the environment
(`WTSA_LIMIT_NAME=VALUE`, e.g. WTSA_LIMIT_MAX_INPUT_MB=200).
"""

import os
from typing import NamedTuple


class Limits(NamedTuple):
    max_input_mb: int = 64  # size of the file itself
    max_unzipped_mb: int = 256  # all members of a .docx together, uncompressed
    max_ratio: int = 200  # uncompressed / compressed size of one zip member (zip bombs)
    max_xml_mb: int = 64  # one XML part, uncompressed
    max_xml_elements: int = 3_000_000  # tags in one XML part (its parsed tree is what costs memory)
    max_paragraphs: int = 500_000  # blocks read from one document
    max_members: int = 10_000  # entries in the zip

    def input_too_large(self, size: int) -> str | None:
        """Why an input of `size` bytes is refused, or None."""
        if size <= self.max_input_mb * 2**20:
            return None
        return (f"is {size / 2**20:.0f} MiB, over the {self.max_input_mb} MiB limit "
                "(raise it with --limit max_input_mb=N)")

    def with_overrides(self, pairs: dict[str, str]) -> "Limits":
        names = set(self._fields)
        values = {}
        for name, raw in pairs.items():
            key = name.strip().lower().replace("-", "_")
            if key not in names:
                raise ValueError(f"unknown limit {name!r} (known: {', '.join(sorted(names))})")
            try:
                value = int(raw)
            except ValueError:
                raise ValueError(f"limit {name} needs a whole number, not {raw!r}") from None
            if value <= 0:
                raise ValueError(f"limit {name} must be positive")
            values[key] = value
        return self._replace(**values)


def from_environment(base: Limits | None = None) -> Limits:
    base = base or Limits()
    prefix = "WTSA_LIMIT_"
    pairs = {k[len(prefix):]: v for k, v in os.environ.items() if k.startswith(prefix)}
    return base.with_overrides(pairs) if pairs else base


DEFAULT = Limits()

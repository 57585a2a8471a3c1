"""Bounded fuzzing: mutate the samples (text bytes, and each XML part of a .docx) and check that
wtsa-extract only ever answers with a document or its own one-line InputError, and loses nothing.

    python fuzz/run.py --seconds 60 [--seed N]

A failing input is saved under fuzz/failures/ and the run exits 1.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randrange(len(out) + 1)
        kind = rng.randrange(6)
        if kind == 0:
            del out[pos: pos + rng.randint(1, 64)]
        elif kind == 1:
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 2 and out:
            out[pos % len(out)] = rng.randrange(256)
        elif kind == 3:
            out[pos:pos] = out[pos: pos + rng.randint(1, 400)]
        elif kind == 4:
            out[pos:pos] = rng.choice([b"\t", b"\n", b"\r\n", b"[1: ", b"]", b"RESOLUTION 7\n", b"instructs\n",
                                       b"1\t", b"<w:p>", b"</w:p>", b"<w:tbl>", b'<w:vMerge/>', b"\xd8\xa7"])
        else:
            cut = rng.randrange(len(out) + 1)
            out = out[:cut]
    return bytes(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    from docx_build import ITU_DOCX, SEED_TEXT, seed_docx

    from wtsa_extract.pipeline import extract_bytes
    from wtsa_extract.readers import InputError

    rng = random.Random(args.seed)
    seed_text = SEED_TEXT.read_bytes()
    docx_path = seed_docx(Path(tempfile.mkdtemp()) / "seed.docx")
    packages = []
    for path in (docx_path, ITU_DOCX):
        with zipfile.ZipFile(path) as zf:
            packages.append({n: zf.read(n) for n in zf.namelist()})
    deadline = time.monotonic() + args.seconds
    runs = refused = 0
    while time.monotonic() < deadline:
        if rng.random() < 0.4:
            data, name = mutate(rng, seed_text), "fuzz.txt"
        else:
            parts = dict(rng.choice(packages))
            xml = [n for n in parts if n.endswith((".xml", ".rels"))]
            for target in rng.sample(xml, k=rng.randint(1, 2)):
                parts[target] = mutate(rng, parts[target])
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for part_name, part in parts.items():
                    zf.writestr(part_name, part)
            data, name = buf.getvalue(), "fuzz.docx"
        runs += 1
        try:
            doc = extract_bytes(data, name)
            problem = None if doc.coverage.ratio == 1.0 else f"coverage {doc.coverage.ratio}"
        except InputError as error:
            refused += 1
            problem = "multi-line error" if "\n" in str(error) else None
        except Exception:  # noqa: BLE001 - that is what we hunt
            problem = traceback.format_exc()
        if problem:
            failures = ROOT / "fuzz" / "failures"
            failures.mkdir(parents=True, exist_ok=True)
            saved = failures / f"seed{args.seed}-run{runs}-{name}"
            saved.write_bytes(data)
            print(f"FAILED after {runs} inputs (seed {args.seed}): {problem}\nsaved: {saved}", file=sys.stderr)
            return 1
    print(f"fuzz: {runs} inputs in {args.seconds:.0f} s (seed {args.seed}), {refused} refused with one line, "
          "0 crashes, coverage complete on all others")
    return 0


if __name__ == "__main__":
    sys.exit(main())

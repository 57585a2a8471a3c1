"""Exporters: a `Document` to JSON or CSV text, and atomic file writing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that it is complete or absent, even if the process is killed.

    Where the system allows (Linux O_TMPFILE), the data goes to an unnamed file that vanishes if we
    die, and gets a name only once complete; elsewhere a named temporary file in the same folder."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
        try:
            fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o666 & ~_umask())
        except OSError:
            fd = -1
        if fd >= 0:
            tmp = folder / f".{path.name}.{os.getpid()}.part"
            try:
                _write_all(fd, data)
                linked = _link_unnamed(fd, tmp)
            finally:
                os.close(fd)
            if linked:
                try:
                    os.replace(tmp, path)
                except BaseException:
                    _unlink(tmp)
                    raise
                return
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        try:
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _link_unnamed(fd: int, target: Path) -> bool:
    """Give the unnamed (O_TMPFILE) file `fd` the name `target`: linkat through /proc, following the
    magic link (os.link does not follow it). False when the system refuses."""
    import ctypes

    at_fdcwd, at_symlink_follow = -100, 0x400
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.linkat(at_fdcwd, f"/proc/self/fd/{fd}".encode(), at_fdcwd, os.fsencode(target),
                           at_symlink_follow) == 0
    except (OSError, AttributeError):
        return False

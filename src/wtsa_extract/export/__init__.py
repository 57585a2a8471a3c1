"""Exporters: a `Document` written in each output format (one module each), and atomic file writing."""

from __future__ import annotations

import os
from pathlib import Path


class AtomicWriter:
    """A file that appears at `path` complete, or not at all, even if the process is killed.

    Where the system allows (Linux O_TMPFILE), the data goes to an unnamed file in the target folder
    that vanishes if we die, and gets its name only once complete; elsewhere a named temporary file
    in the same folder, renamed at the end. Use as a context manager; `write` takes text or bytes.

    A symbolic link is followed: the file it points to is replaced, and the link stays. A device or
    a named pipe (`-o /dev/null`, a FIFO) cannot be replaced by a file: it is written to directly,
    as the data comes (complete-or-absent cannot apply to a stream)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if self.path.is_symlink():
            self.path = Path(os.path.realpath(self.path))
        self.folder = self.path.parent if str(self.path.parent) else Path(".")
        self.unnamed = False
        self.direct = self.path.exists() and not self.path.is_file() and not self.path.is_dir()
        self.tmp: str | None = None
        self.fd = -1

    def __enter__(self) -> AtomicWriter:
        if self.direct:
            self.fd = os.open(self.path, os.O_WRONLY)
            return self
        if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
            try:
                self.fd = os.open(self.folder, os.O_TMPFILE | os.O_WRONLY, 0o666 & ~_umask())
                self.unnamed = True
            except OSError:
                self.fd = -1
        if self.fd < 0:
            import tempfile

            self.fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.folder)
            os.fchmod(self.fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual mode
        return self

    def write(self, data: str | bytes) -> None:
        _write_all(self.fd, data.encode("utf-8") if isinstance(data, str) else data)

    def __exit__(self, kind, value, tb) -> None:
        if self.direct:
            os.close(self.fd)
            return
        try:
            if kind is None:
                os.fsync(self.fd)
                if self.unnamed:
                    self.tmp = str(self.folder / f".{self.path.name}.{os.getpid()}.part")
                    if not _link_unnamed(self.fd, Path(self.tmp)):
                        raise OSError(0, "the system refused to name the temporary file")
        finally:
            os.close(self.fd)
        if kind is None:
            try:
                os.replace(self.tmp, self.path)
            except BaseException:
                _unlink(self.tmp)
                raise
        elif self.tmp:
            _unlink(self.tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path`: complete or absent (see AtomicWriter)."""
    with AtomicWriter(path) as out:
        out.write(data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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
    magic link. os.link calls linkat(…, AT_SYMLINK_FOLLOW) only when given a directory fd (otherwise
    plain link(), which does not follow it), hence the folder's fd. False when the system refuses."""
    try:
        folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        os.link(f"/proc/self/fd/{fd}", target.name, dst_dir_fd=folder, follow_symlinks=True)
        return True
    except OSError:
        return False
    finally:
        os.close(folder)

"""Format readers: files → ``ParsedDocument`` / ``Skipped`` (see ``document.py``).

``read_path`` checks the file as a whole (readable, non-empty, under the size cap, content
matching the extension) and hands it to the reader registered for its extension in
``READERS``. Readers never touch the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from archive.ingest import encoding, jsonl, korean_byline, warc
from archive.ingest.document import Failed, ParsedDocument, ReadError, Skipped
from archive.ingest.html import reader as html
from archive.ingest.text import reader as text

Reader = Callable[[Path, bytes], Iterator[ParsedDocument | Skipped]]

# Readers of one payload by media type: a web archive's response records are handed to these
# (matched as a prefix of the record's Content-Type), so the WARC reader imports no reader.
PAYLOAD_READERS: dict[str, warc.PayloadReader] = {
    "text/html": html.parse_html,
    "application/xhtml+xml": html.parse_html,
}
_archive = partial(warc.read, payload_readers=PAYLOAD_READERS)

# Longest suffix first wins, so ".warc.gz" is found before ".gz" would be.
READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".warc": _archive,
    ".warc.gz": _archive,
    ".arc": _archive,
    ".arc.gz": _archive,
    ".jsonl": jsonl.read,
    ".json": jsonl.read,
}

# Files that describe a collection rather than hold articles; skipped when a directory is
# expanded (an explicitly named file is always read).
COLLECTION_NOTES = ("readme", "manifest", "license", "changelog", "sources")

__all__ = [
    "PAYLOAD_READERS",
    "READERS",
    "Failed",
    "NotWalked",
    "ParsedDocument",
    "ReadError",
    "Skipped",
    "extension",
    "iter_files",
    "read_path",
]


def extension(path: Path) -> str:
    """The registered extension of ``path`` (".warc.gz", ".txt"), or its last suffix."""
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if name.endswith(ext):
            return ext
    return path.suffix.lower()


@dataclass
class NotWalked:
    """A directory the walk did not enter: ``failed`` when it could not be read (a failure
    of that entry only), otherwise a link back to a directory already walked (a loop)."""

    path: Path
    reason: str
    failed: bool


def iter_files(paths: Iterable[Path | str | NotWalked]) -> Iterator[Path | NotWalked]:
    """Files to read, in a stable order, and the directories that could not be walked.

    A file given by name is yielded as is. A directory is expanded recursively in sorted
    order, skipping hidden files and folders (".git", ".DS_Store") and collection notes
    (README*, MANIFEST*, LICENSE*, CHANGELOG*, SOURCES*). Files of unknown type are yielded
    so that ``read_path`` reports them rather than silently passing over them. No directory
    is entered twice (symbolic-link loops end there, reported once per link), and an
    unreadable directory is reported and passed over.
    """
    walked: set[tuple[int, int]] = set()
    for path in paths:
        if isinstance(path, NotWalked):  # already walked (a list of this function's results)
            yield path
            continue
        path = Path(path)
        if path.is_dir():
            yield from _walk(path, walked)
        else:
            yield path


def _walk(directory: Path, walked: set) -> Iterator[Path | NotWalked]:
    try:
        info = directory.stat()
        children = sorted(directory.iterdir())
    except OSError as error:
        yield NotWalked(directory, f"directory cannot be read: {_why(error)}", failed=True)
        return
    if (info.st_dev, info.st_ino) in walked:
        yield NotWalked(directory, LOOP, failed=False)
        return
    walked.add((info.st_dev, info.st_ino))
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, walked)
        elif not child.name.lower().startswith(COLLECTION_NOTES):
            yield child


LOOP = "a link to a directory already read (a symbolic-link loop): not followed"


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return error.strerror or str(error)


def read_path(path: Path, max_bytes: int | None = None) -> Iterator[ParsedDocument | Skipped]:
    """Read one file into documents and skipped records.

    Raises ``ReadError`` with one human reason when the file as a whole cannot be read:
    unknown extension, unreadable, empty, over ``max_bytes``, binary junk, content not
    matching the extension, undecodable text, truncated gzip/WARC (records before the damage
    are yielded first).
    """
    path = Path(path)
    ext = extension(path)
    if not path.exists() and not path.is_symlink():
        raise ReadError("file or directory not found")
    if ext not in READERS:
        known = ", ".join(sorted(READERS))
        raise ReadError(f"unknown file type {ext or '(no extension)'!r}; readable types: {known}")
    if ext == ".jsonl" and max_bytes is not None and _size(path) > max_bytes:
        yield from _stream_jsonl(path, max_bytes)
        return
    data = _read_bytes(path, max_bytes)
    check_content(ext, data)
    for item in READERS[ext](path, data):
        # A Korean lead byline is metadata, whatever the format (korean_byline.py).
        yield korean_byline.apply(item) if isinstance(item, ParsedDocument) else item


STREAM_HEAD = 64 * 1024  # bytes of a streamed file checked for binary junk


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # _read_bytes reports why


def _stream_jsonl(path: Path, max_bytes: int) -> Iterator[ParsedDocument | Skipped]:
    """A dataset over the size cap, read a line at a time (a bulk load): the cap applies to
    each record instead. UTF-8 only (a BOM of another encoding is refused)."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ReadError(f"file cannot be read: {_why(error)}") from None
    with handle:
        head = handle.read(STREAM_HEAD)
        check_content(".jsonl", head)
        if encoding.bom_codec(head) not in (None, "utf-8"):
            raise ReadError(f"a dataset file over {max_bytes:,} bytes must be UTF-8")
        handle.seek(0)
        yield from jsonl.read_lines(path, handle, max_bytes)


MAGIC = {
    b"\x1f\x8b": "gzip data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"SQLite format 3": "an SQLite database",
}
TEXT_TYPES = {".txt", ".html", ".htm", ".jsonl", ".json"}
ARCHIVE_HEADER_BYTES = 12  # bytes read for the "WARC/" or "FILEDESC://" opening an archive


def check_content(ext: str, data: bytes) -> None:
    """Raise ``ReadError`` when the bytes are not what the extension promises."""
    kind = next((name for magic, name in MAGIC.items() if data.startswith(magic)), "")
    if ext.endswith(".gz"):
        if kind != "gzip data":
            raise ReadError(f"content does not match extension {ext}: not gzip data")
        return
    if kind:
        raise ReadError(f"content does not match extension {ext}: the file is {kind}")
    if ext in TEXT_TYPES and encoding.looks_binary(data):
        raise ReadError("binary data, not text")
    if ext in {".warc", ".arc"} and not data.lstrip()[:ARCHIVE_HEADER_BYTES].upper().startswith(
        (b"WARC/", b"FILEDESC://")
    ):
        if encoding.looks_binary(data):
            raise ReadError("binary data, not a WARC/ARC file")
        raise ReadError(f"content does not match extension {ext}: no WARC/ARC header")


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        if path.is_dir():
            raise ReadError("is a directory, not a file")
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ReadError(f"file is too large: {size:,} bytes, the limit is {max_bytes:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("file not found") from None
    except PermissionError:
        raise ReadError("file is not readable (permission denied)") from None
    except OSError as error:
        raise ReadError(f"file cannot be read: {error.strerror or error}") from None
    if not data.strip():
        raise ReadError("file is empty")
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(f"file is too large: {len(data):,} bytes, the limit is {max_bytes:,}")
    return data

"""Web archives (`.warc`, `.warc.gz`, `.arc`, `.arc.gz`) via warcio.

Every HTML response record is an article candidate, handed with its target URI and capture
date to the payload reader registered for its media type (``readers.PAYLOAD_READERS``: the
HTML reader), so this module never imports a sibling reader. Every other record (request,
revisit, metadata, warcinfo, resource, non-HTML response) is ``Skipped`` with its record type
in the reason. ``origin`` is ``path#<record offset>``. A damaged archive yields the records
before the damage and then raises ``ReadError`` naming the problem.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.ingest import metadata
from archive.ingest.document import ParsedDocument, ReadError, Skipped

# Reads one record's payload into a document: (payload, origin, url=…, content_type_header=…,
# captured=…, raw=…) → ParsedDocument | Skipped; looked up by the record's media type.
PayloadReader = Callable[..., ParsedDocument | Skipped]
# Compression bombs: a small .warc.gz may inflate to gigabytes. The archive is inflated in
# chunks (keeping nothing) before it is parsed, and refused once it passes MAX_INFLATED bytes
# or, past RATIO_FLOOR bytes, MAX_RATIO times its compressed size (web pages compress 3-10
# times; a megabyte of gzip'd zeros inflates a thousandfold). One record's payload may be
# MAX_PAYLOAD bytes; larger ones are skipped.
MAX_INFLATED = 2 * 1024**3
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024**2
MAX_PAYLOAD = 50 * 1024**2
CHUNK = 1024**2
GZIP_WINDOW = 16 + zlib.MAX_WBITS  # zlib's window bits for a gzip (not raw zlib) stream
ERROR_CHARS = 200  # a warcio error message is cut to this length in the reason
# warcio fails in many ways on malformed records (AttributeError on a missing URI, ...).
WARCIO_ERRORS = (
    ArchiveLoadFailed,
    EOFError,
    zlib.error,
    OSError,
    ValueError,
    AttributeError,
    TypeError,
    KeyError,
    IndexError,
)


def read(
    path: Path, data: bytes, payload_readers: Mapping[str, PayloadReader]
) -> Iterator[ParsedDocument | Skipped]:
    """Records in file order, each response's payload read by the reader registered in
    ``payload_readers`` for its media type ("text/html"). Each is yielded only once the next
    one has been read cleanly, so a record cut off by damage is never yielded as if it were
    whole."""
    damaged_gzip = _gzip_damage(data) if data.startswith(b"\x1f\x8b") else ""
    records = ArchiveIterator(io.BytesIO(data), arc2warc=True, check_digests=False)
    pending, offset = None, 0
    try:
        for record in records:
            item = _record(record, path, payload_readers)
            offset = records.get_record_offset()  # valid once the record has been read
            item.origin = f"{path}#{offset}"
            if getattr(record.raw_stream, "limit", 0):
                if pending is not None:
                    yield pending
                pending = None
                raise ReadError(f"truncated archive: the record at offset {offset} ends early")
            if pending is not None:
                yield pending
            pending = item
    except ReadError:
        raise
    except WARCIO_ERRORS as error:
        if pending is not None and not damaged_gzip:
            yield pending
        problem = damaged_gzip or f"malformed record ({_describe(error)})"
        raise ReadError(f"damaged archive after offset {offset}: {problem}") from None
    if damaged_gzip:
        raise ReadError(f"truncated archive: {damaged_gzip} (records after offset {offset} lost)")
    if pending is not None:
        yield pending


def _gzip_damage(data: bytes) -> str:
    """Why the gzip stream is damaged, or ``""`` if every member decompresses completely.

    Inflates member by member in chunks and keeps nothing (memory stays flat, time linear);
    raises ``ReadError`` past ``MAX_INFLATED`` bytes.
    """
    view, pos, inflated = memoryview(data), 0, 0
    budget = inflation_budget(len(data))
    while pos < len(view):
        if view[pos] == 0 and not bytes(view[pos:]).strip(b"\x00"):
            break  # zero padding after the last member
        pos, inflated, problem = _inflate_member(view, pos, inflated, budget)
        if problem:
            return problem
    return ""


def inflation_budget(compressed: int) -> int:
    """The most bytes an archive of ``compressed`` bytes may inflate to."""
    return min(MAX_INFLATED, max(RATIO_FLOOR, MAX_RATIO * compressed))


def _inflate_member(view: memoryview, pos: int, inflated: int, budget: int) -> tuple[int, int, str]:
    """Inflate the gzip member starting at ``pos``: (its end, bytes inflated so far, problem)."""
    inflater = zlib.decompressobj(GZIP_WINDOW)
    while not inflater.eof:
        chunk = view[pos : pos + CHUNK]
        if not len(chunk):
            return pos, inflated, "the gzip stream ends early (truncated file)"
        pos += len(chunk)
        try:
            inflated = _inflate_chunk(inflater, chunk, inflated, budget)
        except zlib.error as error:
            return pos, inflated, f"corrupt gzip data ({error})"
    return pos - len(inflater.unused_data), inflated, ""


def _inflate_chunk(inflater, chunk, inflated: int, budget: int) -> int:
    """Feed ``chunk`` to ``inflater``, at most ``CHUNK`` bytes of output at a time."""
    pending = chunk
    while True:
        out = inflater.decompress(pending, CHUNK)
        inflated += len(out)
        if inflated > budget:
            raise ReadError(
                f"the archive inflates to more than {budget:,} bytes (at most {MAX_RATIO} "
                f"times its compressed size, {MAX_INFLATED:,} in all): refused as a possible "
                "compression bomb"
            )
        pending = inflater.unconsumed_tail
        if inflater.eof or not (out or pending):
            return inflated


def _describe(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    if isinstance(error, EOFError) or "end-of-stream" in text or "Compressed file ended" in text:
        return "the compressed stream ends early (truncated file)"
    return text[:ERROR_CHARS]


def _record(
    record, path: Path, payload_readers: Mapping[str, PayloadReader]
) -> ParsedDocument | Skipped:
    """Read the record completely and classify it; ``origin`` is set by the caller."""
    origin = str(path)
    stream = record.content_stream()
    payload = stream.read(MAX_PAYLOAD + 1)
    too_large = len(payload) > MAX_PAYLOAD
    while stream.read(CHUNK):  # the rest of an oversized payload is read and dropped
        pass
    record.raw_stream.read()
    if too_large:
        return Skipped(origin, f"WARC record payload larger than {MAX_PAYLOAD:,} bytes")
    kind = record.rec_type
    if kind != "response":
        return Skipped(origin, f"WARC {kind} record, not a response")
    content_type = (
        record.http_headers.get_header("Content-Type") if record.http_headers else ""
    ) or ""
    media = next((t for t in payload_readers if content_type.lower().startswith(t)), None)
    if media is None:
        shown = content_type.split(";")[0] or "no content type"
        return Skipped(origin, f"WARC response record with non-HTML content ({shown})")
    header_bytes = record.http_headers.to_bytes() if record.http_headers else b""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    captured = metadata.parse_date(record.rec_headers.get_header("WARC-Date"))
    if not payload.strip():
        return Skipped(origin, "WARC response record with an empty HTML payload")
    result = payload_readers[media](
        payload,
        origin,
        url=url,
        content_type_header=content_type,
        captured=captured,
        raw=header_bytes + payload,
    )
    if isinstance(result, ParsedDocument) and not result.source:
        result.source = metadata.canonical_source(metadata.outlet_for_url(url) or url)
    return result

"""Bytes → text for every text reader: binary sniffing, then BOM, declared charset, UTF-8
and charset detection, in that order."""

from __future__ import annotations

from charset_normalizer import from_bytes

from archive.ingest.document import ReadError

CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
SNIFF_BYTES = 8192  # the head of a file looked at to tell text from binary
MIN_CONTROLS, CONTROLS_PER = 4, 100  # binary: more control bytes than 4 or 1 in 100
MAX_CHAOS = 0.25  # charset detection's mess ratio above which its guess is refused


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in head if byte in CONTROL)
    return controls > max(MIN_CONTROLS, len(head) // CONTROLS_PER)


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes → text: BOM, then the declared charset, then UTF-8, then charset detection.

    Raises ``ReadError`` if nothing gives sensible text.
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    for codec in filter(None, [_codec(declared), "utf-8"]):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise ReadError("invalid UTF-8, and no character set detection makes sense of it")
    return str(best)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    # EUC-KR pages routinely use CP949 extensions; Latin-1 pages are really Windows-1252.
    return {
        "euc-kr": "cp949",
        "ks_c_5601-1987": "cp949",
        "iso-8859-1": "cp1252",
        "latin-1": "cp1252",
        "latin1": "cp1252",
        "us-ascii": "utf-8",
    }.get(name, name)

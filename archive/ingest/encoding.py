"""Bytes → text for every text reader: binary sniffing, then BOM, declared charset, UTF-8,
CP949 Korean and charset detection, in that order."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from archive.ingest.document import ReadError

CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
SNIFF_BYTES = 8192  # the head of a file looked at to tell text from binary
MIN_CONTROLS, CONTROLS_PER = 4, 100  # binary: more control bytes than 4 or 1 in 100
MAX_CHAOS = 0.25  # charset detection's mess ratio above which its guess is refused
HANGUL_SHARE = 0.9  # of the non-ASCII characters, for undeclared bytes to be read as CP949


# Longest first: the UTF-32 little-endian BOM begins with the UTF-16 one.
BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark announces, or None."""
    return next((codec for bom, codec in BOMS if data.startswith(bom)), None)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (of its characters, for
    text with a UTF-16/UTF-32 byte-order mark, whose NUL bytes are part of characters; such
    text that does not decode is binary)."""
    head = data[:SNIFF_BYTES]
    codec = bom_codec(head)
    if codec and codec != "utf-8":
        try:  # incremental: a character cut off at the end of the head is not an error
            text = codecs.getincrementaldecoder(codec)().decode(head, final=False)
        except UnicodeDecodeError:
            return True
        controls = sum(1 for char in text if ord(char) in CONTROL)
        return controls > max(MIN_CONTROLS, len(text) // CONTROLS_PER)
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in CONTROL)
    return controls > max(MIN_CONTROLS, len(head) // CONTROLS_PER)


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes → text: BOM, then the declared charset, then UTF-8, then CP949 when it gives
    Hangul, then charset detection.

    Raises ``ReadError`` if nothing gives sensible text.
    """
    codec = bom_codec(data)
    if codec:
        return data.decode(codec, errors="replace").lstrip("\ufeff")
    for codec in filter(None, [_codec(declared), "utf-8"]):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if korean := hangul_cp949(data):
        return korean
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise ReadError("invalid UTF-8, and no character set detection makes sense of it")
    return str(best)


def hangul_cp949(data: bytes) -> str | None:
    """The text, if ``data`` is CP949 (EUC-KR) Korean: it decodes strictly and Hangul
    syllables make up HANGUL_SHARE of its non-ASCII characters.

    Charset detection misreads Korean that is a small part of a page (a few words in a
    script-heavy HTML page come out as Central European or Big5); GBK Chinese or EUC-JP
    Japanese decode as CP949 too, but mostly into hanja and jamo, not syllables."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if ord(c) > 127]
    hangul = sum(1 for c in wide if "\uac00" <= c <= "\ud7a3")
    return text if wide and hangul >= HANGUL_SHARE * len(wide) else None


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

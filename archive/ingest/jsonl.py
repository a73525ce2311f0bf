"""Dataset files (`.jsonl`, one record a line; `.json`, a list of records).

A record carries ``text`` (required) and optionally ``title``, ``date``, ``source``, ``url``,
``author``, ``id``, ``alt_urls``/``other_urls``, ``lang``. One ``ParsedDocument`` per record,
``origin`` = ``path#<id>`` (or ``path#line<n>`` without an id). A record without text is
``Skipped``; a line that is not valid JSON, not an object, or has a field of the wrong type
(``"url": 5``, ``"text": null``) is ``Failed`` with its line number, and the rest of the
file is read. Wire-copy artefacts are cleaned generally:
literal ``&\\t`` paragraph markers, hard-wrapped lines, trailing ``Reuter``/``-0-`` sign-offs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from archive.ingest import limits, metadata
from archive.ingest.authors import join_authors, split_names, without_opening
from archive.ingest.document import Failed, ParsedDocument, ReadError, Skipped
from archive.ingest.encoding import decode
from archive.ingest.lines import TERMINAL, cut_at_word, is_hard_wrapped

SIGN_OFF = re.compile(r"(?:\s*(?:-0-|\(?end\)?|reuter[s]?\.*|\bends?\b\.?))+\s*$", re.I)
PARAGRAPH_MARKER = re.compile(r"(?:&\\t|&\t|\t)")
TEXT_FIELDS = ("text", "body", "content")
UTF8_BOM = b"\xef\xbb\xbf"
# The type each optional field must have when present (None is "absent").
FIELD_TYPES = {
    "title": (str,),
    "date": (str, int),
    "source": (str,),
    "url": (str,),
    "author": (str, list),
    "id": (str, int),
    "alt_urls": (str, list),
    "other_urls": (str, list),
    "lang": (str,),
    "language": (str,),
    "dateline": (str,),
}


def read(path: Path, data: bytes) -> Iterator[ParsedDocument | Skipped]:
    text = decode(data)
    if path.suffix.lower() == ".json":
        yield from _read_json(path, text)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _line_record(path, number, line)


def read_lines(path: Path, lines: Iterable[bytes], max_line: int) -> Iterator:
    """A JSONL file too large to hold in memory, read a line at a time (UTF-8, each line at
    most ``max_line`` bytes: a longer one fails with its number and the rest is read)."""
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw.removeprefix(UTF8_BOM)
        if not raw.strip():
            continue
        if len(raw) > max_line:
            reason = f"line {number}: {len(raw):,} bytes, the limit is {max_line:,}"
            yield Failed(f"{path}#line{number}", reason)
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Failed(f"{path}#line{number}", f"line {number}: not UTF-8")
            continue
        yield _line_record(path, number, line.rstrip("\r\n"))


def _line_record(path: Path, number: int, line: str) -> ParsedDocument | Skipped:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Failed(f"{path}#line{number}", f"line {number}: invalid JSON ({error.msg})")
    return parse_record(record, path, number, line.encode("utf-8"))


def _read_json(path: Path, text: str) -> Iterator[ParsedDocument | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadError(f"invalid JSON at line {error.lineno}: {error.msg}") from None
    if isinstance(data, dict):
        data = next(
            (
                data[k]
                for k in ("records", "articles", "items", "data")
                if isinstance(data.get(k), list)
            ),
            [data],
        )
    if not isinstance(data, list):
        raise ReadError("JSON file holds neither a record nor a list of records")
    for number, record in enumerate(data, start=1):
        raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
        yield parse_record(record, path, number, raw)


def parse_record(record, path: Path, number: int, raw: bytes) -> ParsedDocument | Skipped:
    """One dataset record → a document; ``Skipped`` when it holds no text, ``Failed`` when
    it is broken (not an object, a field of the wrong type, text too long)."""
    where = f"{path}#line{number}"
    problem = record_problem(record)
    if problem:
        return Failed(where, f"record {number}: {problem}")
    body_text = next((record[k] for k in TEXT_FIELDS if record.get(k)), "")
    if not body_text.strip():
        null = next((k for k in TEXT_FIELDS if k in record and record[k] is None), None)
        if null:
            return Failed(where, f'record {number}: "{null}" should be a string, not null')
        return Skipped(where, f"record {number}: no text")
    if record.get("id") is not None:
        where = f"{path}#{record['id']}"
    try:
        return _document(record, where, body_text, raw)
    except Exception as error:  # one odd record never costs the rest of the file
        return Failed(where, f"record {number}: {type(error).__name__}: {error}")


def record_problem(record) -> str:
    """Why ``record`` cannot be read as an article record, or ``""``."""
    if not isinstance(record, dict):
        return "not a JSON object"
    for name in TEXT_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return f'"{name}" should be a string, not {_type_name(record[name])}'
    for name, types in FIELD_TYPES.items():
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, types)):
            return f'"{name}" should be {_expected(types)}, not {_type_name(value)}'
    text = next((record[k] for k in TEXT_FIELDS if record.get(k)), "")
    return limits.too_long(text)


def _expected(types: tuple) -> str:
    names = {str: "a string", int: "a number", list: "a list"}
    return " or ".join(names[t] for t in types)


def _type_name(value) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", list: "a list"}.get(
        type(value), "an object" if isinstance(value, dict) else type(value).__name__
    )


def _document(record: dict, where: str, body_text: str, raw: bytes) -> ParsedDocument:
    body = clean_body(body_text)
    year = _year(record.get("date"))
    wire = metadata.parse_wire_dateline(body, year)
    published = metadata.parse_date(str(record["date"])) if record.get("date") else None
    source = metadata.canonical_source(record.get("source")) or (wire or {}).get("source", "")
    return ParsedDocument(
        origin=where,
        title=_title(record.get("title"), body),
        body=body,
        raw=raw,
        content_type="application/json",
        published=published or (wire or {}).get("published"),
        source=metadata.canonical_source(source),
        url=metadata.canonical_url(record.get("url")),
        other_urls=_other_urls(record),
        author=_author(record.get("author")),
        language=_language(record, body),
        dateline=(wire or {}).get("place", "") or _dateline_field(record.get("dateline")),
    )


def clean_body(text: str) -> str:
    """Paragraphs separated by blank lines; markers, wraps and sign-offs removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = SIGN_OFF.sub("", text.rstrip())
    if PARAGRAPH_MARKER.search(text):
        blocks = PARAGRAPH_MARKER.split(text)
    elif "\n\n" in text:
        blocks = re.split(r"\n\s*\n", text)
    elif _hard_wrapped(text):
        blocks = _split_wrapped(text)
    else:
        blocks = text.split("\n")
    paragraphs = [re.sub(r"\s+", " ", block).strip() for block in blocks]
    return "\n\n".join(p for p in paragraphs if p)


# A record's text is hard-wrapped (Reuters-21578) when it has WRAP_MIN_LINES lines or more, at
# least WRAP_OPEN_SHARE of them end mid-sentence and its median line is under WRAP_WIDTH.
WRAP_MIN_LINES, WRAP_OPEN_SHARE, WRAP_WIDTH = 4, 0.5, 90
PARAGRAPH_END_WIDTH = 0.8  # in wrapped text, a line ending a sentence this short ends a paragraph


def _hard_wrapped(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    return is_hard_wrapped(lines, WRAP_MIN_LINES, WRAP_OPEN_SHARE, max_median=WRAP_WIDTH)


def _split_wrapped(text: str) -> list[str]:
    """A wrapped text without markers: a short line ending a sentence closes a paragraph."""
    lines = text.split("\n")
    width = max(len(line) for line in lines)
    blocks, current = [], []
    for line in lines:
        current.append(line)
        if (
            not line.strip()
            or line.rstrip().endswith(TERMINAL)
            and len(line) < PARAGRAPH_END_WIDTH * width
        ):
            blocks.append(" ".join(current))
            current = []
    return blocks + [" ".join(current)]


def _title(title, body: str) -> str:
    if isinstance(title, str) and title.strip():
        return re.sub(r"\s+", " ", title).strip()
    first = re.split(r"(?<=[.!?다])\s", body.split("\n\n")[0], maxsplit=1)[0]
    return cut_at_word(first)


def _author(author) -> str:
    if not author:
        return ""
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    parts = split_names(without_opening(str(author)), any_case=False)
    outlets = set(metadata.known_outlets().values())
    return join_authors([p for p in parts if p and metadata.canonical_source(p) not in outlets])


def _other_urls(record: dict) -> list[str]:
    urls = record.get("alt_urls") or record.get("other_urls") or []
    main = metadata.canonical_url(record.get("url"))
    seen = []
    for url in urls if isinstance(urls, list) else [urls]:
        url = metadata.canonical_url(str(url))
        if url and url != main and url not in seen:
            seen.append(url)
    return seen


def _language(record: dict, body: str) -> str:
    hint = record.get("lang") or record.get("language")
    return metadata.detect_language(body, hint if isinstance(hint, str) else None)


def _year(date) -> int | None:
    match = re.match(r"^(\d{4})", str(date or ""))
    return int(match.group(1)) if match else None


def _dateline_field(value) -> str:
    if not isinstance(value, str):
        return ""
    place = re.split(r",", value.strip())[0].strip()
    return place.title() if place.isupper() else place

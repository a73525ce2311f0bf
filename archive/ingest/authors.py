"""Authors: names from bylines and credit lines ("By Jane Doe", "Reporting by A; Editing by
B", "(FR mit dpa)"), joined into the one author string of a ``ParsedDocument``."""

from __future__ import annotations

import re

from archive.agencies import agencies
from archive.entities.credit_words import AUTHOR_ROLES, alternation
from archive.ingest.metadata import canonical_source, known_outlets
from archive.text_shapes import BYLINE_OPENING

_BYLINE = re.compile(BYLINE_OPENING + r"[:\s]\s*(.+)$", re.I)
# "Write to Jane Doe at jane.doe@example.com": the contact line closing a story.
_WRITE_TO = re.compile(r"^(?:write|contact|e-?mail)\s+(?:to\s+)?(.+?),?\s+at\s+\S+@", re.I)
# The names after a role that names authors (``credit_words.AUTHOR_ROLES``); which lines are
# credit lines at all is data/credits.txt's (furniture.is_credit).
_AUTHOR_CREDIT = re.compile(rf"(?:{alternation(AUTHOR_ROLES)})\s+by\s+([^;)]+)", re.I)
NAME_MAX_WORDS = 4  # a longer part of a byline is not one person's name
# Words that make a closing parenthesis a picture credit ("(AP Photo)"), not a wire credit.
PICTURE_WORDS = frozenset({"photo", "photos", "image", "images", "file", "video", "foto"})


def authors_from_byline(line: str) -> list[str]:
    """Names from "By Jane Doe and John Roe" / "(Reporting by A; Editing by B)" / "-- By
    Jane Doe Follow @jdoe" / "Write to Jane Doe at jane@example.com".

    "For The Mail On Sunday" tails, roles after commas ("Political Editor") and "Staff"
    are dropped. Editors ("Editing by") are not authors.
    """
    line = line.strip()
    match = _BYLINE.match(line) or _WRITE_TO.match(line)
    if match:
        names = re.split(r"\s+(?:for|in)\s+(?=[A-Z])", match.group(1), flags=re.I)[0]
        names = re.sub(r"\s+(?:follow\s+)?@\w+.*$|\s+follow\b.*$", "", names, flags=re.I)
    else:
        credited = _AUTHOR_CREDIT.findall(line)
        if not credited:
            return []
        names = ", ".join(credited)  # "Reporting by A; Additional reporting by B"
    names = re.sub(r"\s*\|.*$", "", names)
    parts = [p.strip(" .") for p in split_names(names)]
    outlet = next((k for k, p in enumerate(parts) if k and _is_outlet_label(p)), len(parts))
    # "By Nada Tawfik, BBC News, New York": what follows the outlet is where, not who.
    return [p for p in parts[:outlet] if _looks_like_name(p)]


# The word that opens a byline in an author field: English "by" always; French "par" and
# German "von" only before a name of two words or more, since Von is also a name (Von Miller).
_FIELD_OPENING = re.compile(r"^\s*(?:by\s+|(?:par|von)\s+(?=\S+\s+\S))", re.I)


def without_opening(author: str) -> str:
    """An author field without its opening "By" ("By Jane Doe", "von Hans Müller")."""
    return _FIELD_OPENING.sub("", author)


_NAME_SEPARATOR = r"\s*(?:,|;|\band\b|&)\s*"


def split_names(text: str, any_case: bool = True) -> list[str]:
    """The parts of a list of names: "A, B and C", "A; B", "A & B". With ``any_case`` (bylines,
    often in capitals) "AND" separates too; author fields of page metadata and records are
    split on a lower-case "and" only."""
    return re.split(_NAME_SEPARATOR, text, flags=re.I if any_case else 0)


def _is_outlet_label(text: str) -> bool:
    return bool(re.search(r"\bnews\b", text, re.I)) or canonical_source(text) in set(
        known_outlets().values()
    )


NAME_PARTICLES = frozenset("de la le du da di del della dos der den van von al bin ibn".split())


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= NAME_MAX_WORDS or re.search(r"\d", text):
        return False
    if re.search(r"\b(staff|editor|correspondent|reporter|news|agency)\b", text, re.I):
        return False
    return all(w[0].isupper() for w in words if w.lower() not in NAME_PARTICLES)


# News agencies whose name in a closing parenthesis credits the story: "(AFP)", "(FR mit dpa)".
WIRE_AGENCIES = frozenset(name.casefold() for name in agencies("wire"))
WIRE_CREDIT_REACH = 3  # closing paragraphs searched for a wire credit
WIRE_CREDIT_WORDS = 5  # a longer parenthesis is text, not a credit
_CLOSING_PARENTHESIS = re.compile(r"\s*\(([^()\n]{2,40})\)\s*$")


def closing_wire_credit(paragraphs: list[str]) -> tuple[list[str], str]:
    """``(paragraphs, credit)``: a wire credit closing one of the last three paragraphs
    ("… hieß es. (FR mit dpa)", "(AFP)") is split off; otherwise ``(paragraphs, "")``.
    Picture credits ("(AP Photo)") are left alone."""
    for i in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - WIRE_CREDIT_REACH), -1):
        match = _CLOSING_PARENTHESIS.search(paragraphs[i])
        if match and _is_wire_credit(match.group(1)):
            rest = paragraphs[i][: match.start()].rstrip()
            kept = paragraphs[:i] + ([rest] if rest else []) + paragraphs[i + 1 :]
            return kept, match.group(1).strip()
    return paragraphs, ""


def _is_wire_credit(text: str) -> bool:
    words = {w.strip(".").casefold() for w in re.findall(r"[\w.]+", text)}
    return (
        len(words) <= WIRE_CREDIT_WORDS
        and bool(WIRE_AGENCIES & words)
        and not PICTURE_WORDS & words
    )


def join_authors(names: list[str]) -> str:
    """One "A, B" string; a news agency credited as author keeps its own name ("Afp" → "AFP")."""
    seen: list[str] = []
    outlets = set(known_outlets().values())
    for name in names:
        proper = name.title() if name.isupper() else name
        if (outlet := canonical_source(name)) in outlets:
            proper = outlet
        if proper.casefold() not in {s.casefold() for s in seen}:
            seen.append(proper)
    return ", ".join(seen)

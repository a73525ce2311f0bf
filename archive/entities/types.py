"""The contract between entity extraction and storage.

``archive.entities.extract(title, body)`` returns a list of ``Actor``: one per distinct
real-world actor the article mentions (persons, countries, organizations), never two for
the same actor. Storage maps each ``Actor`` to an ``Entity`` row by kind and by its
normalised name or aliases, so all forms of a name end up as one entity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

PERSON = "person"
COUNTRY = "country"
ORGANIZATION = "organization"
# The United Nations' name, which its bodies' names may open ("United Nations Children's Fund").
UNITED_NATIONS = "United Nations"


@dataclass
class Actor:
    """One actor mentioned by an article.

    - ``kind``: ``person``, ``country`` or ``organization``.
    - ``name``: canonical name ("Moon Jae-in", "North Korea", "United Nations Command").
    - ``aliases``: other forms of the name: those seen in the text first, then known variants.
    - ``code``: ISO 3166-1 alpha-2 code for countries ("KP"), ``""`` otherwise.
    - ``spans``: ``(start, end)`` character offsets of each mention in the *body*, sorted,
      non-overlapping with other actors' spans.
    - ``count``: number of mentions in title and body (``>= len(spans)``).
    """

    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    code: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    count: int = 0


def normalise_name(name: str) -> str:
    """The matching key of GUIDELINES.md: case-folded, hyphens/spaces/dots/apostrophes removed."""
    name = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\s\-\u2010-\u2015.'\u2018\u2019`]+", "", name)

"""The facet vocabulary in one place: URL parameter ↔ index field ↔ API name ↔ entity kind.

Values are ids (ISO codes, entity slugs, source slugs, language codes, "YYYY-MM" months),
never names: they have no spaces and no characters that haystack or Whoosh would reserve.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    param: str  # the URL parameter that selects values
    field: str  # the index field holding the values
    api_name: str  # the key of the panel in the API's "facets" and in page.facets
    kind: str = ""  # the Entity.Kind of entity facets; "" for outlets and languages
    multi: bool = False  # an article holds several values
    uppercase: bool = False  # values are codes written in capitals (ISO country codes)


LANGUAGE_FIELD = "language"  # ISO 639-1 codes ("ko", "en"), labelled with their English names

FACETS = (
    Facet("country", "countries", "country", kind="country", multi=True, uppercase=True),
    Facet("person", "persons", "person", kind="person", multi=True),
    Facet("org", "organizations", "organization", kind="organization", multi=True),
    Facet("source", "source", "source"),
    Facet("language", LANGUAGE_FIELD, "language"),
)
BY_FIELD = {facet.field: facet for facet in FACETS}

# Set to "1": search the words typed only, not also the actors they name (expansion.py).
LITERAL_PARAM = "literal"

# The date facet: counted on the month field, selected through the from/to parameters.
MONTH_FIELD = "month"
DATE_API_NAME = "date"
DATE_PARAMS = ("from", "to")

MULTI_FACETS = tuple(facet.field for facet in FACETS if facet.multi)
SINGLE_FACETS = (*(facet.field for facet in FACETS if not facet.multi), MONTH_FIELD)
FACET_FIELDS = MULTI_FACETS + SINGLE_FACETS

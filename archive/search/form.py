"""The search page's parameters: a whitelist, validated, never passed on raw."""

import re
from datetime import date

from django import forms

from archive.search.expansion import known_actors
from archive.search.request import MAX_QUERY_CHARS, MODES, SORTS, SearchRequest
from archive.search.vocabulary import FACETS, LITERAL_PARAM

# Facet values are slugs or ISO codes: nothing else is accepted.
VALUE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,99}$")
PER_PAGE = 20
MAX_PAGE = 500
PARAM_MAX_CHARS = 100  # a longer parameter value is cut before it is validated
RAW_QUERY_CHARS = MAX_QUERY_CHARS * 2  # of the raw query, read before control characters go
# Dates outside these bounds are typing slips, and past them date arithmetic overflows.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2100, 12, 31)


class ArchiveDateField(forms.DateField):
    """A YYYY-MM-DD date between FIRST_DATE and LAST_DATE."""

    def __init__(self):
        super().__init__(required=False, input_formats=["%Y-%m-%d"])

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_DATE <= value <= LAST_DATE:
            raise forms.ValidationError(f"Enter a date between {FIRST_DATE} and {LAST_DATE}.")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    sort = forms.ChoiceField(choices=[(s, s) for s in SORTS], required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    date_from = ArchiveDateField()
    date_to = ArchiveDateField()

    def __init__(self, params):
        data = {key: params.get(key, "")[:PARAM_MAX_CHARS] for key in ("sort", "page")}
        # NUL and other control characters are dropped, not rejected; long queries are cut.
        raw_q = params.get("q", "")
        data["q"] = "".join(c if c.isprintable() else " " for c in raw_q[:RAW_QUERY_CHARS])
        data["date_from"] = params.get("from", "")[:PARAM_MAX_CHARS]
        data["date_to"] = params.get("to", "")[:PARAM_MAX_CHARS]
        super().__init__(data)
        self.params = params
        self.notes = []

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            data["date_from"], data["date_to"] = end, start
            self.notes.append(f"“from” was after “to”: searched from {end} to {start}")
        return data

    def facet_values(self) -> dict[str, list[str]]:
        """Selected facet values by index field; malformed values are dropped."""
        selected = {}
        for facet in FACETS:
            values = [
                v.strip() for v in self.params.getlist(facet.param) if VALUE_RE.match(v.strip())
            ]
            if facet.uppercase:
                values = [v.upper() for v in values]
            if values:
                selected[facet.field] = list(dict.fromkeys(values))
        return selected

    def facet_modes(self) -> dict[str, str]:
        """ "all" or "any" by index field, from ``<param>_mode``; anything else is the default:
        "all" where an article holds several values, "any" where it holds one (an outlet)."""
        modes = {}
        for facet in FACETS:
            mode = self.params.get(mode_param(facet), "").strip()
            modes[facet.field] = mode if mode in MODES else default_mode(facet)
        return modes

    def search_request(self) -> SearchRequest:
        """The request to run; fields that failed validation fall back to their defaults."""
        self.is_valid()
        data = self.cleaned_data
        literal = self.params.get(LITERAL_PARAM, "").strip() in ("1", "true", "on")
        q = (data.get("q") or "")[:MAX_QUERY_CHARS]
        return SearchRequest(
            q=q,
            filters=self.facet_values(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            per_page=PER_PAGE,
            modes=self.facet_modes(),
            literal=literal,
            names=None if literal or not q.strip() else known_actors(),
        )

    def invalid(self) -> list[str]:
        """Why parameters are invalid, one reason each (the API refuses them with these)."""
        self.is_valid()
        names = {"date_from": "from", "date_to": "to"}
        reasons = [f"“{names.get(f, f)}”: {' '.join(e)}" for f, e in self.errors.items()]
        for facet in FACETS:
            bad = [v for v in self.params.getlist(facet.param) if not VALUE_RE.match(v.strip())]
            if bad:
                reasons.append(f"{len(bad)} malformed “{facet.param}” value(s)")
        return reasons

    def problems(self) -> list[str]:
        """Human-readable notes on parameters that were ignored or changed (the page's)."""
        return [f"Ignored {reason}" for reason in self.invalid()] + self.notes


def mode_param(facet) -> str:
    return f"{facet.param}_mode"


def default_mode(facet) -> str:
    return "all" if facet.multi else "any"

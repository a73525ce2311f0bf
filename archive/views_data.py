"""Views that take result sets elsewhere: CSV and JSON Lines exports of a search, and the
network of its actors (SVG, GraphML)."""

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive import network
from archive.export import FORMATS, records
from archive.ratelimit import export_rate_limited
from archive.search.matching import all_ids, request_for

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def export_response(params, fmt: str) -> StreamingHttpResponse:
    """Every article the search matches, streamed one batch at a time."""
    ids = all_ids(request_for(params))
    response = StreamingHttpResponse(FORMATS[fmt](records(ids)), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="peninsula-export.{fmt}"'
    response["X-Result-Count"] = str(len(ids))
    return response


@require_safe
@export_rate_limited
def export_csv(request):
    return export_response(request.GET, "csv")


@require_safe
@export_rate_limited
def export_jsonl(request):
    return export_response(request.GET, "jsonl")


NETWORK_CONTENT_TYPES = {
    "svg": "image/svg+xml; charset=utf-8",
    "graphml": "application/graphml+xml",
}


@require_safe
@export_rate_limited
def network_svg(request):
    """The actors co-mentioned in the search's results, drawn server-side."""
    net = network.for_search(request.GET)
    response = render(
        request, "archive/network.svg", {"network": net}, content_type=NETWORK_CONTENT_TYPES["svg"]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
@export_rate_limited
def network_graphml(request):
    net = network.for_search(request.GET)
    response = HttpResponse(network.graphml(net), content_type=NETWORK_CONTENT_TYPES["graphml"])
    response["Content-Disposition"] = 'attachment; filename="peninsula-network.graphml"'
    return response

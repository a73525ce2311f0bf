"""Views that take result sets elsewhere: CSV and JSON Lines exports of a search."""

from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from archive.export import FORMATS, records
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
def export_csv(request):
    return export_response(request.GET, "csv")


@require_safe
def export_jsonl(request):
    return export_response(request.GET, "jsonl")

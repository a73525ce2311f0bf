"""Response headers every page gets."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Adds ``settings.CONTENT_SECURITY_POLICY`` to every response that has no policy of its
    own (the raw capture view sets a stricter sandbox, which is kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


def forwarded_client_ip(request) -> str | None:
    """The client's address behind a TLS proxy (``BEHIND_TLS_PROXY``), for login limits: the
    last X-Forwarded-For entry, which the proxy appends itself (earlier ones are the client's
    word); the socket's address without the header."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    return forwarded or request.META.get("REMOTE_ADDR")

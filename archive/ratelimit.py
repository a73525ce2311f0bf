"""A small fixed-window rate limit per client address, kept in Django's cache.

``API_RATE_LIMIT`` is "<count>/<s|m|h>" ("60/m"), or "" to switch it off. Behind a proxy the
address is the one ``REMOTE_ADDR`` holds; a deployment sets that from the proxy's header.
Over the limit a client gets 429 ``{"error": …}`` with ``Retry-After``.
"""

from __future__ import annotations

import functools
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse

WINDOWS = {"s": 1, "m": 60, "h": 3600}
RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*([smh])\s*$")


def parse_rate(text: str) -> tuple[int, int] | None:
    """(requests, seconds), or None when limiting is off."""
    if not text:
        return None
    match = RATE_RE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"API_RATE_LIMIT must look like 60/m, not {text!r}")
    return int(match.group(1)), WINDOWS[match.group(2)]


def over_limit(address: str, rate: tuple[int, int]) -> int:
    """0 if this request is allowed, else the seconds until the window ends."""
    allowed, seconds = rate
    window = int(time.time() // seconds)
    key = f"ratelimit:{address}:{seconds}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        used = 1
    return 0 if used <= allowed else max(1, (window + 1) * seconds - int(time.time()))


def rate_limited(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        rate = parse_rate(getattr(settings, "API_RATE_LIMIT", ""))
        wait = over_limit(request.META.get("REMOTE_ADDR", ""), rate) if rate else 0
        if wait:
            response = JsonResponse({"error": "Too many requests: slow down."}, status=429)
            response["Retry-After"] = str(wait)
            return response
        return view(request, *args, **kwargs)

    return wrapped

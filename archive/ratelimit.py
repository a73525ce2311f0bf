"""A fixed-window rate limit per client address, counted in a cache every worker shares.

Limits are "<count>/<s|m|h>" ("60/m"), or "" to switch one off: ``API_RATE_LIMIT`` for the
JSON API, ``EXPORT_RATE_LIMIT`` for the exports and network drawings (heavier: each reads a
whole result set). Each limit has its own count.

Counts live in the cache ``RATE_LIMIT_CACHE`` names (settings: a file-based cache under
``var/`` by default, so every gunicorn worker on the host sees the same count; a database
cache for several hosts; a per-process memory cache only in tests). Counting is made atomic
across processes by an ``flock`` on ``RATE_LIMIT_LOCK`` (the file cache's own increment is a
read then a write). Behind a TLS proxy (``BEHIND_TLS_PROXY``) the client is the address the
proxy appended to X-Forwarded-For. Over a limit a client gets 429 ``{"error": …}`` with
``Retry-After``.
"""

from __future__ import annotations

import fcntl
import functools
import re
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse

from archive.middleware import forwarded_client_ip

WINDOWS = {"s": 1, "m": 60, "h": 3600}
RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*([smh])\s*$")


def parse_rate(text: str, name: str = "API_RATE_LIMIT") -> tuple[int, int] | None:
    """(requests, seconds), or None when limiting is off."""
    if not text:
        return None
    match = RATE_RE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ImproperlyConfigured(f"{name} must look like 60/m, not {text!r}")
    return int(match.group(1)), WINDOWS[match.group(2)]


def store():
    return caches[getattr(settings, "RATE_LIMIT_CACHE", "default")]


@contextmanager
def shared_lock():
    """One counter update at a time across the host's processes (no lock file configured:
    none taken, as for a cache whose increment is atomic itself)."""
    path = getattr(settings, "RATE_LIMIT_LOCK", None)
    if not path:
        yield
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def over_limit(bucket: str, address: str, rate: tuple[int, int], cache=None) -> int:
    """0 if this request is allowed, else the seconds until the window ends."""
    cache = cache or store()
    allowed, seconds = rate
    window = int(time.time() // seconds)
    key = f"ratelimit:{bucket}:{address}:{seconds}:{window}"
    with shared_lock():
        used = cache.get(key, 0) + 1
        cache.set(key, used, timeout=seconds + 1)
    return 0 if used <= allowed else max(1, (window + 1) * seconds - int(time.time()))


def client_address(request) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):  # set only behind a TLS proxy
        return forwarded_client_ip(request) or ""
    return request.META.get("REMOTE_ADDR", "")


def too_many(wait: int) -> JsonResponse:
    response = JsonResponse({"error": "Too many requests: slow down."}, status=429)
    response["Retry-After"] = str(wait)
    return response


def limited_by(setting: str):
    """A view decorator: at most the rate the setting ``setting`` gives per client."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            rate = parse_rate(getattr(settings, setting, ""), setting)
            wait = over_limit(setting, client_address(request), rate) if rate else 0
            if wait:
                return too_many(wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


rate_limited = limited_by("API_RATE_LIMIT")
export_rate_limited = limited_by("EXPORT_RATE_LIMIT")

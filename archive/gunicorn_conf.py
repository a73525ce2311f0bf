"""gunicorn settings for Peninsula (``gunicorn archive.wsgi -c archive/gunicorn_conf.py``).

Search is CPU-bound Python: more worker processes than cores keeps both cores busy while some
requests wait on the database or on I/O. Each worker keeps its own Whoosh searcher. Every value
can be overridden with the environment variable of the same name.
"""

import logging
import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("WORKER_CLASS", "sync")
threads = int(os.environ.get("THREADS", 1))
# A request that takes longer than this is a bug: the worker is restarted, not left hanging.
timeout = int(os.environ.get("TIMEOUT", 30))
graceful_timeout = 30
# Keep-alive matters behind a proxy that reuses connections (gthread workers honour it).
keepalive = int(os.environ.get("KEEPALIVE", 5))
# Recycle workers now and then so that no slow growth of memory lasts.
max_requests = int(os.environ.get("MAX_REQUESTS", 5000))
max_requests_jitter = 500
accesslog = os.environ.get("ACCESSLOG", "-")


def when_ready(server):
    """Say where to look once the archive is really listening."""
    for address in server.LISTENERS:
        host, port = address.sock.getsockname()[:2]
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        print(f"\nPeninsula is ready: open http://{shown}:{port}/  (Ctrl+C stops it)\n", flush=True)


def on_starting(server):
    """Load the Korean analyser in the master, before any worker forks: the workers (and
    those that replace recycled ones) share its memory, and none of them loads it again."""
    from archive.search.analysis import kiwi

    try:
        kiwi()
    except Exception:  # a worker loads it on its first Hangul query instead
        logging.getLogger(__name__).exception("loading the Korean analyser failed")


WARM_TEMPLATES = ("archive/home.html", "archive/search.html", "archive/actor.html")
WARM_TEMPLATES += ("archive/actors.html", "archive/article.html")


def post_worker_init(worker):
    """Open the index and load its columns before the worker takes its first request, so that
    no visitor pays for it; a damaged index is left for the requests to report (503)."""
    from django.template.loader import get_template

    import archive.urls  # noqa: F401  (imports the views)
    from archive.search.aggregates import warm_up

    try:
        for page in WARM_TEMPLATES:
            get_template(page)  # compiled once, kept by the cached loader
        warm_up()
    except Exception:  # never keep a worker from starting
        logging.getLogger(__name__).exception("warming the worker up failed")

"""Test settings: a throw-away SQLite database (unless DATABASE_URL) and Whoosh index in a
temporary directory, removed when the process ends (the test run, or a command a test starts
in a subprocess)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# The suite's own key, so that loading the settings writes no key file into the checkout's var/.
os.environ.setdefault("SECRET_KEY", "test-only-key-" + "x" * 50)

from archive.settings import *  # noqa: E402, F403

VAR_DIR = Path(tempfile.mkdtemp(prefix="peninsula-test-"))
atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["NAME"] = VAR_DIR / "test.sqlite3"  # noqa: F405
HAYSTACK_CONNECTIONS["default"]["PATH"] = str(VAR_DIR / "whoosh")  # noqa: F405
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
API_RATE_LIMIT = ""  # tests of the limit set their own
EXPORT_RATE_LIMIT = ""
INGEST_NICENESS = 0  # the test process keeps its priority; tests that need it set their own
CACHES = {**CACHES, "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
RATE_LIMIT_LOCK = VAR_DIR / "ratelimit.lock"

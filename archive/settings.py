"""Settings from the environment, with defaults that give a working local archive.

Local defaults: SQLite and the Whoosh index under ``var/``, DEBUG off (``DEBUG=true`` turns it
on). With ``PENINSULA_ENV=production`` the process refuses to start without ``SECRET_KEY`` or
with ``DEBUG`` on.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def env_path(name: str, default: Path) -> Path:
    return Path(os.environ.get(name) or default).resolve()


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from None


def local_secret_key(path: Path) -> str:
    """This installation's own secret key: made on first run (mode 0600), then reused.

    Written to a private temporary file and linked into place, so processes starting at the
    same moment all end up reading the one key that won.
    """
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text().strip()


PRODUCTION = os.environ.get("PENINSULA_ENV", "local") == "production"
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")

if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured("PENINSULA_ENV=production requires SECRET_KEY to be set")
    if DEBUG:
        raise ImproperlyConfigured("PENINSULA_ENV=production refuses to run with DEBUG on")

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
if not PRODUCTION:
    ALLOWED_HOSTS += ["testserver"]

VAR_DIR = env_path("PENINSULA_VAR", BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)
if not SECRET_KEY:  # outside production only: a key of this installation's own, never a shared one
    SECRET_KEY = local_secret_key(VAR_DIR / "secret_key")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    # Before haystack: archive's update_index/rebuild_index/clear_index replace haystack's.
    "archive",
    "haystack",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": env_path("DATABASE_PATH", VAR_DIR / "peninsula.sqlite3"),
        "OPTIONS": {
            "timeout": 30,
            # WAL: pages keep reading while an ingest writes; one fsync per checkpoint.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }
}

# DATABASE_URL (postgres://user:pass@host/name, or ?host=/socket/dir) selects another database;
# without it, SQLite in PENINSULA_VAR.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}

HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "archive.search.backend.PeninsulaWhooshEngine",
        "PATH": str(env_path("WHOOSH_PATH", VAR_DIR / "whoosh")),
    }
}
# Web workers never write the index: changes are queued and applied by management commands.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# Also serve straight from static/, so pages keep their style in a var/ that never ran
# collectstatic (a benchmark archive, a fresh PENINSULA_VAR).
WHITENOISE_USE_FINDERS = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Documents larger than this are refused at ingest with a clear reason.
INGEST_MAX_BYTES = int(os.environ.get("INGEST_MAX_BYTES", 50 * 1024 * 1024))
# A second process reads and extracts while the ingest process stores (off: all inline).
INGEST_READER_PROCESS = env_bool("INGEST_READER_PROCESS", True)
# A third process indexes what the ingest has stored while it stores (off: indexed after).
INGEST_INDEX_PROCESS = env_bool("INGEST_INDEX_PROCESS", True)
# Ingest is batch work sharing the machine with the web server: it lowers its own CPU
# priority by this much (nice(2); 0 keeps it), so that readers' pages stay fast meanwhile.
INGEST_NICENESS = env_int("INGEST_NICENESS", 10)
# Articles indexed per index commit, and the memory its writer may sort them in before it
# spills to disk (``search/sync.py``). A full group is written as a segment of its own,
# without merging. Index phase of 10,000 synthetic articles: 131 CPU-s in groups of 500 with
# Whoosh's default merges (58 % of it merging, 4 segments); 57 s in groups of 5,000 with
# 1,024 MB (2 segments, 675 MB peak); 97 s when they had 512 MB (the sort spilled to disk).
INDEX_COMMIT = env_int("INDEX_COMMIT", 5000)
INDEX_WRITER_MB = env_int("INDEX_WRITER_MB", 1024)

# The development corpus read in place by the evaluation and benchmark commands.
CORPUS_DIR = env_path("PENINSULA_CORPUS", BASE_DIR.parent / "shared" / "corpus")

# Security. Login attempts: after AXES_FAILURE_LIMIT failures for one user name or from one
# address, every login there is refused (even with the right password) for the cool-off.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
# Every page: nothing runs but the site's own files, no inline script or style, no framing.
# A view that sets its own policy (the sandboxed raw capture) keeps it.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    # Switch off only where TLS is ended elsewhere and plain HTTP can never reach the site.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", False):
        # Only behind a proxy that sets X-Forwarded-Proto itself and strips a client's own.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        # Login attempts are counted per client, not per proxy.
        AXES_CLIENT_IP_CALLABLE = "archive.middleware.forwarded_client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Requests per client address: "<n>/<s|m|h>", "" for no limit. The JSON API, and the
# exports and network drawings (each reads a whole result set), are counted apart.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "60/m")
EXPORT_RATE_LIMIT = os.environ.get("EXPORT_RATE_LIMIT", "10/m")

# Where the rate limits count: a cache every gunicorn worker shares. RATE_LIMIT_STORE is
# "file" (default: a directory under var/, one host), "database" (the database's
# "peninsula_cache" table, for several hosts; run `manage.py createcachetable` once), or
# "memory" (per process: only for tests and a single-process server).
RATE_LIMIT_STORES = {
    "file": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(env_path("RATE_LIMIT_CACHE_DIR", VAR_DIR / "ratelimit")),
    },
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "peninsula_cache",
    },
    "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}


def rate_limit_store(name: str) -> dict:
    if name not in RATE_LIMIT_STORES:
        raise ImproperlyConfigured(
            f"RATE_LIMIT_STORE must be one of {', '.join(RATE_LIMIT_STORES)}, not {name!r}"
        )
    return {**RATE_LIMIT_STORES[name], "OPTIONS": {"MAX_ENTRIES": 100_000}}


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": rate_limit_store(os.environ.get("RATE_LIMIT_STORE") or "file"),
}
RATE_LIMIT_CACHE = "ratelimit"
# Processes on one host take turns to count (the file cache's increment is not atomic).
RATE_LIMIT_LOCK = VAR_DIR / "ratelimit.lock"

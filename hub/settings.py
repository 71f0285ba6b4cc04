"""Django settings for the hub, all read from the environment (hub/environment.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from hub import environment as env

DEBUG = env.get_bool("HUB_DEBUG")
SECRET_KEY = env.secret_key()
ALLOWED_HOSTS = [h.strip() for h in env.get("HUB_ALLOWED_HOSTS").split(",") if h.strip()]

HUB_REGION = env.get("HUB_REGION").upper()
HUB_RETENTION_DAYS = env.get_int("HUB_RETENTION_DAYS")
HUB_OPEN_RETENTION_DAYS = env.get_int("HUB_OPEN_RETENTION_DAYS")
HUB_KEY_DAYS = env.get_int("HUB_KEY_DAYS")
HUB_COUNTS_DAYS = env.get_int("HUB_COUNTS_DAYS")
HUB_PROXY_COUNT = env.get_int("HUB_PROXY_COUNT", minimum=0)
HUB_CONTENT_URL = env.get("HUB_CONTENT_URL").strip().rstrip("/")
HUB_CONTENT_ROOT = env.get("HUB_CONTENT_ROOT").strip()
HUB_CONTENT_MINUTES = env.get_int("HUB_CONTENT_MINUTES")
HUB_CONTENT_SECONDS = 30.0  # one reading of the published content, all of it
HUB_CONTENT_CACHE = env.data_dir() / "content"  # its verified metadata and card files
HUB_OFFLINE_MINUTES = env.get_int("HUB_OFFLINE_MINUTES")
HUB_MAX_BODY_BYTES = 16 * 1024  # a callback is ~300 bytes
HUB_MAX_HEARTBEAT_BYTES = 64 * 1024  # a status is ~1 kB, and 7 days of counts a few kB each
HUB_POLL_SECONDS = 30  # how often an open inbox asks for the count of new requests

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "hub.intake",
    "hub.inbox",
    "hub.fleet",
    "hub.catalog",
    "hub.reading",
    "hub.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hub.inbox.activity.ActivityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out sign-ins
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no user names in the log
# The client's address behind the clinic's proxy (HUB_PROXY_COUNT hops), not the proxy's.
AXES_CLIENT_IP_CALLABLE = "hub.proxy.client_address"

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
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

_sqlite = f"sqlite:///{env.data_dir() / 'hub.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL") or _sqlite, conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock (IMMEDIATE) instead of failing on upgrade; WAL lets the inbox
    # read while a kiosk's request is written.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Signed out after HUB_SESSION_MINUTES without a page visit (the count poll does not count).
SESSION_COOKIE_AGE = env.get_int("HUB_SESSION_MINUTES") * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.get_bool("HUB_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.time_zone()
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
# The admin's styles: `clinic-hub collectstatic` copies them here for the proxy to serve at
# /static/ (runserver serves them itself when HUB_DEBUG=1).
STATIC_ROOT = env.data_dir() / "static"

# Requests are logged by path and status only; no body, no query values with personal data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"axes": {"level": "WARNING"}},
}

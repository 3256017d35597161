"""The one place that reads the environment.

Every value has a documented default (docs/settings.md); a test checks that each
one is documented. Booleans are "True" or "False" and nothing else.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent


class SettingError(ValueError):
    pass


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw not in ("True", "False"):
        raise SettingError(f"{name} must be True or False, not {raw!r}")
    return raw == "True"


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: str) -> list[str]:
    """Comma-separated values; spaces around each are ignored, empty ones dropped."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def origin_of(url: str) -> str:
    """scheme://host[:port] of an address (SAMRAAD_BASE_URL)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def env_origins(name: str, default: str) -> list[str]:
    origins = env_list(name, default)
    for origin in origins:
        if not re.fullmatch(r"https?://[^/\s]+", origin):
            raise SettingError(
                f"{name}: expected origins like https://samraad.kk.dk, not {origin!r}"
            )
    return origins


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """The header a TLS proxy sets to "https" (e.g. X-Forwarded-Proto), as Django wants it."""
    header = env_str(name, "")
    if not header:
        return None
    if not re.fullmatch(r"[A-Za-z0-9-]+", header):
        raise SettingError(
            f"{name} must be a header name such as X-Forwarded-Proto, not {header!r}"
        )
    return ("HTTP_" + header.upper().replace("-", "_"), "https")


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, default)
    if value not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def database_config() -> dict[str, Any]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return {
            **dj_database_url.parse(url, conn_max_age=CONNECTION_SECONDS),
            "CONN_HEALTH_CHECKS": True,
        }
    path = env_str("SAMRAAD_DB", "samraad.sqlite3")
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(Path(path).resolve()),
        "OPTIONS": {"timeout": 30, "init_command": "PRAGMA journal_mode=WAL;"},
        "TEST": {"NAME": None},
        "CONN_MAX_AGE": CONNECTION_SECONDS,
        "CONN_HEALTH_CHECKS": True,
    }


# Each server thread keeps its database connection between requests. Opening and closing
# one per request cost SQLite a quarter of a loaded server's time: the pragmas on
# opening, and on closing the last connection a checkpoint of the write-ahead log
# (benchmarks/bench_web.py, docs/web.md).
CONNECTION_SECONDS = 600


DEBUG = env_bool("SAMRAAD_DEBUG", False)
# A fixed key is only acceptable for the demo and development: `samraad serve` refuses
# to start with it (web/server.py).
DEVELOPMENT_SECRET_KEY = "samraad-insecure-development-key-change-me"
SECRET_KEY = env_str("SAMRAAD_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = [h for h in env_str("SAMRAAD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
BASE_URL = env_str("SAMRAAD_BASE_URL", "http://127.0.0.1:8000")

# HTTPS behind a TLS proxy (docs/operations.md). Off by default: the demo runs on plain
# http at 127.0.0.1, where a Secure cookie would never come back.
SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("SAMRAAD_PROXY_SSL_HEADER")
SECURE_SSL_REDIRECT = env_bool("SAMRAAD_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SAMRAAD_SECURE_COOKIES", False)
SECURE_HSTS_SECONDS = env_int("SAMRAAD_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SAMRAAD_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SAMRAAD_HSTS_PRELOAD", False)
# Sign-in and every form are posted from these origins; the app's own address always.
CSRF_TRUSTED_ORIGINS = env_origins("SAMRAAD_CSRF_TRUSTED_ORIGINS", origin_of(BASE_URL))

DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    # The order is the navigation's (each app declares its links on its AppConfig).
    "samraad.frames",
    "samraad.org",
    "samraad.people",
    "samraad.absence",
    "samraad.followup",
    "samraad.targets",
    "samraad.analyses",
    "samraad.reports",
    "samraad.committees",
    "samraad.meetings",
    "samraad.measures",
    "samraad.audit",
    "samraad.interchange",
    "samraad.accounts",
    "samraad.signin",
    "samraad.web",
    "samraad.demo",
]

MIDDLEWARE = [
    # Every error under /api/ as JSON, whichever layer below made it.
    "samraad.api.errors.JsonErrorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Every answer is about someone: no browser or proxy keeps a copy (docs/privacy.md).
    "samraad.web.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Danish unless the user chose English with the toggle (not the browser's language).
    "samraad.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view reads the body (the CSRF check does), after the user is known.
    "samraad.web.middleware.RequestSizeLimitMiddleware",
    "samraad.audit.actor.ActorMiddleware",  # who made a role change (audit/roles.py)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Scripts, styles and images only from the app itself (vendored htmx, the stylesheet):
# no inline script or style, no eval, no plugin, no framing (docs/privacy.md).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],  # data: for the empty favicon of web/base.html
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

CSRF_FAILURE_VIEW = "samraad.api.errors.csrf_failure"  # JSON under /api/

ROOT_URLCONF = "samraad.urls"
WSGI_APPLICATION = "samraad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["samraad.web.templatetags.numbers"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samraad.web.context.navigation",
            ],
        },
    },
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_str("SAMRAAD_STATIC_ROOT", str(Path("static").resolve()))

# Web app: sign-in and the demo. The password "demo" is refused unless SAMRAAD_DEMO.
# Passwords are throttled; the identity provider signs in through OpenID Connect
# (signin/, docs/settings.md "Sign-in").
AUTHENTICATION_BACKENDS = [
    "samraad.signin.backends.ThrottledModelBackend",
    "samraad.signin.backends.OidcBackend",
]
SAMRAAD_PASSWORD_LOGIN = env_bool("SAMRAAD_PASSWORD_LOGIN", True)
SAMRAAD_LOGIN_FAILURE_LIMIT = env_int("SAMRAAD_LOGIN_FAILURE_LIMIT", 5)
SAMRAAD_LOGIN_IP_FAILURE_LIMIT = env_int("SAMRAAD_LOGIN_IP_FAILURE_LIMIT", 50)
SAMRAAD_LOGIN_COOLDOWN_SECONDS = env_int("SAMRAAD_LOGIN_COOLDOWN_SECONDS", 15 * 60)
SAMRAAD_OIDC_ISSUER = env_str("SAMRAAD_OIDC_ISSUER", "")
SAMRAAD_OIDC_CLIENT_ID = env_str("SAMRAAD_OIDC_CLIENT_ID", "")
SAMRAAD_OIDC_CLIENT_SECRET = env_str("SAMRAAD_OIDC_CLIENT_SECRET", "")
SAMRAAD_OIDC_SCOPES = env_str("SAMRAAD_OIDC_SCOPES", "openid profile email")
SAMRAAD_OIDC_USERNAME_CLAIM = env_str("SAMRAAD_OIDC_USERNAME_CLAIM", "preferred_username")
SAMRAAD_OIDC_GROUPS_CLAIM = env_str("SAMRAAD_OIDC_GROUPS_CLAIM", "groups")
SAMRAAD_OIDC_GROUP_ROLES = env_str("SAMRAAD_OIDC_GROUP_ROLES", "")
SAMRAAD_OIDC_EMPLOYEE_CLAIM = env_str("SAMRAAD_OIDC_EMPLOYEE_CLAIM", "")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "samraad.accounts.backends.DemoPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "absence:overview"
LOGOUT_REDIRECT_URL = "web:login"
SESSION_ENGINE = "samraad.signin.sessions"  # database sessions, kept per process
SESSION_COOKIE_AGE = env_int("SAMRAAD_SESSION_SECONDS", 8 * 3600)
# The largest request body, in MB (the import page's files), refused before it is read
# (web/middleware.py). Uploaded files above 2.5 MB go to temporary files, not memory.
SAMRAAD_UPLOAD_MAX_MB = env_int("SAMRAAD_UPLOAD_MAX_MB", 100)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# How long an API token works after it was made, in days (accounts/tokens.py).
SAMRAAD_API_TOKEN_DAYS = env_int("SAMRAAD_API_TOKEN_DAYS", 90)
SAMRAAD_DEMO = env_bool("SAMRAAD_DEMO", False)
# How often (seconds) a process looks whether the data changed, to drop its cache.
SAMRAAD_DATA_CHECK_SECONDS = env_int("SAMRAAD_DATA_CHECK_SECONDS", 2)
# Where processes share the day's frames and figures (frames/store.py); empty: each
# process computes its own. By default a folder beside the SQLite file, or ./samraad-shared.
_SHARED_BESIDE = (
    str(Path(DATABASES["default"]["NAME"]).with_suffix(".shared"))
    if DATABASES["default"]["ENGINE"].endswith("sqlite3")
    else str(Path("samraad-shared").resolve())
)
SAMRAAD_SHARED_DIR = env_str("SAMRAAD_SHARED_DIR", _SHARED_BESIDE)
# The day the app takes as today (ISO date); empty: the real date. For demos and tests.
SAMRAAD_TODAY = env_str("SAMRAAD_TODAY", "")

# Retention (docs/operations.md "Retention and purge"): years after a person's last
# employment ended before their data is purged, and years an audit entry is kept;
# 0 keeps that kind for ever.
SAMRAAD_RETENTION_PERSON_YEARS = env_int("SAMRAAD_RETENTION_PERSON_YEARS", 5)
SAMRAAD_RETENTION_AUDIT_YEARS = env_int("SAMRAAD_RETENTION_AUDIT_YEARS", 5)

# Mail (follow-up alerts), through Django's MAILERS. Defaults suit a local relay.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env_str("SAMRAAD_SMTP_HOST", "127.0.0.1"),
            "port": env_int("SAMRAAD_SMTP_PORT", 25),
            "username": env_str("SAMRAAD_SMTP_USER", ""),
            "password": env_str("SAMRAAD_SMTP_PASSWORD", ""),
            "use_tls": env_bool("SAMRAAD_SMTP_TLS", False),
            "timeout": 30,
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("SAMRAAD_MAIL_FROM", "samraad@localhost")
# A mail claimed longer ago than this and not marked sent is reported as interrupted; a
# younger claim is another run sending it now. One send is at most a connection and a
# message, each with the 30 s timeout above: 15 minutes is far beyond that.
SAMRAAD_MAIL_CLAIM_SECONDS = env_int("SAMRAAD_MAIL_CLAIM_SECONDS", 15 * 60)

# Imports from payroll and the organisation system (docs/sources/). The employee key is a
# keyed hash of the CPR number: without a secret, SD and Opus imports refuse to run.
SAMRAAD_CPR_KEY = env_str("SAMRAAD_CPR_KEY", "")
# An edited copy of interchange/sources/loenart.toml; empty: the shipped table.
SAMRAAD_LOENART_TABLE = env_str("SAMRAAD_LOENART_TABLE", "")
SAMRAAD_OS2MO_URL = env_str("SAMRAAD_OS2MO_URL", "")
SAMRAAD_OS2MO_TOKEN_URL = env_str("SAMRAAD_OS2MO_TOKEN_URL", "")
SAMRAAD_OS2MO_CLIENT_ID = env_str("SAMRAAD_OS2MO_CLIENT_ID", "")
SAMRAAD_OS2MO_CLIENT_SECRET = env_str("SAMRAAD_OS2MO_CLIENT_SECRET", "")
SAMRAAD_OS2MO_EMPLOYEE_KEY = env_choice("SAMRAAD_OS2MO_EMPLOYEE_KEY", "uuid", ("uuid", "cpr"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "samraad.web.logs.OneLineForClientErrors"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line"]},
    },
    "root": {"handlers": ["console"], "level": env_str("SAMRAAD_LOG_LEVEL", "WARNING")},
    # When the server has computed the day's figures (after a start or a new release).
    "loggers": {"samraad.web.server": {"level": "INFO"}},
}

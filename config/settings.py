"""Settings for the e-learning site, read from the environment.

Development needs no variable at all; production (``DJANGO_DEBUG=0``) refuses to
start without a secret key and turns on every transport protection Django offers.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production mode (DJANGO_DEBUG=0) needs a long random "
            "secret key: set the DJANGO_SECRET_KEY environment variable, for example to the output "
            'of: python -c "import secrets; print(secrets.token_urlsafe(50))"'
        )
    # Development only: never used when DJANGO_DEBUG=0.
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

# The canonical address of the site, for links in e-mails and certificates. Production has
# no default: `manage.py check --deploy` fails while it is unset or local (elearning/checks.py).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# Password reset mails: at most so many per e-mail address and per client address in a
# window (elearning/throttling.py); beyond, the same neutral page and no mail.
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(os.environ.get("ELEARNING_PASSWORD_RESET_PER_ADDRESS", "3"))
PASSWORD_RESET_LIMIT_PER_CLIENT = int(os.environ.get("ELEARNING_PASSWORD_RESET_PER_CLIENT", "20"))
PASSWORD_RESET_WINDOW_MINUTES = int(os.environ.get("ELEARNING_PASSWORD_RESET_WINDOW_MINUTES", "60"))

# Learners' data (elearning/personal_data.py, docs/personal-data.md). Whether a deleted
# account's certificates stay verifiable (the name as printed, on the public verification
# page) or are deleted with it ("no certificate has this code"): kept by default, since
# employers check a nurse's training certificate long after she has left the site.
KEEP_CERTIFICATES_AFTER_DELETION = env_bool("ELEARNING_KEEP_CERTIFICATES_AFTER_DELETION", True)
# Who learners write to about their data (shown on the privacy page); empty: the page
# tells them to ask the school's administration.
PRIVACY_CONTACT_EMAIL = os.environ.get("ELEARNING_PRIVACY_CONTACT_EMAIL", "")

# Where `manage.py backup_database` writes (docs/backups.md): outside the code's directory
# in production, on another disk or machine.
BACKUP_DIR = Path(os.environ.get("ELEARNING_BACKUP_DIR", BASE_DIR / "backups-data"))

# A school that creates its students' accounts itself closes open sign-up.
SIGNUP_OPEN = env_bool("ELEARNING_SIGNUP_OPEN", True)

# What certificates state about who awards them (printed on every certificate's PDF).
CERTIFICATE_ORGANISATION = os.environ.get(
    "ELEARNING_CERTIFICATE_ORGANISATION", "Institut de formation en soins infirmiers"
)
CERTIFICATE_SIGNATORY_NAME = os.environ.get("ELEARNING_CERTIFICATE_SIGNATORY", "Claire Dubois")
CERTIFICATE_SIGNATORY_ROLE = os.environ.get(
    "ELEARNING_CERTIFICATE_SIGNATORY_ROLE", "Directrice des soins"
)

INSTALLED_APPS = [
    "elearning.apps.ElearningConfig",
    "quiz.apps.QuizConfig",
    "backups.apps.BackupsConfig",
    "config.admin.AdminConfig",  # the project's admin site (config/admin.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything validates the Host header: probes name the server by its address.
    "elearning.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "elearning.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in user's pages are hers: private, no-store (unless the view says otherwise).
    "elearning.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks, so that it sees the result of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

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
                "django.template.context_processors.i18n",
                "elearning.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: PostgreSQL through DATABASE_URL where a school runs several app servers;
# otherwise SQLite (SQLITE_PATH, or a sqlite:/// DATABASE_URL), tuned so that a class saving
# at once waits instead of failing.
SQLITE_OPTIONS = {
    # Take the write lock at BEGIN, so two writers queue on the busy timeout instead of
    # one failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=20000;"
        "PRAGMA foreign_keys=ON;"
    ),
}
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        # Persistent connections. Health checks (a SELECT 1 before each request) are
        # Django's opt-in; without them a connection broken by a database restart
        # fails one request per worker, then Django replaces it.
        "default": dj_database_url.config(
            conn_max_age=600, conn_health_checks=env_bool("DJANGO_DB_HEALTH_CHECKS", False)
        ),
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    # Parameters bound by the server, and a query run five times on a connection kept
    # as a prepared statement (psycopg's own mechanism, off in Django by default): the
    # pages' repeated reads skip PostgreSQL's planning, about half its CPU time here
    # (bench/README.md). PgBouncer in transaction mode cannot keep prepared statements:
    # set DJANGO_DB_PREPARED=0 behind one.
    elif "postgresql" in DATABASES["default"]["ENGINE"] and env_bool("DJANGO_DB_PREPARED", True):
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "elearning.User"

# Which learners a member of staff sees in the quiz engine's pages: those of the cohorts she
# teaches (a superuser, all of them).
QUIZ_LEARNER_SCOPE = "elearning.cohorts.visible_learners"
# And the anonymous attempts of deleted accounts she may count in a quiz's statistics: those
# of learners who were in her cohorts.
QUIZ_ANONYMOUS_ATTEMPT_SCOPE = "elearning.cohorts.visible_anonymous_attempts"

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks, so that a locked-out client is refused before any check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2id with OWASP's parameters (elearning/passwords.py says why); the others sign in
# the passwords stored before, and store them again with the first at that sign-in.
PASSWORD_HASHERS = [
    "elearning.passwords.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "catalogue"

# Sessions live on the server, so that logging out (or "log out of every device" on the
# profile page) ends them: a copied cookie no longer signs anyone in. With Redis, read
# through the shared cache and written through to the database; without it, in the
# database alone (a per-process cache would keep a session that another worker ended).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # Failed logins counted in Redis, shared by every app server (django-axes).
    AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
else:
    # Per process; the learner pages' entries are keyed on versions kept in the database
    # (elearning/versions.py), so processes never disagree. A class's pages fit.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

# Background tasks (Django's tasks API, through the django-tasks backport): drafting
# questions. On one machine the queue is a table of the database, worked through by
# `manage.py db_worker`; with Redis, RQ queues it there and `manage.py rqworker` runs it on
# any server. A drafting task stopped after 15 minutes on RQ fails (drafting the whole
# course takes seconds).
if REDIS_URL:
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 15 * 60}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

# Internationalisation: French first, English available.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files: served by the site itself (whitenoise), never from a CDN.
STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: the console in development, SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers, on every response.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap draws its icons (form validation, navbar toggler) as data: SVGs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Behind a reverse proxy (nginx, Caddy...), tell Django how many proxies stand in
# front of it, so that it reads the client's address from X-Forwarded-For and
# trusts X-Forwarded-Proto. Without proxies, forwarded headers are ignored: a
# client could otherwise forge them to dodge the login lockout.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Login lockout: by user name and address together, so that one classroom behind
# a single school address does not lock itself out with one student's typos.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form posts the e-mail address as "username", as Django's form does.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "elearning.accounts.axes_username"
AXES_LOCKOUT_CALLABLE = "elearning.accounts.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers and probes check health over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", SITE_URL)

SILENCED_SYSTEM_CHECKS = [
    # HSTS for subdomains and preloading bind every other site of the school's
    # domain to HTTPS for a year or more: the school decides, through
    # DJANGO_HSTS_INCLUDE_SUBDOMAINS and DJANGO_HSTS_PRELOAD, not this project.
    "security.W005",
    "security.W021",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # trafilatura logs an error for every page without a main text; the importer already
    # tells the instructor so, and such a page is her document, not a fault of the site.
    "loggers": {"trafilatura": {"level": "CRITICAL"}},
}

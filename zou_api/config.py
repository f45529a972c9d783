"""Every setting, read from the environment, with embedded defaults.

With nothing set, the server runs on an SQLite file, local file storage and
in-process jobs, all under ZOU_DATA_DIR (default ./var).
"""
import datetime
import os
import secrets


def _bool(value, default=False):
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"configuration error: {name} must be an integer, got {value!r}")


def _secret_key(data_dir):
    """SECRET_KEY from the environment, else one generated once and kept in the data dir."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = os.path.join(data_dir, "secret_key")
    if os.path.exists(path):
        with open(path) as f:
            key = f.read().strip()
        if key:
            return key
    key = secrets.token_urlsafe(48)
    os.makedirs(data_dir, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key)
    return key


def test_database_refusal(url, force=None):
    """Why the test suite must not touch the database at `url`, or None when it may.

    The suite drops and recreates every table: it only runs on a database whose name says it is
    a test database (contains "test"), unless ZOU_TEST_DATABASE_FORCE=1.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if force is None:
        force = os.environ.get("ZOU_TEST_DATABASE_FORCE", "") == "1"
    try:
        name = make_url(url).database or ""
    except ArgumentError:
        return f"{url!r} is not a database URL."
    if force or "test" in os.path.basename(name).lower():
        return None
    return (f"the test suite empties every table of the database it runs on, and the database "
            f"{name!r} does not look like a test database (its name has no 'test' in it). "
            "Use a database made for the tests, or set ZOU_TEST_DATABASE_FORCE=1 if you mean it.")


def load_settings(overrides=None):
    """A dict of every setting; `overrides` (tests, scripts) wins over the environment."""
    env = os.environ
    overrides = dict(overrides or {})
    data_dir = os.path.abspath(overrides.get("ZOU_DATA_DIR") or env.get("ZOU_DATA_DIR") or "./var")
    os.makedirs(data_dir, exist_ok=True)
    settings = {
        "ZOU_DATA_DIR": data_dir,
        "DATABASE_URL": env.get("DATABASE_URL") or "sqlite:///" + os.path.join(data_dir, "zou.db"),
        "REDIS_URL": env.get("REDIS_URL") or None,
        "PREVIEW_FOLDER": env.get("PREVIEW_FOLDER") or os.path.join(data_dir, "previews"),
        "TMP_DIR": env.get("TMP_DIR") or os.path.join(data_dir, "tmp"),
        "MAIL_OUTBOX": env.get("MAIL_OUTBOX") or os.path.join(data_dir, "outbox"),
        "FS_BACKEND": env.get("FS_BACKEND") or "local",
        "FS_BUCKET_PREFIX": env.get("FS_BUCKET_PREFIX") or "",
        "FS_S3_ENDPOINT": env.get("FS_S3_ENDPOINT") or "",
        "FS_S3_REGION": env.get("FS_S3_REGION") or "",
        "FS_S3_ACCESS_KEY": env.get("FS_S3_ACCESS_KEY") or "",
        "FS_S3_SECRET_KEY": env.get("FS_S3_SECRET_KEY") or "",
        "JWT_ACCESS_TOKEN_EXPIRES": datetime.timedelta(days=_int("JWT_ACCESS_TOKEN_EXPIRES_DAYS", 7)),
        "JWT_REFRESH_TOKEN_EXPIRES": datetime.timedelta(days=_int("JWT_REFRESH_TOKEN_EXPIRES_DAYS", 15)),
        "MAIL_SERVER": env.get("MAIL_SERVER") or "",
        "MAIL_PORT": _int("MAIL_PORT", 25),
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or "",
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or "",
        "MAIL_USE_TLS": _bool(env.get("MAIL_USE_TLS")),
        "MAIL_USE_SSL": _bool(env.get("MAIL_USE_SSL")),
        "MAIL_DEFAULT_SENDER": env.get("MAIL_DEFAULT_SENDER") or "no-reply@cg-wire.com",
        "DOMAIN_NAME": env.get("DOMAIN_NAME") or "localhost:8080",
        "DOMAIN_PROTOCOL": env.get("DOMAIN_PROTOCOL") or "https",
        "DEFAULT_LOCALE": env.get("DEFAULT_LOCALE") or "en_US",
        "DEFAULT_TIMEZONE": env.get("DEFAULT_TIMEZONE") or "Europe/Paris",
        "MIN_PASSWORD_LENGTH": _int("MIN_PASSWORD_LENGTH", 8),
        "ENFORCE_2FA": _bool(env.get("ENFORCE_2FA")),
        "USER_LIMIT": _int("USER_LIMIT", 100000000),
        "IS_SELF_HOSTED": _bool(env.get("IS_SELF_HOSTED"), True),
        "CRISP_TOKEN": env.get("CRISP_TOKEN") or "",
        "DARK_THEME_BY_DEFAULT": _bool(env.get("DARK_THEME_BY_DEFAULT")),
        "INDEXER_KEY": env.get("INDEXER_KEY") or "",
        "SAML_ENABLED": _bool(env.get("SAML_ENABLED")),
        "SAML_IDP_NAME": env.get("SAML_IDP_NAME") or "",
        "OIDC_ENABLED": _bool(env.get("OIDC_ENABLED")),
        "OIDC_IDP_NAME": env.get("OIDC_IDP_NAME") or "",
        "OIDC_ISSUER": env.get("OIDC_ISSUER") or "",
        "OIDC_CLIENT_ID": env.get("OIDC_CLIENT_ID") or "",
        "OIDC_CLIENT_SECRET": env.get("OIDC_CLIENT_SECRET") or "",
        "OIDC_REDIRECT_URI": env.get("OIDC_REDIRECT_URI") or "",
        "OIDC_SCOPES": env.get("OIDC_SCOPES") or "openid email profile",
        "OIDC_AUTO_CREATE_USERS": _bool(env.get("OIDC_AUTO_CREATE_USERS"), True),
        "PREVIEW_ACCOUNTS_ENABLED": _bool(env.get("PREVIEW_ACCOUNTS_ENABLED"), True),
        "MOVIE_HIGHDEF_BITRATE": _int("MOVIE_HIGHDEF_BITRATE", 28),
        "MOVIE_LOWDEF_BITRATE": _int("MOVIE_LOWDEF_BITRATE", 6),
        "LOGIN_MAX_FAILED_ATTEMPTS": _int("LOGIN_MAX_FAILED_ATTEMPTS", 5),
        "LOGIN_LOCK_MINUTES": _int("LOGIN_LOCK_MINUTES", 1),
        "FIDO_RP_ID": env.get("FIDO_RP_ID") or "",
        "FIDO_ORIGIN": env.get("FIDO_ORIGIN") or "",
        "JOBS_INLINE": _bool(env.get("JOBS_INLINE"), not env.get("REDIS_URL")),
        "SELF_REGISTRATION": _bool(env.get("SELF_REGISTRATION"), False),
        "SQL_ECHO": _bool(env.get("SQL_ECHO")),
        "PROXY_COUNT": _int("PROXY_COUNT", 0),
    }
    settings.update(overrides)
    settings["SECRET_KEY"] = overrides.get("SECRET_KEY") or _secret_key(data_dir)
    if settings["DATABASE_URL"].startswith("postgresql://"):
        settings["DATABASE_URL"] = "postgresql+psycopg://" + settings["DATABASE_URL"][len("postgresql://"):]
    return settings

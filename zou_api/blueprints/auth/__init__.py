"""Login, logout, tokens (and, as they are built, two-factor authentication)."""
from zou_api.blueprints.auth import resources as r

ROUTES = [
    ("/auth/login", r.LoginResource),
    ("/auth/logout", r.LogoutResource),
    ("/auth/authenticated", r.AuthenticatedResource),
    ("/auth/refresh-token", r.RefreshTokenResource),
]

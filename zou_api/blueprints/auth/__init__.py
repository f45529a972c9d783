"""Login, logout, tokens, passwords, app-login codes, SSO stubs and two-factor authentication."""
from zou_api.blueprints.auth import resources as r
from zou_api.blueprints.auth import two_factor_resources as tf

ROUTES = [
    ("/auth/login", r.LoginResource),
    ("/auth/logout", r.LogoutResource),
    ("/auth/authenticated", r.AuthenticatedResource),
    ("/auth/refresh-token", r.RefreshTokenResource),
    ("/auth/change-password", r.ChangePasswordResource),
    ("/auth/reset-password", r.ResetPasswordResource),
    ("/auth/register", r.RegisterResource),
    ("/auth/app-login/code", r.AppLoginCodeResource),
    ("/auth/app-login/token", r.AppLoginTokenResource),
    ("/auth/oidc/login", r.OidcLoginResource),
    ("/auth/oidc/callback", r.OidcCallbackResource),
    ("/auth/saml/login", r.SamlLoginResource),
    ("/auth/saml/sso", r.SamlSsoResource),
    ("/auth/totp", tf.TotpResource),
    ("/auth/email-otp", tf.EmailOtpResource),
    ("/auth/fido", tf.FidoResource),
    ("/auth/recovery-codes", tf.RecoveryCodesResource),
]

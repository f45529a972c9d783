import re

from flask import current_app, redirect, request
from werkzeug.exceptions import NotFound, Unauthorized

from zou_api.blueprints import args
from zou_api.blueprints.args import Field, validate
from zou_api.blueprints.base import PublicResource, Resource, json_response
from zou_api.exceptions import PermissionDenied
from zou_api.security import current_person, tokens
from zou_api.security.access import LOGGED_IN
from zou_api.security.tokens import PERSON_ONLY, REFRESH_TOKEN
from zou_api.services import auth as auth_service
from zou_api.services import auth_passwords
from zou_api.services import oidc as oidc_service
from zou_api.services import two_factor as two_factor_service

CODE_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")
CODE_VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")
SECOND_FACTOR_FIELDS = (
    Field("totp", required=False, nullable=True),
    Field("email_otp", required=False, nullable=True),
    Field("fido_authentication_response", kind=dict, required=False, nullable=True),
    Field("recovery_code", required=False, nullable=True),
)


def second_factor(values):
    """The second factor fields of a validated body, as the services take them."""
    return {f.name: values.get(f.name) for f in SECOND_FACTOR_FIELDS}


def _with_cookies(answer):
    response = json_response(answer)
    if tokens.is_from_browser():
        tokens.set_token_cookies(response, answer["access_token"], answer["refresh_token"])
    return response


class PersonResource(Resource):
    """A route about one's own login: a logged-in person, not a bot."""

    access = PERSON_ONLY


class LoginResource(PublicResource):
    summary = ("Log in with an email (or desktop login) and a password, plus a second factor when one "
               "is enabled (totp, email_otp, fido_authentication_response or recovery_code).")

    def post(self):
        values = validate("LoginSchema", [
            Field("email", min_length=1),
            Field("password", required=False, default=""),
            *SECOND_FACTOR_FIELDS,
        ])
        answer = auth_service.login(values["email"], values["password"], second_factor(values),
                                    ip_address=request.remote_addr)
        return _with_cookies(answer)


class LogoutResource(PersonResource):
    summary = ("Log out: the token and its refresh token are revoked. GET is what the Kitsu web app "
               "calls; POST does the same. A cross-site GET carried by cookies alone (a link on "
               "another site) is refused and changes nothing.")

    def get(self):
        if tokens.is_cross_site_cookie_request():
            raise PermissionDenied("A link from another site cannot log you out: log out from the web app.")
        return self.post()

    def post(self):
        auth_service.revoke_token(tokens.current_claims())
        return tokens.clear_token_cookies(json_response({"logout": True}))


class AuthenticatedResource(Resource):
    summary = "Who the token belongs to, with the studio's organisation."
    access = LOGGED_IN

    def get(self):
        person = current_person()
        user = person.serialize(relations=True)
        user["fido_devices"] = two_factor_service.fido_device_names(person)
        return {"authenticated": True, "user": user, "organisation": auth_service.organisation().serialize()}


class RefreshTokenResource(Resource):
    summary = ("A new access token from a refresh token (for a person no longer active: 401, and the "
               "refresh token is revoked).")
    access = REFRESH_TOKEN

    def get(self):
        person = current_person()
        if person is None or not person.active or person.archived:
            # as the reference: the session of a person no longer active ends (the refresh token
            # is revoked: asked again, it is "Token has been revoked")
            auth_service.revoke_token(tokens.current_claims())
            return json_response({"error": True, "message": Unauthorized.description}, 401)
        access = tokens.refreshed_access_token(person.id, tokens.current_claims())
        response = json_response({"access_token": access})
        if tokens.is_from_browser():
            tokens.set_token_cookies(response, access=access)
        return response


class ChangePasswordResource(PersonResource):
    summary = "Change one's own password (the old one is required)."

    def post(self):
        values = validate("ChangePasswordSchema", [
            Field("old_password", min_length=1), Field("password", min_length=1), Field("password_2", min_length=1),
        ])
        person = current_person()
        answer = json_response(auth_passwords.change_password(person, values["old_password"], values["password"],
                                                               values["password_2"]))
        return tokens.renew_browser_session(answer, person.id, auth_service.requires_two_factor_setup(person))


class ResetPasswordResource(PublicResource):
    summary = "POST: mail a password reset link. PUT: set a new password with the link's token."

    def post(self):
        values = validate("SendPasswordResetSchema", [Field("email", min_length=1)])
        return auth_passwords.request_password_reset(values["email"])

    def put(self):
        values = validate("ResetPasswordSchema", [
            Field("email"), Field("token"), Field("password"), Field("password2"),
        ])
        return auth_passwords.reset_password(values["email"], values["token"], values["password"],
                                             values["password2"])


class RegisterResource(PublicResource):
    summary = ("Register an account: it is created inactive, for an admin to activate. Only with "
               "SELF_REGISTRATION on; off (the default, as the reference ships), a 404.")

    def post(self):
        if not current_app.config.get("SELF_REGISTRATION"):
            raise NotFound()
        values = validate("RegisterSchema", [
            Field("email", min_length=1), Field("password", min_length=1), Field("password_2", min_length=1),
            Field("first_name", min_length=1), Field("last_name", required=False, default=""),
        ])
        answer = auth_passwords.register(values["email"], values["password"], values["password_2"],
                                         values["first_name"], values["last_name"])
        return json_response(answer, 201)


class AppLoginCodeResource(PersonResource):
    summary = "A one-time code (60 s, PKCE-bound) for a desktop app to get its own tokens."

    def post(self):
        values = validate("AppLoginCodeSchema", [Field("code_challenge", pattern=CODE_CHALLENGE)])
        return json_response(auth_service.create_app_login_code(current_person(), values["code_challenge"]), 201)


class AppLoginTokenResource(PublicResource):
    summary = "Trade an app-login code and its PKCE verifier for tokens (once; never sets cookies)."

    def post(self):
        values = validate("AppLoginTokenSchema", [Field("code"), Field("code_verifier", pattern=CODE_VERIFIER)])
        return auth_service.exchange_app_login_code(values["code"], values["code_verifier"],
                                                    ip_address=request.remote_addr)


class _SingleSignOnResource(PublicResource):
    """OIDC and SAML: disabled unless configured, as in Zou."""

    kind = ""

    def _disabled(self):
        if not current_app.config.get(f"{self.kind}_ENABLED"):
            return json_response({"error": f"{self.kind} is not enabled."}, 400)
        return None

    def _answer(self):
        return self._disabled() or json_response(
            {"error": f"{self.kind} login is not available on this server."}, 501)


class OidcLoginResource(_SingleSignOnResource):
    summary = "OIDC login: a redirect to the identity provider (400 while OIDC is not enabled)."
    kind = "OIDC"

    def get(self):
        return self._disabled() or redirect(oidc_service.authorization_url(), 302)


class OidcCallbackResource(_SingleSignOnResource):
    summary = ("OIDC callback: checks the provider's answer, sets the token cookies and redirects to "
               "the web app (400 while OIDC is not enabled).")
    kind = "OIDC"

    def get(self):
        disabled = self._disabled()
        if disabled:
            return disabled
        access, refresh = oidc_service.callback(args.query_filters(), ip_address=request.remote_addr)
        response = redirect(oidc_service.web_app_url(), 302)
        tokens.set_token_cookies(response, access, refresh)
        return response


class SamlLoginResource(_SingleSignOnResource):
    summary = "SAML login redirect (400 while SAML is not enabled)."
    kind = "SAML"

    def get(self):
        return self._answer()


class SamlSsoResource(_SingleSignOnResource):
    summary = "SAML assertion consumer (400 while SAML is not enabled)."
    kind = "SAML"

    def post(self):
        return self._answer()


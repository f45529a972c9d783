from flask import request
from flask_jwt_extended import get_jwt, jwt_required, unset_jwt_cookies

from zou_api.blueprints.base import PublicResource, Resource
from zou_api.security import current_person, tokens
from zou_api.services import auth as auth_service
from zou_api.utils.http import json_body, json_response


class LoginResource(PublicResource):
    summary = "Log in with an email (or desktop login) and a password; answers access and refresh tokens."

    def post(self):
        body = json_body()
        email, password = body.get("email"), body.get("password")
        if not isinstance(email, str) or not email.strip():
            return json_response({"error": True, "message": "Validation error.",
                                  "data": {"errors": [{"field": "email", "message": "Field required"}]}}, 400)
        if not isinstance(password, str):
            return json_response({"error": True, "message": "Validation error.",
                                  "data": {"errors": [{"field": "password", "message": "Field required"}]}}, 400)
        person = auth_service.check_credentials(email, password)
        access, refresh = tokens.issue_tokens(person.id)
        auth_service.record_login(person, origin="web", ip_address=request.remote_addr)
        answer = {
            "user": person.serialize(relations=True),
            "organisation": auth_service.organisation().serialize(),
            "login": True,
            "access_token": access,
            "refresh_token": refresh,
        }
        response = json_response(answer)
        if tokens.is_from_browser():
            tokens.set_token_cookies(response, access, refresh)
        return response


class LogoutResource(Resource):
    summary = "Log out: the token and its refresh token are revoked."

    def get(self):
        auth_service.revoke_token(get_jwt())
        response = json_response({"logout": True})
        unset_jwt_cookies(response)
        return response


class AuthenticatedResource(Resource):
    summary = "Who the token belongs to, with the studio's organisation."

    def get(self):
        user = current_person().serialize(relations=True)
        user["fido_devices"] = [c.get("device_name") for c in (current_person().fido_credentials or [])]
        return {
            "authenticated": True,
            "user": user,
            "organisation": auth_service.organisation().serialize(),
        }


class RefreshTokenResource(PublicResource):
    summary = "A new access token from a refresh token."
    decorators = [jwt_required(refresh=True)]

    def get(self):
        claims = get_jwt()
        person = current_person()
        if person is None or not person.active or person.archived:
            return json_response({"msg": "User is not active anymore."}, 401)
        from flask_jwt_extended import create_access_token

        access = create_access_token(
            identity=str(person.id),
            additional_claims={"identity_type": claims.get("identity_type", "person"),
                               "refresh_jti": claims.get("jti")},
        )
        response = json_response({"access_token": access})
        if tokens.is_from_browser():
            tokens.set_token_cookies(response, access=access)
        return response

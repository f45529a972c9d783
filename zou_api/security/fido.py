"""FIDO2 / WebAuthn ceremonies with the `webauthn` package.

A person's credentials are kept in Person.fido_credentials as a list of
{"device_name", "credential_id" (base64url), "public_key" (base64url COSE key), "sign_count"}.
Challenges wait server-side (security/ephemeral.py) for 5 minutes, one pending registration
and one pending authentication per person; each is used once.
"""
import json
from urllib.parse import urlsplit

from flask import current_app
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.structs import (
    AuthenticatorAttachment,
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from zou_api.security import ephemeral

CHALLENGE_TTL_SECONDS = 300
RP_NAME = "Kitsu"


class FidoError(Exception):
    pass


def relying_party():
    """(rp_id, origin): FIDO_RP_ID / FIDO_ORIGIN, else derived from DOMAIN_NAME and DOMAIN_PROTOCOL."""
    config = current_app.config
    origin = config.get("FIDO_ORIGIN") or f"{config['DOMAIN_PROTOCOL']}://{config['DOMAIN_NAME']}"
    rp_id = config.get("FIDO_RP_ID") or urlsplit(origin).hostname or "localhost"
    return rp_id, origin


def _descriptors(credentials):
    return [PublicKeyCredentialDescriptor(id=base64url_to_bytes(c["credential_id"])) for c in credentials or []]


def registration_options(person):
    """Creation options for navigator.credentials.create(); the challenge waits for register()."""
    rp_id, _ = relying_party()
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=RP_NAME,
        user_id=str(person.id).encode(),
        user_name=person.email or str(person.id),
        user_display_name=person.full_name or person.email or "",
        exclude_credentials=_descriptors(person.fido_credentials),
        authenticator_selection=AuthenticatorSelectionCriteria(
            authenticator_attachment=AuthenticatorAttachment.CROSS_PLATFORM,
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    ephemeral.put(f"fido-registration:{person.id}", bytes_to_base64url(options.challenge), CHALLENGE_TTL_SECONDS)
    return json.loads(options_to_json(options))


def has_pending_registration(person):
    return ephemeral.get(f"fido-registration:{person.id}") is not None


def register(person, registration_response, device_name):
    """Verify the authenticator's answer to the pending challenge; the new credential dict."""
    challenge = ephemeral.take(f"fido-registration:{person.id}")
    if challenge is None:
        raise FidoError("No preregistration before.")
    rp_id, origin = relying_party()
    try:
        verified = verify_registration_response(
            credential=registration_response,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except Exception as e:  # webauthn raises several kinds, and KeyError/TypeError on junk
        raise FidoError(f"FIDO registration failed: {e}") from e
    credential_id = bytes_to_base64url(verified.credential_id)
    if any(c.get("credential_id") == credential_id for c in person.fido_credentials or []):
        raise FidoError("This FIDO device is already registered.")
    return {
        "device_name": device_name,
        "credential_id": credential_id,
        "public_key": bytes_to_base64url(verified.credential_public_key),
        "sign_count": verified.sign_count,
    }


def authentication_options(person):
    """Request options for navigator.credentials.get(); the challenge waits for authenticate()."""
    rp_id, _ = relying_party()
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=_descriptors(person.fido_credentials),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    ephemeral.put(f"fido-authentication:{person.id}", bytes_to_base64url(options.challenge), CHALLENGE_TTL_SECONDS)
    return json.loads(options_to_json(options))


def authenticate(person, authentication_response):
    """The person's credentials list with the used one's sign count updated; FidoError when the
    assertion does not answer the pending challenge with one of the person's keys."""
    challenge = ephemeral.take(f"fido-authentication:{person.id}")
    if challenge is None or not isinstance(authentication_response, dict):
        raise FidoError("No FIDO challenge pending.")
    credential_id = authentication_response.get("rawId") or authentication_response.get("id")
    credentials = [dict(c) for c in person.fido_credentials or []]
    match = next((c for c in credentials if c.get("credential_id") == credential_id), None)
    if match is None:
        raise FidoError("Unknown FIDO device.")
    rp_id, origin = relying_party()
    try:
        verified = verify_authentication_response(
            credential=authentication_response,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=base64url_to_bytes(match["public_key"]),
            credential_current_sign_count=match.get("sign_count") or 0,
        )
    except Exception as e:
        raise FidoError(f"FIDO authentication failed: {e}") from e
    match["sign_count"] = verified.new_sign_count
    return credentials

"""Setting up two-factor authentication: TOTP, codes by email, FIDO devices, recovery codes.

PUT prepares (a secret, a mailed code, WebAuthn creation options), POST enables with proof,
DELETE disables with a second factor. GET /auth/email-otp and GET /auth/fido are public: they
serve the login page (a code by mail, a WebAuthn challenge)."""
from zou_api.blueprints.args import Field, required_query, validate
from zou_api.blueprints.auth.resources import SECOND_FACTOR_FIELDS, PersonResource, second_factor
from zou_api.blueprints.base import Resource
from zou_api.security import current_person
from zou_api.security.access import PUBLIC
from zou_api.security.tokens import PERSON_ONLY
from zou_api.services import two_factor as two_factor_service


def _second_factor(schema, *fields):
    values = validate(schema, [*fields, *SECOND_FACTOR_FIELDS])
    return values, second_factor(values)


class TotpResource(PersonResource):
    summary = "PUT: a new TOTP secret and its otpauth URI. POST: enable TOTP with a code. DELETE: disable it."

    def put(self):
        return two_factor_service.pre_enable_totp(current_person())

    def post(self):
        values = validate("TOTPSchema", [Field("totp")])
        return two_factor_service.enable_totp(current_person(), values["totp"])

    def delete(self):
        _, factors = _second_factor("TwoFactorSchema")
        return two_factor_service.disable_totp(current_person(), factors)


class EmailOtpResource(Resource):
    summary = ("GET (public): mail a login code to ?email=. PUT: mail a code to set up email OTP. "
               "POST: enable it with the code. DELETE: disable it.")
    access = {"get": PUBLIC, "put": PERSON_ONLY, "post": PERSON_ONLY, "delete": PERSON_ONLY}

    def get(self):
        return two_factor_service.send_email_otp(required_query("email"))

    def put(self):
        return two_factor_service.pre_enable_email_otp(current_person())

    def post(self):
        values = validate("EmailOTPSchema", [Field("email_otp")])
        return two_factor_service.enable_email_otp(current_person(), values["email_otp"])

    def delete(self):
        _, factors = _second_factor("TwoFactorSchema")
        return two_factor_service.disable_email_otp(current_person(), factors)


class FidoResource(Resource):
    summary = ("GET (public): a WebAuthn login challenge for ?email=. PUT: creation options for a new "
               "device. POST: register it. DELETE: unregister a device by name.")
    access = {"get": PUBLIC, "put": PERSON_ONLY, "post": PERSON_ONLY, "delete": PERSON_ONLY}

    def get(self):
        return two_factor_service.fido_challenge(required_query("email"))

    def put(self):
        return two_factor_service.fido_registration_options(current_person())

    def post(self):
        values = validate("FIDORegisterSchema", [
            Field("registration_response", kind=dict), Field("device_name", min_length=1),
        ])
        return two_factor_service.register_fido_device(current_person(), values["registration_response"],
                                                       values["device_name"])

    def delete(self):
        values, factors = _second_factor("FIDOUnregisterSchema", Field("device_name", min_length=1))
        return two_factor_service.unregister_fido_device(current_person(), values["device_name"], factors)


class RecoveryCodesResource(PersonResource):
    summary = "New recovery codes (the old ones stop working); a second factor is required."

    def put(self):
        _, factors = _second_factor("TwoFactorSchema")
        return two_factor_service.new_recovery_codes(current_person(), factors)


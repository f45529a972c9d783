"""Two-factor authentication: setting up and removing TOTP, email codes, FIDO devices and
recovery codes, and checking a second factor at login or before a sensitive change.

A second factor comes as a dict with any of the keys "totp", "email_otp",
"fido_authentication_response", "recovery_code". Kinds are checked in that order and only
when enabled for the person; the first one given decides.
"""
from zou_api.exceptions import WrongParameter
from zou_api.security import fido, two_factor
from zou_api.services import mail
from zou_api.services.base import transaction

MISSING = "missing"


class SecondFactorFailed(WrongParameter):
    def __init__(self, message="OTP verification failed."):
        super().__init__(message, payload={"wrong_OTP": True})


def is_enabled(person):
    return bool(person.totp_enabled or person.email_otp_enabled or person.fido_enabled)


def enabled_kinds(person):
    """The kinds a client may offer at login, listed as the reference lists them."""
    kinds = ["recovery_code"] if person.otp_recovery_codes else []
    flags = {"totp": person.totp_enabled, "email_otp": person.email_otp_enabled, "fido": person.fido_enabled}
    return kinds + [kind for kind in two_factor.KINDS if flags[kind]]


def check_second_factor(person, factors):
    """True when the factor given is right (a recovery code is then used up), False when wrong,
    MISSING when none of the enabled kinds was given."""
    factors = factors or {}
    if person.totp_enabled and factors.get("totp") is not None:
        return two_factor.check_totp(person.totp_secret, factors["totp"])
    if person.email_otp_enabled and factors.get("email_otp") is not None:
        return two_factor.check_email_otp(person.id, person.email_otp_secret, factors["email_otp"])
    if person.fido_enabled and factors.get("fido_authentication_response"):
        try:
            credentials = fido.authenticate(person, factors["fido_authentication_response"])
        except fido.FidoError:
            return False
        with transaction():
            person.fido_credentials = credentials
        return True
    if factors.get("recovery_code") is not None:
        left = two_factor.use_recovery_code(person.otp_recovery_codes, factors["recovery_code"])
        if left is None:
            return False
        with transaction():
            person.otp_recovery_codes = left
        return True
    return MISSING


def require_second_factor(person, factors):
    """For a logged-in person changing their 2FA: SecondFactorFailed unless a right factor is given."""
    if check_second_factor(person, factors) is not True:
        raise SecondFactorFailed()


def _after_enabling(person, kind):
    """Preferred kind and first recovery codes; the answer of every 'enable' route."""
    from zou_api.security import tokens

    codes = None
    with transaction():
        if not person.preferred_two_factor_authentication:
            person.preferred_two_factor_authentication = kind
        if not person.otp_recovery_codes:
            codes, hashes = two_factor.new_recovery_codes()
            person.otp_recovery_codes = hashes
    access, refresh = tokens.issue_tokens(person.id)
    return {"otp_recovery_codes": codes, "access_token": access, "refresh_token": refresh}


def _after_disabling(person):
    with transaction():
        if person.preferred_two_factor_authentication not in enabled_kinds(person):
            remaining = [k for k in two_factor.KINDS if getattr(person, f"{k}_enabled")]
            person.preferred_two_factor_authentication = remaining[0] if remaining else None
        if not is_enabled(person):
            person.otp_recovery_codes = None
    return {"success": True}


def _issuer():
    from zou_api.services.auth import organisation

    return f"Kitsu {organisation().name}"


# -- TOTP ---------------------------------------------------------------------
def pre_enable_totp(person):
    if person.totp_enabled:
        raise WrongParameter("TOTP already enabled.")
    with transaction():
        person.totp_secret = two_factor.new_secret()
    return {
        "totp_provisionning_uri": two_factor.totp_provisioning_uri(person.totp_secret, person.email, _issuer()),
        "otp_secret": person.totp_secret,
    }


def enable_totp(person, code):
    if person.totp_enabled:
        raise WrongParameter("TOTP already enabled.")
    if not two_factor.check_totp(person.totp_secret, code):
        raise SecondFactorFailed("TOTP verification failed.")
    person.totp_enabled = True
    return _after_enabling(person, "totp")


def disable_totp(person, factors):
    if not person.totp_enabled:
        raise WrongParameter("TOTP not enabled.")
    require_second_factor(person, factors)
    person.totp_enabled = False
    person.totp_secret = None
    return _after_disabling(person)


# -- email OTP ----------------------------------------------------------------
def send_email_otp_code(person):
    code = two_factor.new_email_otp(person.id, person.email_otp_secret)
    minutes = two_factor.EMAIL_OTP_TTL_SECONDS // 60
    mail.send(
        person.email,
        f"Kitsu: your verification code is {code}",
        f"Hello {person.first_name},\n\nYour Kitsu verification code is: {code}\n\n"
        f"It is valid for {minutes} minutes and can be used once. If you did not try to log in, "
        "someone may know your password: change it.\n",
    )


def send_email_otp(email):
    """GET /auth/email-otp: mail a login code when the address has email OTP enabled.
    The answer is the same whatever the address, so it tells nothing about accounts."""
    from zou_api.services.auth import find_person_by_email

    person = find_person_by_email(email)
    if person is not None and person.email_otp_enabled and person.active and not person.archived \
            and not person.is_bot:
        send_email_otp_code(person)
    return {"success": True}


def pre_enable_email_otp(person):
    if person.email_otp_enabled:
        raise WrongParameter("OTP by email already enabled.")
    if not person.email:
        raise WrongParameter("An email address is required to receive codes.")
    with transaction():
        person.email_otp_secret = two_factor.new_secret()
    send_email_otp_code(person)
    return {"success": True}


def enable_email_otp(person, code):
    if person.email_otp_enabled:
        raise WrongParameter("OTP by email already enabled.")
    if not two_factor.check_email_otp(person.id, person.email_otp_secret, code):
        raise SecondFactorFailed("OTP by email verification failed.")
    person.email_otp_enabled = True
    return _after_enabling(person, "email_otp")


def disable_email_otp(person, factors):
    if not person.email_otp_enabled:
        raise WrongParameter("OTP by email not enabled.")
    require_second_factor(person, factors)
    person.email_otp_enabled = False
    person.email_otp_secret = None
    two_factor.forget_email_otp(person.id)
    return _after_disabling(person)


# -- FIDO ---------------------------------------------------------------------
def fido_registration_options(person):
    return fido.registration_options(person)


def register_fido_device(person, registration_response, device_name):
    if not fido.has_pending_registration(person):
        raise WrongParameter("No preregistration before.")
    if any(c.get("device_name") == device_name for c in person.fido_credentials or []):
        raise WrongParameter("A FIDO device with this name is already registered.")
    try:
        credential = fido.register(person, registration_response, device_name)
    except fido.FidoError as e:
        if str(e) == "This FIDO device is already registered.":
            raise WrongParameter(str(e))
        raise WrongParameter("FIDO server exception your registration response is probly wrong.")
    person.fido_credentials = list(person.fido_credentials or []) + [credential]
    person.fido_enabled = True
    return _after_enabling(person, "fido")


def fido_challenge(email):
    """GET /auth/fido: a login challenge for the account's devices."""
    from zou_api.services.auth import find_person_by_email

    person = find_person_by_email(email)
    if person is None or not person.fido_enabled or not person.fido_credentials:
        raise WrongParameter("FIDO not enabled.")
    return fido.authentication_options(person)


def unregister_fido_device(person, device_name, factors):
    if not person.fido_enabled:
        raise WrongParameter("FIDO not enabled.")
    require_second_factor(person, factors)
    credentials = [c for c in person.fido_credentials or [] if c.get("device_name") != device_name]
    person.fido_credentials = credentials or None
    if not credentials:
        person.fido_enabled = False
    return _after_disabling(person)


def fido_device_names(person):
    return [c.get("device_name") for c in person.fido_credentials or []]


# -- recovery codes and admin reset -------------------------------------------
def new_recovery_codes(person, factors):
    if not is_enabled(person):
        raise WrongParameter("No two factor authentication enabled.")
    require_second_factor(person, factors)
    codes, hashes = two_factor.new_recovery_codes()
    with transaction():
        person.otp_recovery_codes = hashes
    return {"otp_recovery_codes": codes}


def clear_two_factor(person):
    """Turn off every second factor of a person (an admin's reset); the caller commits."""
    person.totp_enabled = False
    person.totp_secret = None
    person.email_otp_enabled = False
    person.email_otp_secret = None
    person.fido_enabled = False
    person.fido_credentials = None
    person.otp_recovery_codes = None
    person.preferred_two_factor_authentication = None
    two_factor.forget_email_otp(person.id)

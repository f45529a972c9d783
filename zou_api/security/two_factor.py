"""Second-factor primitives: TOTP, one-time codes sent by email, recovery codes.

Nothing here touches Flask's request: the services decide when each is asked for.
FIDO/WebAuthn lives in security/fido.py.
"""
import hashlib
import hmac
import secrets
import string

import pyotp

from zou_api.exceptions import PermissionDenied
from zou_api.security import ephemeral

# The order in which the kinds are listed to clients (as the reference lists them).
KINDS = ("totp", "email_otp", "fido")
EMAIL_OTP_TTL_SECONDS = 300
RECOVERY_CODE_COUNT = 16
RECOVERY_CODE_LENGTH = 10
_RECOVERY_ALPHABET = string.ascii_uppercase + string.digits
_PBKDF2_ROUNDS = 20000


# -- ENFORCE_2FA ---------------------------------------------------------------
REQUIRES_2FA_SETUP = "requires_2fa_setup"


def check_two_factor_setup(claims, path):
    """A session waiting for its 2FA setup (ENFORCE_2FA; its tokens carry requires_2fa_setup)
    may only use the /auth/ routes, and may not mint app-login codes."""
    if claims.get(REQUIRES_2FA_SETUP) and (not path.startswith("/auth/") or path == "/auth/app-login/code"):
        raise PermissionDenied(
            "Two-factor authentication setup is required. Please configure 2FA before accessing the API.",
            payload={"two_factor_authentication_required": True},
        )


# -- TOTP ---------------------------------------------------------------------
def new_secret():
    return pyotp.random_base32()


def totp_provisioning_uri(secret, account, issuer):
    return pyotp.TOTP(secret).provisioning_uri(name=account or "", issuer_name=issuer)


def check_totp(secret, code):
    """A code of the current 30 s step, or of the step just before or after."""
    if not secret or not isinstance(code, str) or not code.strip():
        return False
    return pyotp.TOTP(secret).verify(code.strip(), valid_window=1)


# -- email OTP ----------------------------------------------------------------
def _email_otp_key(person_id):
    return f"email-otp:{person_id}"


def new_email_otp(person_id, secret):
    """A fresh 6-digit code for the person (valid 5 minutes, once); replaces any earlier one."""
    counter = secrets.randbelow(10 ** 12)
    ephemeral.put(_email_otp_key(person_id), str(counter), EMAIL_OTP_TTL_SECONDS)
    return pyotp.HOTP(secret).at(counter)


def check_email_otp(person_id, secret, code):
    """True (and the code is used up) when `code` is the last code sent to the person."""
    if not secret or not isinstance(code, str) or not code.strip():
        return False
    counter = ephemeral.get(_email_otp_key(person_id))
    if counter is None or not pyotp.HOTP(secret).verify(code.strip(), int(counter)):
        return False
    return ephemeral.take(_email_otp_key(person_id)) == counter


def forget_email_otp(person_id):
    ephemeral.discard(_email_otp_key(person_id))


# -- recovery codes -----------------------------------------------------------
def new_recovery_codes():
    """(codes to show once, their hashes to store)."""
    codes = ["".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
             for _ in range(RECOVERY_CODE_COUNT)]
    return codes, [hash_recovery_code(code) for code in codes]


def hash_recovery_code(code, salt=None):
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", code.encode(), salt.encode(), _PBKDF2_ROUNDS).hex()
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt}${digest}"


def _matches(code, stored):
    try:
        _, rounds, salt, digest = stored.split("$")
        computed = hashlib.pbkdf2_hmac("sha256", code.encode(), salt.encode(), int(rounds)).hex()
    except (ValueError, AttributeError):
        return False
    return hmac.compare_digest(computed, digest)


def use_recovery_code(hashes, code):
    """The hashes left once `code` is used, or None when `code` is not one of them."""
    if not hashes or not isinstance(code, str) or not code:
        return None
    for index, stored in enumerate(hashes):
        if _matches(code, stored):
            return hashes[:index] + hashes[index + 1:]
    return None

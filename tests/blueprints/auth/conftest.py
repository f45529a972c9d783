"""Helpers for the auth tests: logging in, reading mailed codes, enabling each second factor."""
import os
import re

import pyotp
import pytest

from tests.blueprints.auth.soft_authenticator import SoftAuthenticator
from tests.factories import PASSWORD


def login(anonymous, email, password=PASSWORD, **factors):
    return anonymous.post("/auth/login", {"email": email, "password": password, **factors})


def last_mail(app, to):
    """The one mail sent to `to` since the last call, read with mail.outbox(). Outbox file names
    are only precise to the second, so the mails read are removed: the next call sees only newer
    ones."""
    from zou_api.services import mail

    with app.app_context():
        messages = mail.outbox(to=to)
    assert len(messages) == 1, f"{len(messages)} mails to {to}"
    folder = app.config["MAIL_OUTBOX"]
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            if f"\nTo: {to}\n".encode() in f.read():
                os.remove(os.path.join(folder, name))
    return messages[0]


def code_in(message):
    return re.search(r"\b(\d{6})\b", message.get_body(("plain",)).get_content()).group(1)


def mailed_code(app, to):
    """The 6-digit code of the mail just sent to `to`."""
    return code_in(last_mail(app, to))


def enable_totp(client):
    secret = client.put("/auth/totp").get_json()["otp_secret"]
    answer = client.post("/auth/totp", {"totp": pyotp.TOTP(secret).now()}).get_json()
    return secret, answer


def enable_email_otp(app, client):
    assert client.put("/auth/email-otp").get_json() == {"success": True}
    code = mailed_code(app, client.person.email)
    return client.post("/auth/email-otp", {"email_otp": code}).get_json()


def fido_origin(app):
    return f"{app.config['DOMAIN_PROTOCOL']}://{app.config['DOMAIN_NAME']}"


def enable_fido(app, client, device_name="key"):
    authenticator = SoftAuthenticator(fido_origin(app))
    options = client.put("/auth/fido").get_json()
    answer = client.post("/auth/fido", {"registration_response": authenticator.register(options),
                                        "device_name": device_name}).get_json()
    return authenticator, answer


def fido_assertion(anonymous, authenticator, email):
    options = anonymous.get(f"/auth/fido?email={email}").get_json()
    return authenticator.assert_(options)


@pytest.fixture
def artist(people):
    return people["user"]


@pytest.fixture
def artist_client(clients):
    return clients["user"]


@pytest.fixture(autouse=True)
def forget_login_failures(app):
    """Failed-login counters live in Redis when the suite runs with it, where clean_db does not
    reach: every auth test starts with none."""
    from zou_api.security import ephemeral
    from zou_api.security.revocation import _redis_client

    with app.app_context():
        client = _redis_client()
        if client is not None:
            keys = list(client.scan_iter(ephemeral.PREFIX + "login-failures:*"))
            if keys:
                client.delete(*keys)
    yield

"""Sending mail: SMTP when MAIL_SERVER is set, otherwise an .eml file in the local outbox.

The outbox (MAIL_OUTBOX, default ./var/outbox) lets a reset link or a one-time code be read
on the embedded default, with no mail server.
"""
import datetime
import email.message
import email.utils
import os
import smtplib
import uuid

from zou_api import settings


def send(to, subject, body, html=None):
    """Send one mail; returns the outbox file path (embedded) or None (SMTP)."""
    config = settings.all()
    message = email.message.EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = email.utils.formatdate(localtime=False)
    message["Message-ID"] = email.utils.make_msgid()
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    if not config.get("MAIL_SERVER"):
        return _write_to_outbox(config["MAIL_OUTBOX"], message)
    smtp_class = smtplib.SMTP_SSL if config.get("MAIL_USE_SSL") else smtplib.SMTP
    with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config.get("MAIL_USE_TLS") and not config.get("MAIL_USE_SSL"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)
    return None


def _write_to_outbox(folder, message):
    os.makedirs(folder, exist_ok=True)
    stamp = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%S")
    path = os.path.join(folder, f"{stamp}-{uuid.uuid4().hex[:8]}.eml")
    with open(path, "wb") as f:
        f.write(bytes(message))
    return path


def outbox(to=None):
    """The mails in the local outbox, oldest first, as EmailMessage objects (for tests and admins)."""
    from email import policy
    from email.parser import BytesParser

    folder = settings.require("MAIL_OUTBOX")
    if not os.path.isdir(folder):
        return []
    messages = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".eml"):
            with open(os.path.join(folder, name), "rb") as f:
                message = BytesParser(policy=policy.default).parse(f)
            if to is None or message["To"] == to:
                messages.append(message)
    return messages

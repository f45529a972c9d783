"""People and their presence: persons, day offs, login logs."""
from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class Person(BaseMixin, Base):
    __tablename__ = "person"
    __hidden__ = frozenset({
        "password", "login_failed_attemps", "last_login_failed", "totp_secret",
        "email_otp_secret", "fido_credentials", "otp_recovery_codes", "jti",
        "oidc_issuer", "oidc_subject", "saml_issuer", "saml_subject",
    })

    @property
    def full_name(self):
        return f"{self.first_name or ''} {self.last_name or ''}".strip()

    @classmethod
    def finish_serialization(cls, data):
        data["full_name"] = f"{data.get('first_name') or ''} {data.get('last_name') or ''}".strip()
        return super().finish_serialization(data)

    first_name = mapped_column(String(80), nullable=False)
    last_name = mapped_column(String(80), nullable=False)
    email = mapped_column(String(255))
    phone = mapped_column(String(30), default="")
    contract_type = mapped_column(String(255), nullable=False, default='open-ended')
    active = mapped_column(Boolean, default=True)
    archived = mapped_column(Boolean, default=False)
    last_presence = mapped_column(Date)
    password = mapped_column(LargeBinary)
    desktop_login = mapped_column(String(80), default="")
    login_failed_attemps = mapped_column(Integer, default=0)
    last_login_failed = mapped_column(DateTime)
    totp_enabled = mapped_column(Boolean, default=False)
    totp_secret = mapped_column(String(32))
    email_otp_enabled = mapped_column(Boolean, default=False)
    email_otp_secret = mapped_column(String(32))
    fido_enabled = mapped_column(Boolean, default=False)
    fido_credentials = mapped_column(JSONType)
    otp_recovery_codes = mapped_column(JSONType)
    preferred_two_factor_authentication = mapped_column(String(255))
    shotgun_id = mapped_column(Integer, unique=True)
    timezone = mapped_column(String(50), default="Europe/Paris")
    locale = mapped_column(String(10), default="en_US")
    data = mapped_column(JSONType)
    role = mapped_column(String(255), nullable=False, default='user')
    position = mapped_column(String(255), default="artist")
    seniority = mapped_column(String(255), default="mid")
    daily_salary = mapped_column(Integer, default=0)
    has_avatar = mapped_column(Boolean, default=False)
    notifications_enabled = mapped_column(Boolean, default=False)
    notifications_slack_enabled = mapped_column(Boolean, default=False)
    notifications_slack_userid = mapped_column(String(60), default="")
    notifications_mattermost_enabled = mapped_column(Boolean, default=False)
    notifications_mattermost_userid = mapped_column(String(60), default="")
    notifications_discord_enabled = mapped_column(Boolean, default=False)
    notifications_discord_userid = mapped_column(String(60), default="")
    is_bot = mapped_column(Boolean, nullable=False, default=False)
    jti = mapped_column(String(60), unique=True)
    expiration_date = mapped_column(Date)
    studio_id = mapped_column(Uuid, ForeignKey("studio.id"), index=True)
    is_generated_from_ldap = mapped_column(Boolean, default=False)
    ldap_uid = mapped_column(String(60), unique=True)
    is_guest = mapped_column(Boolean, nullable=False, default=False)
    country = mapped_column(String(2))
    use_12_hour_clock = mapped_column(Boolean, default=False)
    display_date_format = mapped_column(String(20), default="YYYY-MM-DD")
    oidc_issuer = mapped_column(Text)
    oidc_subject = mapped_column(String(255))
    saml_issuer = mapped_column(Text)
    saml_subject = mapped_column(String(255))
    preview_project_id = mapped_column(Uuid, ForeignKey("project.id"), unique=True, index=True)
    preview_opened_at = mapped_column(DateTime)
    preview_open_until = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint('oidc_issuer', 'oidc_subject', name="person_oidc_identity_uc"), UniqueConstraint('saml_issuer', 'saml_subject', name="person_saml_identity_uc"),)


class DayOff(BaseMixin, Base):
    __tablename__ = "day_off"
    date = mapped_column(Date, nullable=False)
    end_date = mapped_column(Date, nullable=False)
    description = mapped_column(Text)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    __table_args__ = (UniqueConstraint('person_id', 'date', name="day_off_uc"),)


class LoginLog(BaseMixin, Base):
    __tablename__ = "login_log"
    person_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    ip_address = mapped_column(String(50))
    origin = mapped_column(String(255))


class DesktopLoginLog(BaseMixin, Base):
    __tablename__ = "desktop_login_log"
    person_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    date = mapped_column(DateTime, nullable=False)


class RevokedToken(Base):
    """A JWT refused until it expires (logout); used when no Redis is configured."""

    __tablename__ = "revoked_token"
    jti = mapped_column(String(60), primary_key=True)
    expires_at = mapped_column(DateTime, nullable=False, index=True)


class EphemeralSecret(Base):
    """A short-lived secret (reset token, email code, FIDO challenge, app-login code) when no
    Redis is configured; the key holds a hash of the secret, never the secret itself."""

    __tablename__ = "ephemeral_secret"
    key = mapped_column(String(255), primary_key=True)
    value = mapped_column(Text, nullable=False)
    expires_at = mapped_column(DateTime, nullable=False, index=True)

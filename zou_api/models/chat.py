"""Entity chats and their messages."""
from sqlalchemy import DateTime, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin


class Chat(BaseMixin, Base):
    __tablename__ = "chat"
    object_id = mapped_column(Uuid, nullable=False, index=True)
    object_type = mapped_column(String(80), nullable=False, index=True)
    last_message = mapped_column(DateTime)


class ChatMessage(BaseMixin, Base):
    __tablename__ = "chat_message"
    chat_id = mapped_column(Uuid, ForeignKey("chat.id"), nullable=False, index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    text = mapped_column(Text)


class ChatParticipant(Base):
    __tablename__ = "chat_participant"
    chat_id = mapped_column(Uuid, ForeignKey("chat.id"), primary_key=True, index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), primary_key=True, index=True)

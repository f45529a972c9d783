"""Comments and what they carry: mentions, acknowledgements, preview links, attachments."""
from sqlalchemy import BigInteger, Boolean, Column, ForeignKey, Integer, String, Table, Text, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class Comment(BaseMixin, Base):
    __tablename__ = "comment"
    shotgun_id = mapped_column(Integer)
    object_id = mapped_column(Uuid, nullable=False, index=True)
    object_type = mapped_column(String(80), nullable=False, index=True)
    text = mapped_column(Text)
    data = mapped_column(JSONType)
    replies = mapped_column(JSONType, default=list)
    checklist = mapped_column(JSONType)
    pinned = mapped_column(Boolean, default=False)
    links = mapped_column(JSONType)
    task_status_id = mapped_column(Uuid, ForeignKey("task_status.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    editor_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    preview_file_id = mapped_column(Uuid, ForeignKey("preview_file.id"), index=True)
    for_client = mapped_column(Boolean, default=False)


comment_acknoledgments = Table(
    "comment_acknoledgments",
    Base.metadata,
    Column("comment", Uuid, ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("person", Uuid, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True),
)


comment_mentions = Table(
    "comment_mentions",
    Base.metadata,
    Column("comment", Uuid, ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("person", Uuid, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True),
)


comment_department_mentions = Table(
    "comment_department_mentions",
    Base.metadata,
    Column("comment", Uuid, ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("department", Uuid, ForeignKey("department.id", ondelete="CASCADE"), primary_key=True, index=True),
)


comment_preview_link = Table(
    "comment_preview_link",
    Base.metadata,
    Column("comment", Uuid, ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("preview_file", Uuid, ForeignKey("preview_file.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class AttachmentFile(BaseMixin, Base):
    __tablename__ = "attachment_file"
    name = mapped_column(String(250))
    size = mapped_column(BigInteger)
    extension = mapped_column(String(6))
    mimetype = mapped_column(String(255))
    comment_id = mapped_column(Uuid, ForeignKey("comment.id"), index=True)
    reply_id = mapped_column(Uuid)
    chat_message_id = mapped_column(Uuid, ForeignKey("chat_message.id"), index=True)

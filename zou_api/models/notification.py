"""Notifications, subscriptions, news, saved search filters."""
from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin


class Notification(BaseMixin, Base):
    """Its `type` column (comment, mention...) is sent as `notification_type`, as Zou does."""

    __tablename__ = "notification"

    @classmethod
    def finish_serialization(cls, data):
        data["notification_type"] = data.get("type")
        return super().finish_serialization(data)
    read = mapped_column(Boolean, nullable=False, default=False)
    change = mapped_column(Boolean, nullable=False, default=False)
    type = mapped_column(String(255), nullable=False)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    author_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    comment_id = mapped_column(Uuid, ForeignKey("comment.id"), index=True)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), index=True)
    playlist_id = mapped_column(Uuid, ForeignKey("playlist.id"), index=True)
    reply_id = mapped_column(Uuid, index=True)
    __table_args__ = (UniqueConstraint('person_id', 'author_id', 'comment_id', 'reply_id', 'playlist_id', 'type', name="notification_uc"),)


class Subscription(BaseMixin, Base):
    __tablename__ = "subscription"
    person_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), index=True)
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    __table_args__ = (UniqueConstraint('person_id', 'task_type_id', 'entity_id', name="subscription_entity_uc"), UniqueConstraint('person_id', 'task_id', name="subscription_task_uc"),)


class News(BaseMixin, Base):
    __tablename__ = "news"
    change = mapped_column(Boolean, nullable=False, default=False)
    author_id = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    comment_id = mapped_column(Uuid, ForeignKey("comment.id"), index=True)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), nullable=False, index=True)
    preview_file_id = mapped_column(Uuid, ForeignKey("preview_file.id"), index=True)


class SearchFilterGroup(BaseMixin, Base):
    __tablename__ = "search_filter_group"
    list_type = mapped_column(String(80), nullable=False, index=True)
    entity_type = mapped_column(String(80))
    name = mapped_column(String(200), nullable=False)
    color = mapped_column(String(8), nullable=False)
    is_shared = mapped_column(Boolean, nullable=False, default=False)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    department_id = mapped_column(Uuid, ForeignKey("department.id"), index=True)


class SearchFilter(BaseMixin, Base):
    __tablename__ = "search_filter"
    list_type = mapped_column(String(80), nullable=False, index=True)
    entity_type = mapped_column(String(80))
    name = mapped_column(String(200), nullable=False)
    search_query = mapped_column(String(500), nullable=False)
    is_shared = mapped_column(Boolean, nullable=False, default=False)
    department_id = mapped_column(Uuid, ForeignKey("department.id"), index=True)
    search_filter_group_id = mapped_column(Uuid, ForeignKey("search_filter_group.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)

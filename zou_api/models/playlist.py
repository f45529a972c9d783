"""Playlists, their build jobs and share links."""
from sqlalchemy import Boolean, DateTime, ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class Playlist(BaseMixin, Base):
    __tablename__ = "playlist"
    name = mapped_column(String(80), nullable=False)
    shots = mapped_column(JSONType)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    episode_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    for_client = mapped_column(Boolean, index=True, default=False)
    for_entity = mapped_column(String(10), index=True, default='shot')
    is_for_all = mapped_column(Boolean, default=False)
    created_by = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    __table_args__ = (UniqueConstraint('name', 'project_id', 'episode_id', name="playlist_uc"),)


class BuildJob(BaseMixin, Base):
    __tablename__ = "build_job"
    status = mapped_column(String(255), nullable=False)
    job_type = mapped_column(String(255), nullable=False)
    ended_at = mapped_column(DateTime)
    playlist_id = mapped_column(Uuid, ForeignKey("playlist.id"), nullable=False, index=True)
    message = mapped_column(Text)


class PlaylistShareLink(BaseMixin, Base):
    __tablename__ = "playlist_share_link"
    token = mapped_column(String(64), nullable=False, unique=True, index=True)
    playlist_id = mapped_column(Uuid, ForeignKey("playlist.id"), nullable=False, index=True)
    created_by = mapped_column(Uuid, ForeignKey("person.id"), nullable=False, index=True)
    expiration_date = mapped_column(DateTime)
    is_active = mapped_column(Boolean, nullable=False, default=False)
    can_comment = mapped_column(Boolean, nullable=False, default=False)
    password = mapped_column(String(255))

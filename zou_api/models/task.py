"""Task types, task statuses, tasks, assignations and time spents."""
from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class TaskType(BaseMixin, Base):
    __tablename__ = "task_type"
    name = mapped_column(String(40), nullable=False)
    short_name = mapped_column(String(20))
    description = mapped_column(Text)
    color = mapped_column(String(7), default='#FFFFFF')
    priority = mapped_column(Integer, default=1)
    for_entity = mapped_column(String(30), default='Asset')
    allow_timelog = mapped_column(Boolean, default=True)
    archived = mapped_column(Boolean, default=False)
    shotgun_id = mapped_column(Integer, index=True)
    department_id = mapped_column(Uuid, ForeignKey("department.id"), index=True)
    __table_args__ = (UniqueConstraint('name', 'for_entity', 'department_id', name="task_type_uc"),)


class TaskStatus(BaseMixin, Base):
    __tablename__ = "task_status"
    name = mapped_column(String(40), nullable=False)
    archived = mapped_column(Boolean, default=False)
    short_name = mapped_column(String(10), nullable=False, unique=True, index=True)
    description = mapped_column(Text)
    color = mapped_column(String(7), nullable=False)
    priority = mapped_column(Integer)
    is_done = mapped_column(Boolean, index=True, default=False)
    is_artist_allowed = mapped_column(Boolean, default=True)
    is_client_allowed = mapped_column(Boolean, default=True)
    is_retake = mapped_column(Boolean, default=False)
    is_feedback_request = mapped_column(Boolean, index=True, default=False)
    is_default = mapped_column(Boolean, index=True, default=False)
    is_wip = mapped_column(Boolean, index=True, default=False)
    shotgun_id = mapped_column(Integer)
    for_concept = mapped_column(Boolean, default=False)


class Task(BaseMixin, Base):
    __tablename__ = "task"
    name = mapped_column(String(80), nullable=False)
    description = mapped_column(Text)
    priority = mapped_column(Integer, default=0)
    difficulty = mapped_column(Integer, nullable=False, default=3)
    duration = mapped_column(Float, default=0.0)
    estimation = mapped_column(Float, default=0.0)
    completion_rate = mapped_column(Integer, default=0)
    retake_count = mapped_column(Integer, default=0)
    sort_order = mapped_column(Integer, default=0)
    start_date = mapped_column(DateTime)
    due_date = mapped_column(DateTime)
    real_start_date = mapped_column(DateTime)
    end_date = mapped_column(DateTime)
    done_date = mapped_column(DateTime)
    last_comment_date = mapped_column(DateTime)
    nb_assets_ready = mapped_column(Integer, default=0)
    data = mapped_column(JSONType)
    nb_drawings = mapped_column(Integer)
    shotgun_id = mapped_column(Integer)
    last_preview_file_id = mapped_column(Uuid)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    task_status_id = mapped_column(Uuid, ForeignKey("task_status.id"), index=True)
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    assigner_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    __table_args__ = (UniqueConstraint('name', 'project_id', 'task_type_id', 'entity_id', name="task_uc"),
                      # a board's change signal (count, latest update of a production's tasks) from the index alone
                      Index("ix_task_project_id_updated_at", "project_id", "updated_at"))


class TaskPersonLink(Base):
    __tablename__ = "task_person_link"
    task_id = mapped_column(Uuid, ForeignKey("task.id"), primary_key=True, index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), primary_key=True, index=True)


class TaskTypeAssetTypeLink(Base):
    __tablename__ = "task_type_asset_type_link"
    asset_type_id = mapped_column(Uuid, ForeignKey("entity_type.id"), primary_key=True, index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), primary_key=True, index=True)


class TimeSpent(BaseMixin, Base):
    __tablename__ = "time_spent"
    duration = mapped_column(Float, nullable=False)
    date = mapped_column(Date, nullable=False)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    __table_args__ = (UniqueConstraint('person_id', 'task_id', 'date', name="time_spent_uc"),)

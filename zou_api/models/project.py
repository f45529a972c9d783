"""Productions and what hangs off them: statuses, team and settings links, milestones, schedules, budgets."""
from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class ProjectStatus(BaseMixin, Base):
    __tablename__ = "project_status"
    name = mapped_column(String(20), nullable=False, unique=True, index=True)
    color = mapped_column(String(7), nullable=False)


class Project(BaseMixin, Base):
    __tablename__ = "project"
    name = mapped_column(String(80), nullable=False, unique=True, index=True)
    code = mapped_column(String(80))
    description = mapped_column(Text)
    shotgun_id = mapped_column(Integer)
    file_tree = mapped_column(JSONType)
    data = mapped_column(JSONType)
    has_avatar = mapped_column(Boolean, default=False)
    fps = mapped_column(String(10), default="25")
    ratio = mapped_column(String(10), default="16:9")
    resolution = mapped_column(String(12), default="1920x1080")
    production_type = mapped_column(String(20), default='short')
    production_style = mapped_column(String(255), nullable=False, default="2d3d")
    start_date = mapped_column(Date)
    end_date = mapped_column(Date)
    man_days = mapped_column(Integer)
    nb_episodes = mapped_column(Integer, default=0)
    episode_span = mapped_column(Integer, default=0)
    max_retakes = mapped_column(Integer, default=0)
    is_clients_isolated = mapped_column(Boolean, default=False)
    is_preview_download_allowed = mapped_column(Boolean, default=False)
    is_set_preview_automated = mapped_column(Boolean, default=False)
    homepage = mapped_column(String(80), default="assets")
    is_publish_default_for_artists = mapped_column(Boolean, default=False)
    hd_bitrate_compression = mapped_column(Integer)
    ld_bitrate_compression = mapped_column(Integer)
    project_status_id = mapped_column(Uuid, ForeignKey("project_status.id"), index=True)
    default_preview_background_file_id = mapped_column(Uuid, ForeignKey("preview_background_file.id"), index=True)
    from_schedule_version_id = mapped_column(Uuid, ForeignKey("production_schedule_version.id", use_alter=True, name="fk_project_from_schedule_version"), index=True)
    is_bot_collaboration_enabled = mapped_column(Boolean, default=False)
    is_single_preview_per_revision = mapped_column(Boolean, default=False)
    revision_padding = mapped_column(Integer, nullable=False, default=0)
    is_frame_in_numbering = mapped_column(Boolean, default=False)
    is_client_stats_visible = mapped_column(Boolean, default=True)
    is_client_task_list_visible = mapped_column(Boolean, default=True)
    is_client_task_panel_visible = mapped_column(Boolean, default=True)


class ProjectPersonLink(Base):
    __tablename__ = "project_person_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), primary_key=True, index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), primary_key=True, index=True)
    shotgun_id = mapped_column(Integer)
    role = mapped_column(String(255))


class ProjectAssetTypeLink(Base):
    __tablename__ = "project_asset_type_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), primary_key=True, index=True)
    asset_type_id = mapped_column(Uuid, ForeignKey("entity_type.id"), primary_key=True, index=True)


class ProjectTaskTypeLink(BaseMixin, Base):
    __tablename__ = "project_task_type_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), nullable=False, index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), nullable=False, index=True)
    priority = mapped_column(Integer)
    hd_bitrate_compression = mapped_column(Integer)
    ld_bitrate_compression = mapped_column(Integer)
    is_client_visible = mapped_column(Boolean, default=True)
    __table_args__ = (UniqueConstraint('project_id', 'task_type_id', name="project_tasktype_uc"),)


class ProjectTaskStatusLink(BaseMixin, Base):
    __tablename__ = "project_task_status_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), nullable=False, index=True)
    task_status_id = mapped_column(Uuid, ForeignKey("task_status.id"), nullable=False, index=True)
    priority = mapped_column(Integer)
    roles_for_board = mapped_column(JSONType)
    is_client_allowed = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint('project_id', 'task_status_id', name="project_taskstatus_uc"),)


class ProjectStatusAutomationLink(Base):
    __tablename__ = "project_status_automation_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), primary_key=True, index=True)
    status_automation_id = mapped_column(Uuid, ForeignKey("status_automation.id"), primary_key=True, index=True)


class ProjectPreviewBackgroundFileLink(Base):
    __tablename__ = "project_preview_background_file_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), primary_key=True, index=True)
    preview_background_file_id = mapped_column(Uuid, ForeignKey("preview_background_file.id"), primary_key=True, index=True)


class ProjectTaskTypeSoftwareLink(BaseMixin, Base):
    __tablename__ = "project_task_type_software_link"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), nullable=False, index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), nullable=False, index=True)
    software_id = mapped_column(Uuid, ForeignKey("software.id"), nullable=False, index=True)
    __table_args__ = (UniqueConstraint('project_id', 'task_type_id', 'software_id', name="project_task_type_software_uc"),)


class Milestone(BaseMixin, Base):
    __tablename__ = "milestone"
    date = mapped_column(Date)
    name = mapped_column(String(40), nullable=False)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)


class ScheduleItem(BaseMixin, Base):
    __tablename__ = "schedule_item"
    start_date = mapped_column(Date)
    end_date = mapped_column(Date)
    man_days = mapped_column(Integer)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    object_id = mapped_column(Uuid, index=True)
    __table_args__ = (UniqueConstraint('project_id', 'task_type_id', 'object_id', name="schedule_item_uc"),)


class ProductionScheduleVersion(BaseMixin, Base):
    __tablename__ = "production_schedule_version"
    name = mapped_column(String(80), nullable=False)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), nullable=False, index=True)
    production_schedule_from = mapped_column(Uuid, ForeignKey("production_schedule_version.id", use_alter=True, name="fk_psv_production_schedule_from"), index=True)
    locked = mapped_column(Boolean, default=False)
    canceled = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint('name', 'project_id', name="production_schedule_version_uc"),)


class ProductionScheduleVersionTaskLink(BaseMixin, Base):
    __tablename__ = "production_schedule_version_task_link"
    production_schedule_version_id = mapped_column(Uuid, ForeignKey("production_schedule_version.id"), nullable=False, index=True)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), nullable=False, index=True)
    start_date = mapped_column(DateTime)
    due_date = mapped_column(DateTime)
    estimation = mapped_column(Float)
    __table_args__ = (UniqueConstraint('production_schedule_version_id', 'task_id', name="production_schedule_version_task_link_uc"),)


class ProductionScheduleVersionTaskLinkPersonLink(Base):
    __tablename__ = "production_schedule_version_task_link_person_link"
    production_schedule_version_task_link_id = mapped_column(Uuid, ForeignKey("production_schedule_version_task_link.id"), primary_key=True, index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), primary_key=True, index=True)


class Budget(BaseMixin, Base):
    __tablename__ = "budget"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    revision = mapped_column(Integer, nullable=False)
    name = mapped_column(String(255), nullable=False)
    currency = mapped_column(String(3))


class BudgetEntry(BaseMixin, Base):
    __tablename__ = "budget_entry"
    budget_id = mapped_column(Uuid, ForeignKey("budget.id"), nullable=False, index=True)
    department_id = mapped_column(Uuid, ForeignKey("department.id"), nullable=False, index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    start_date = mapped_column(Date, nullable=False)
    months_duration = mapped_column(Integer, nullable=False)
    daily_salary = mapped_column(Float, nullable=False)
    position = mapped_column(String(255))
    seniority = mapped_column(String(255))
    exceptions = mapped_column(JSONType)

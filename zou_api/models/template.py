"""Project templates and their settings links."""
from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class ProjectTemplate(BaseMixin, Base):
    __tablename__ = "project_template"
    name = mapped_column(String(80), nullable=False, unique=True, index=True)
    description = mapped_column(Text)
    fps = mapped_column(String(10))
    ratio = mapped_column(String(10))
    resolution = mapped_column(String(12))
    production_type = mapped_column(String(20))
    production_style = mapped_column(String(255), nullable=False)
    max_retakes = mapped_column(Integer)
    is_clients_isolated = mapped_column(Boolean, default=False)
    is_preview_download_allowed = mapped_column(Boolean, default=False)
    is_set_preview_automated = mapped_column(Boolean, default=False)
    is_publish_default_for_artists = mapped_column(Boolean, default=False)
    homepage = mapped_column(String(80))
    hd_bitrate_compression = mapped_column(Integer)
    ld_bitrate_compression = mapped_column(Integer)
    file_tree = mapped_column(JSONType)
    data = mapped_column(JSONType)
    metadata_descriptors = mapped_column(JSONType)
    default_preview_background_file_id = mapped_column(Uuid, ForeignKey("preview_background_file.id"), index=True)
    is_single_preview_per_revision = mapped_column(Boolean, default=False)
    revision_padding = mapped_column(Integer, nullable=False, default=0)
    is_frame_in_numbering = mapped_column(Boolean, default=False)
    is_client_stats_visible = mapped_column(Boolean, default=True)
    is_client_task_list_visible = mapped_column(Boolean, default=True)
    is_client_task_panel_visible = mapped_column(Boolean, default=True)


class ProjectTemplateAssetTypeLink(Base):
    __tablename__ = "project_template_asset_type_link"
    project_template_id = mapped_column(Uuid, ForeignKey("project_template.id"), primary_key=True, index=True)
    asset_type_id = mapped_column(Uuid, ForeignKey("entity_type.id"), primary_key=True, index=True)


class ProjectTemplateTaskTypeLink(BaseMixin, Base):
    __tablename__ = "project_template_task_type_link"
    project_template_id = mapped_column(Uuid, ForeignKey("project_template.id"), nullable=False, index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), nullable=False, index=True)
    priority = mapped_column(Integer)
    hd_bitrate_compression = mapped_column(Integer)
    ld_bitrate_compression = mapped_column(Integer)
    is_client_visible = mapped_column(Boolean, default=True)
    __table_args__ = (UniqueConstraint('project_template_id', 'task_type_id', name="project_template_tasktype_uc"),)


class ProjectTemplateTaskStatusLink(BaseMixin, Base):
    __tablename__ = "project_template_task_status_link"
    project_template_id = mapped_column(Uuid, ForeignKey("project_template.id"), nullable=False, index=True)
    task_status_id = mapped_column(Uuid, ForeignKey("task_status.id"), nullable=False, index=True)
    priority = mapped_column(Integer)
    roles_for_board = mapped_column(JSONType)
    is_client_allowed = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint('project_template_id', 'task_status_id', name="project_template_taskstatus_uc"),)


class ProjectTemplateStatusAutomationLink(Base):
    __tablename__ = "project_template_status_automation_link"
    project_template_id = mapped_column(Uuid, ForeignKey("project_template.id"), primary_key=True, index=True)
    status_automation_id = mapped_column(Uuid, ForeignKey("status_automation.id"), primary_key=True, index=True)


class ProjectTemplatePreviewBackgroundFileLink(Base):
    __tablename__ = "project_template_preview_background_file_link"
    project_template_id = mapped_column(Uuid, ForeignKey("project_template.id"), primary_key=True, index=True)
    preview_background_file_id = mapped_column(Uuid, ForeignKey("preview_background_file.id"), primary_key=True, index=True)

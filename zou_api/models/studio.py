"""Studio-wide settings: organisation, studios, departments, software, hardware, salary scales, automations, custom actions, plugins, metadata descriptors."""
from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class Organisation(BaseMixin, Base):
    __tablename__ = "organisation"
    name = mapped_column(String(80), nullable=False, unique=True)
    hours_by_day = mapped_column(Float, nullable=False)
    has_avatar = mapped_column(Boolean, default=False)
    use_original_file_name = mapped_column(Boolean, default=False)
    timesheets_locked = mapped_column(Boolean, default=False)
    format_duration_in_hours = mapped_column(Boolean, default=False)
    hd_by_default = mapped_column(Boolean, default=False)
    chat_token_slack = mapped_column(String(80), default="")
    chat_webhook_mattermost = mapped_column(String(80), default="")
    chat_token_discord = mapped_column(String(80), default="")
    dark_theme_by_default = mapped_column(Boolean, default=False)


class Studio(BaseMixin, Base):
    __tablename__ = "studio"
    name = mapped_column(String(80), nullable=False, unique=True)
    color = mapped_column(String(7), nullable=False)
    archived = mapped_column(Boolean, default=False)


class Department(BaseMixin, Base):
    __tablename__ = "department"
    name = mapped_column(String(80), nullable=False, unique=True)
    color = mapped_column(String(7), nullable=False)
    archived = mapped_column(Boolean, default=False)


class DepartmentLink(Base):
    __tablename__ = "department_link"
    person_id = mapped_column(Uuid, ForeignKey("person.id"), primary_key=True, index=True)
    department_id = mapped_column(Uuid, ForeignKey("department.id"), primary_key=True, index=True)


class Software(BaseMixin, Base):
    __tablename__ = "software"
    name = mapped_column(String(40), nullable=False, unique=True)
    short_name = mapped_column(String(20), nullable=False)
    archived = mapped_column(Boolean, default=False)
    version = mapped_column(String(20))
    file_extension = mapped_column(String(20), nullable=False)
    secondary_extensions = mapped_column(JSONType)
    monthly_cost = mapped_column(Integer)
    inventory_amount = mapped_column(Integer)


class SoftwareDepartmentLink(BaseMixin, Base):
    __tablename__ = "software_department_link"
    department_id = mapped_column(Uuid, ForeignKey("department.id"), nullable=False, index=True)
    software_id = mapped_column(Uuid, ForeignKey("software.id"), nullable=False, index=True)
    __table_args__ = (UniqueConstraint('department_id', 'software_id', name="software_department_link_uc"),)


class HardwareItem(BaseMixin, Base):
    __tablename__ = "hardware_item"
    name = mapped_column(String(40), nullable=False, unique=True)
    short_name = mapped_column(String(20), nullable=False)
    archived = mapped_column(Boolean, default=False)
    monthly_cost = mapped_column(Integer)
    inventory_amount = mapped_column(Integer)


class HardwareItemDepartmentLink(BaseMixin, Base):
    __tablename__ = "hardware_item_department_link"
    department_id = mapped_column(Uuid, ForeignKey("department.id"), nullable=False, index=True)
    hardware_item_id = mapped_column(Uuid, ForeignKey("hardware_item.id"), nullable=False, index=True)
    __table_args__ = (UniqueConstraint('hardware_item_id', 'department_id', name="hardware_item_department_link_uc"),)


class SalaryScale(BaseMixin, Base):
    __tablename__ = "salary_scale"
    department_id = mapped_column(Uuid, ForeignKey("department.id"), nullable=False, index=True)
    position = mapped_column(String(255))
    seniority = mapped_column(String(255))
    salary = mapped_column(Integer, nullable=False)


class StatusAutomation(BaseMixin, Base):
    __tablename__ = "status_automation"
    entity_type = mapped_column(String(40), default='asset')
    in_task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    in_task_status_id = mapped_column(Uuid, ForeignKey("task_status.id"), index=True)
    out_field_type = mapped_column(String(255), nullable=False)
    out_task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    out_task_status_id = mapped_column(Uuid, ForeignKey("task_status.id"), index=True)
    import_last_revision = mapped_column(Boolean, default=False)
    archived = mapped_column(Boolean, default=False)


class CustomAction(BaseMixin, Base):
    __tablename__ = "custom_action"
    name = mapped_column(String(80), nullable=False)
    url = mapped_column(String(400))
    entity_type = mapped_column(String(40), default='all')
    is_ajax = mapped_column(Boolean, default=False)


class Plugin(BaseMixin, Base):
    __tablename__ = "plugin"
    plugin_id = mapped_column(String(80), nullable=False, unique=True, index=True)
    name = mapped_column(String(80), nullable=False, index=True)
    description = mapped_column(Text)
    version = mapped_column(String(50), nullable=False)
    maintainer_name = mapped_column(String(200), nullable=False)
    maintainer_email = mapped_column(String(255))
    website = mapped_column(Text)
    license = mapped_column(String(80), nullable=False)
    revision = mapped_column(String(12))
    frontend_project_enabled = mapped_column(Boolean, default=False)
    frontend_studio_enabled = mapped_column(Boolean, default=False)
    icon = mapped_column(String(255))


class MetadataDescriptor(BaseMixin, Base):
    __tablename__ = "metadata_descriptor"
    project_id = mapped_column(Uuid, ForeignKey("project.id"), nullable=False, index=True)
    entity_type = mapped_column(String(60), nullable=False, index=True)
    name = mapped_column(String(120), nullable=False)
    data_type = mapped_column(String(255))
    field_name = mapped_column(String(120), nullable=False)
    choices = mapped_column(JSONType)
    for_client = mapped_column(Boolean, index=True, default=False)
    position = mapped_column(Integer)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)


class DepartmentMetadataDescriptorLink(Base):
    __tablename__ = "department_metadata_descriptor_link"
    metadata_descriptor_id = mapped_column(Uuid, ForeignKey("metadata_descriptor.id"), primary_key=True, index=True)
    department_id = mapped_column(Uuid, ForeignKey("department.id"), primary_key=True, index=True)

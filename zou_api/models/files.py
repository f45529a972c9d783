"""Working files, output files and their types and statuses, stored files."""
from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class OutputType(BaseMixin, Base):
    __tablename__ = "output_type"
    name = mapped_column(String(40), nullable=False, unique=True, index=True)
    short_name = mapped_column(String(20), nullable=False)


class FileStatus(BaseMixin, Base):
    __tablename__ = "file_status"
    name = mapped_column(String(40), nullable=False, unique=True)
    color = mapped_column(String(7), nullable=False)


class WorkingFile(BaseMixin, Base):
    __tablename__ = "working_file"
    shotgun_id = mapped_column(Integer, index=True)
    name = mapped_column(String(250))
    description = mapped_column(Text)
    comment = mapped_column(Text)
    revision = mapped_column(Integer)
    size = mapped_column(Integer)
    checksum = mapped_column(Integer)
    path = mapped_column(String(400))
    data = mapped_column(JSONType)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), index=True)
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    software_id = mapped_column(Uuid, ForeignKey("software.id"), index=True)
    validation_status = mapped_column(String(255), nullable=False, default='neutral')
    __table_args__ = (UniqueConstraint('name', 'task_id', 'entity_id', 'revision', name="working_file_uc"),)


class OutputFile(BaseMixin, Base):
    __tablename__ = "output_file"
    shotgun_id = mapped_column(Integer)
    name = mapped_column(String(250), nullable=False)
    canceled = mapped_column(Boolean, nullable=False, default=False)
    size = mapped_column(Integer)
    checksum = mapped_column(String(32))
    description = mapped_column(Text)
    comment = mapped_column(Text)
    extension = mapped_column(String(10))
    revision = mapped_column(Integer, nullable=False)
    representation = mapped_column(String(20), index=True)
    nb_elements = mapped_column(Integer, default=1)
    source = mapped_column(String(40))
    path = mapped_column(String(400))
    data = mapped_column(JSONType)
    file_status_id = mapped_column(Uuid, ForeignKey("file_status.id"), nullable=False, index=True)
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    asset_instance_id = mapped_column(Uuid, ForeignKey("asset_instance.id"), index=True)
    output_type_id = mapped_column(Uuid, ForeignKey("output_type.id"), index=True)
    task_type_id = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    source_file_id = mapped_column(Uuid, ForeignKey("working_file.id"), index=True)
    temporal_entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    quality = mapped_column(String(255))
    __table_args__ = (UniqueConstraint('name', 'entity_id', 'asset_instance_id', 'output_type_id', 'task_type_id', 'temporal_entity_id', 'representation', 'revision', name="output_file_uc"),)


class StoredFile(BaseMixin, Base):
    __tablename__ = "stored_file"
    bucket = mapped_column(String(20), nullable=False)
    key = mapped_column(String(255), nullable=False)
    prefix = mapped_column(String(40), nullable=False)
    file_id = mapped_column(String(200), nullable=False, index=True)
    size = mapped_column(BigInteger)
    deleted_at = mapped_column(DateTime)
    purge_forced = mapped_column(Boolean, nullable=False, default=False)
    purged_at = mapped_column(DateTime)
    purge_attempts = mapped_column(Integer, nullable=False, default=0)
    last_error = mapped_column(Text)
    journal = mapped_column(JSONType, nullable=False)
    __table_args__ = (UniqueConstraint('bucket', 'key', name="stored_file_uc"),)

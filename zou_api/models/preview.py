"""Preview files and preview background files."""
from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class PreviewBackgroundFile(BaseMixin, Base):
    __tablename__ = "preview_background_file"
    name = mapped_column(String(40), nullable=False)
    archived = mapped_column(Boolean, default=False)
    is_default = mapped_column(Boolean, index=True, default=False)
    original_name = mapped_column(String(250))
    extension = mapped_column(String(6))
    file_size = mapped_column(BigInteger)


class PreviewFile(BaseMixin, Base):
    __tablename__ = "preview_file"
    name = mapped_column(String(250))
    original_name = mapped_column(String(250))
    revision = mapped_column(Integer, default=1)
    position = mapped_column(Integer, default=1)
    extension = mapped_column(String(6))
    description = mapped_column(Text)
    path = mapped_column(String(400))
    source = mapped_column(String(40))
    file_size = mapped_column(BigInteger, default=0)
    status = mapped_column(String(255), nullable=False)
    validation_status = mapped_column(String(255), nullable=False)
    annotations = mapped_column(JSONType)
    width = mapped_column(Integer)
    height = mapped_column(Integer)
    duration = mapped_column(Float)
    task_id = mapped_column(Uuid, ForeignKey("task.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    source_file_id = mapped_column(Uuid, ForeignKey("output_file.id"), index=True)
    shotgun_id = mapped_column(Integer, unique=True)
    is_movie = mapped_column(Boolean, default=False)
    url = mapped_column(String(600))
    uploaded_movie_url = mapped_column(String(600))
    uploaded_movie_name = mapped_column(String(150))
    data = mapped_column(JSONType)
    token_in = mapped_column(Integer)
    token_out = mapped_column(Integer)
    __table_args__ = (UniqueConstraint('name', 'task_id', 'revision', name="preview_uc"),)


class PreviewFileStorageState(BaseMixin, Base):
    __tablename__ = "preview_file_storage_state"
    preview_file_id = mapped_column(Uuid, ForeignKey("preview_file.id"), nullable=False, index=True)
    bucket = mapped_column(String(20), nullable=False)
    prefix = mapped_column(String(40), nullable=False)
    state = mapped_column(String(255), nullable=False)
    __table_args__ = (UniqueConstraint('preview_file_id', 'bucket', 'prefix', name="preview_file_storage_state_uc"),)

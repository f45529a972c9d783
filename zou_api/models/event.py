"""The events log and data import errors."""
from sqlalchemy import ForeignKey, String, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class ApiEvent(BaseMixin, Base):
    __tablename__ = "api_event"
    name = mapped_column(String(80), nullable=False, index=True)
    user_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    data = mapped_column(JSONType)


class DataImportError(BaseMixin, Base):
    __tablename__ = "data_import_error"
    event_data = mapped_column(JSONType, nullable=False)
    source = mapped_column(String(20))

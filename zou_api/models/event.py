"""The events log and data import errors."""
from sqlalchemy import ForeignKey, Index, String, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class ApiEvent(BaseMixin, Base):
    __tablename__ = "api_event"
    # the last events first, for everybody and per production (/data/events/last)
    __table_args__ = (Index("ix_api_event_created_at", "created_at"),
                      Index("ix_api_event_project_id_created_at", "project_id", "created_at"))
    name = mapped_column(String(80), nullable=False, index=True)
    user_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    project_id = mapped_column(Uuid, ForeignKey("project.id"), index=True)
    data = mapped_column(JSONType)


class DataImportError(BaseMixin, Base):
    __tablename__ = "data_import_error"
    event_data = mapped_column(JSONType, nullable=False)
    source = mapped_column(String(20))

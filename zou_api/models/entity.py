"""Entities (assets, shots, sequences, episodes, scenes, edits, concepts share one table), their types, links and instances."""
from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import mapped_column

from zou_api.models.base import Base, BaseMixin, JSONType


class EntityType(BaseMixin, Base):
    __tablename__ = "entity_type"
    name = mapped_column(String(30), nullable=False, unique=True, index=True)
    short_name = mapped_column(String(20))
    description = mapped_column(Text)
    archived = mapped_column(Boolean, default=False)


class Entity(BaseMixin, Base):
    __tablename__ = "entity"
    name = mapped_column(String(160), nullable=False)
    code = mapped_column(String(160))
    description = mapped_column(Text)
    shotgun_id = mapped_column(Integer)
    canceled = mapped_column(Boolean, default=False)
    nb_frames = mapped_column(Integer)
    nb_entities_out = mapped_column(Integer, default=0)
    is_casting_standby = mapped_column(Boolean, default=False)
    is_shared = mapped_column(Boolean, nullable=False, default=False)
    status = mapped_column(String(255), nullable=False, index=True, default="running")
    project_id = mapped_column(Uuid, ForeignKey("project.id"), nullable=False, index=True)
    entity_type_id = mapped_column(Uuid, ForeignKey("entity_type.id"), nullable=False, index=True)
    parent_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    source_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    preview_file_id = mapped_column(Uuid, ForeignKey("preview_file.id", use_alter=True, name="fk_entity_preview_file"), index=True)
    data = mapped_column(JSONType)
    ready_for = mapped_column(Uuid, ForeignKey("task_type.id"), index=True)
    created_by = mapped_column(Uuid, ForeignKey("person.id"), index=True)
    __table_args__ = (UniqueConstraint('name', 'project_id', 'entity_type_id', 'parent_id', name="entity_uc"),
                      Index("ix_entity_project_id_updated_at", "project_id", "updated_at"))


class EntityLink(BaseMixin, Base):
    __tablename__ = "entity_link"
    entity_in_id = mapped_column(Uuid, ForeignKey("entity.id"), nullable=False, index=True)
    entity_out_id = mapped_column(Uuid, ForeignKey("entity.id"), nullable=False, index=True)
    data = mapped_column(JSONType)
    nb_occurences = mapped_column(Integer)
    label = mapped_column(String(80))
    __table_args__ = (UniqueConstraint('entity_in_id', 'entity_out_id', name="entity_link_uc"),)


class EntityConceptLink(BaseMixin, Base):
    __tablename__ = "entity_concept_link"
    entity_in_id = mapped_column(Uuid, ForeignKey("entity.id"), nullable=False, index=True)
    entity_out_id = mapped_column(Uuid, ForeignKey("entity.id"), nullable=False, index=True)


class EntityVersion(BaseMixin, Base):
    __tablename__ = "entity_version"
    name = mapped_column(String(160), nullable=False)
    data = mapped_column(JSONType)
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    person_id = mapped_column(Uuid, ForeignKey("person.id"), index=True)


class AssetInstance(BaseMixin, Base):
    __tablename__ = "asset_instance"
    asset_id = mapped_column(Uuid, ForeignKey("entity.id"), nullable=False, index=True)
    name = mapped_column(String(80))
    number = mapped_column(Integer)
    description = mapped_column(String(200))
    active = mapped_column(Boolean, default=True)
    data = mapped_column(JSONType)
    scene_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    target_asset_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), index=True)
    entity_type_id = mapped_column(Uuid, ForeignKey("entity_type.id"), index=True)
    __table_args__ = (UniqueConstraint('asset_id', 'target_asset_id', 'scene_id', 'number', name="asset_instance_uc"),)


class AssetInstanceLink(Base):
    __tablename__ = "asset_instance_link"
    entity_id = mapped_column(Uuid, ForeignKey("entity.id"), primary_key=True, index=True)
    asset_instance_id = mapped_column(Uuid, ForeignKey("asset_instance.id"), primary_key=True, index=True)

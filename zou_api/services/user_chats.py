"""The entity chats a person joined: the list, joining (the chat is made on first join) and
leaving. Plain values in; the resources check that the caller may see the entity."""
from sqlalchemy import delete, select
from sqlalchemy.orm import aliased

from zou_api import events
from zou_api.exceptions import NotFound
from zou_api.extensions import db
from zou_api.models import Chat, ChatParticipant, Entity, EntityType
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.notification_inbox import _entity_name

_Parent, _GrandParent, _GrandParentType = aliased(Entity), aliased(Entity), aliased(EntityType)


def joined_chats(person_id):
    """[{id, object_id, last_message, entity_name, project_id, preview_file_id}], one query."""
    statement = (
        select(Chat.id, Chat.object_id, Chat.last_message, Entity.name, EntityType.name, _Parent.name,
               _GrandParent.name, _GrandParentType.name, Entity.project_id, Entity.preview_file_id)
        .join(ChatParticipant, ChatParticipant.chat_id == Chat.id)
        .join(Entity, Entity.id == Chat.object_id)
        .join(EntityType, EntityType.id == Entity.entity_type_id)
        .outerjoin(_Parent, _Parent.id == Entity.parent_id)
        .outerjoin(_GrandParent, _GrandParent.id == _Parent.parent_id)
        .outerjoin(_GrandParentType, _GrandParentType.id == _GrandParent.entity_type_id)
        .where(ChatParticipant.person_id == person_id)
        .order_by(Chat.last_message.desc(), Chat.created_at.desc())
    )
    return [{
        "id": str(chat_id), "object_id": str(object_id),
        "last_message": last_message.strftime("%Y-%m-%dT%H:%M:%S") if last_message else None,
        "entity_name": _entity_name(name, type_name, parent_name, grand_name, grand_type),
        "project_id": str(project_id), "preview_file_id": str(preview_file_id) if preview_file_id else None,
    } for (chat_id, object_id, last_message, name, type_name, parent_name, grand_name, grand_type, project_id,
           preview_file_id) in db.session.execute(statement)]


def _check_entity(entity_id):
    entity = db.session.get(Entity, entity_id)
    if entity is None:
        raise NotFound(NOT_FOUND)
    return entity


def _chat_of(entity_id):
    return db.session.execute(select(Chat).where(Chat.object_id == entity_id)).scalars().first()


def join(person_id, entity_id):
    """Join the entity's chat (made on first join); answers the chat."""
    entity = _check_entity(entity_id)
    with transaction() as session:
        chat = _chat_of(entity_id)
        if chat is None:
            chat = Chat(object_id=entity_id, object_type="entity")
            session.add(chat)
            session.flush()
        member = session.get(ChatParticipant, (chat.id, person_id))
        if member is None:
            session.add(ChatParticipant(chat_id=chat.id, person_id=person_id))
            events.emit("chat:joined", {"chat_id": chat.id, "person_id": person_id}, project_id=entity.project_id)
    return chat.serialize()


def leave(person_id, entity_id):
    entity = _check_entity(entity_id)
    chat = _chat_of(entity_id)
    if chat is None:
        return
    with transaction() as session:
        result = session.execute(delete(ChatParticipant).where(ChatParticipant.chat_id == chat.id,
                                                               ChatParticipant.person_id == person_id),
                                 execution_options={"synchronize_session": False})
        if result.rowcount:
            events.emit("chat:left", {"chat_id": chat.id, "person_id": person_id}, project_id=entity.project_id)

"""An entity's chat (made on first read) and its messages: only participants post, only the
author or an admin deletes. Joining and leaving are the user routes' (services/user_chats.py).
"""
from sqlalchemy import delete, select

from zou_api.exceptions import NotFound, PermissionDenied, WrongParameter
from zou_api.extensions import db
from zou_api.models import AttachmentFile, Chat, ChatMessage, ChatParticipant, Entity, serialize_list, utcnow
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.listing import group_values
from zou_api.utils.values import is_uuid, parse_uuid


def _entity(entity_id):
    entity = db.session.get(Entity, parse_uuid(entity_id)) if is_uuid(entity_id) else None
    if entity is None:
        raise NotFound(NOT_FOUND)
    return entity


def _chat(entity):
    chat = db.session.execute(select(Chat).where(Chat.object_id == entity.id)).scalars().first()
    if chat is None:
        with transaction() as session:
            chat = Chat(object_id=entity.id, object_type="entity")
            session.add(chat)
    return chat


def get_chat(entity_id):
    chat = _chat(_entity(entity_id))
    data = chat.serialize(relations=True)
    data["messages"] = []
    return data


def _with_attachments(items):
    if items:
        attachments = group_values(select(AttachmentFile.chat_message_id, AttachmentFile.id).where(
            AttachmentFile.chat_message_id.in_([parse_uuid(item["id"]) for item in items])))
        for item in items:
            item["attachment_files"] = attachments.get(parse_uuid(item["id"]), [])
    return items


def messages(entity_id):
    chat = _chat(_entity(entity_id))
    rows = db.session.execute(select(ChatMessage).where(ChatMessage.chat_id == chat.id)
                              .order_by(ChatMessage.created_at)).scalars()
    return _with_attachments(serialize_list(ChatMessage, rows))


def _message(entity_id, message_id):
    chat = _chat(_entity(entity_id))
    message = db.session.get(ChatMessage, parse_uuid(message_id)) if is_uuid(message_id) else None
    if message is None or message.chat_id != chat.id:
        raise NotFound(NOT_FOUND)
    return message


def get_message(entity_id, message_id):
    return _with_attachments([_message(entity_id, message_id).serialize()])[0]


def post_message(entity_id, person_id, text, attachments=(), store=None):
    """A participant's message, with its uploaded files ({name, mimetype, stream}) stored as
    attachment files in `store` (where the attachment routes read them)."""
    entity = _entity(entity_id)
    chat = _chat(entity)
    if db.session.get(ChatParticipant, (chat.id, person_id)) is None:
        raise WrongParameter("You are not a participant of this chat", payload={"data": None})
    with transaction() as session:
        message = ChatMessage(chat_id=chat.id, person_id=person_id, text=text)
        session.add(message)
        chat.last_message = utcnow()
        session.flush()
        for attachment in attachments:
            _store_attachment(message, attachment, store)
    return _with_attachments([message.serialize()])[0]


def _store_attachment(message, attachment, store):
    import os

    name = os.path.basename(attachment.get("name") or "file")[:250]
    extension = name.rsplit(".", 1)[1][:6].lower() if "." in name else ""
    row = AttachmentFile(name=name, extension=extension, mimetype=(attachment.get("mimetype") or "")[:255],
                         chat_message_id=message.id, size=0)
    db.session.add(row)
    db.session.flush()
    store.put("files", f"attachments-{row.id}", attachment["stream"])
    row.size = store.size("files", f"attachments-{row.id}")


def delete_message(entity_id, message_id, person_id, is_admin, store=None):
    """Delete a message (its author, or an admin) with its attachments and their stored files."""
    message = _message(entity_id, message_id)
    if not is_admin and message.person_id != person_id:
        raise PermissionDenied()
    attachment_ids = list(db.session.execute(select(AttachmentFile.id).where(
        AttachmentFile.chat_message_id == message.id)).scalars())
    with transaction() as session:
        session.execute(delete(AttachmentFile).where(AttachmentFile.chat_message_id == message.id))
        session.delete(message)
    for attachment_id in attachment_ids:
        store.remove("files", f"attachments-{attachment_id}")

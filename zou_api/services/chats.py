"""Chats: their participants and their messages' attachments.

Plain values in; writes run in the caller's unit of work.
"""
from sqlalchemy import delete

from zou_api.extensions import db
from zou_api.models import AttachmentFile, ChatParticipant, Person
from zou_api.services.loaders import pairs, set_key
from zou_api.services.studio import existing_ids


def set_participants(chat, body, *args):
    """The `participants` of a body: the chat's participants (unknown ids dropped)."""
    if "participants" not in body:
        return
    ids = existing_ids(Person, body["participants"])
    db.session.execute(delete(ChatParticipant).where(ChatParticipant.chat_id == chat.id))
    for person_id in ids:
        db.session.add(ChatParticipant(chat_id=chat.id, person_id=person_id))
    db.session.flush()


def augment_message(items, action, relations, id_query=None):
    """A message comes with its attachments' ids (lists: with relations only)."""
    if action == "update" or (action == "list" and not relations):
        return
    set_key(items, "attachment_files", pairs(AttachmentFile.chat_message_id, AttachmentFile.id, items, id_query))


def drop_attachments(body):
    """A new message's attachments are added by their own route."""
    body.pop("attachment_files", None)

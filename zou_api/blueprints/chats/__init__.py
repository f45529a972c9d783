"""An entity's chat and its messages."""
from zou_api.blueprints.chats import resources as r

E = "/data/entities/<entity_id>/chat"

ROUTES = [
    (E, r.ChatResource),
    (E + "/messages", r.MessagesResource),
    (E + "/messages/<chat_message_id>", r.MessageResource),
]

"""Entity chat resources: whoever may see the entity reads; participants post; authors and
admins delete."""
from flask import request

from zou_api import storage
from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.security.access import caller
from zou_api.security.project_rules import ENTITY_CHAT
from zou_api.services import entity_chats
from zou_api.utils.body_schema import STR, Req, check


class ChatResource(Resource):
    summary = "The entity's chat and its participants (made on first read)."
    access = ENTITY_CHAT

    def get(self, entity_id):
        return json_response(entity_chats.get_chat(entity_id))


class MessagesResource(Resource):
    summary = "The chat's messages; post one (participants only)."
    access = ENTITY_CHAT

    def get(self, entity_id):
        return json_response(entity_chats.messages(entity_id))

    def post(self, entity_id):
        values = check(args.form_or_json(), [Req("message", STR)])
        text = args.str_field(values, "message", default="")
        files = [{"name": f.filename, "mimetype": f.mimetype, "stream": f.stream} for f in request.files.values()]
        return json_response(entity_chats.post_message(entity_id, caller().person_id, text, files,
                                                       storage.get_store() if files else None), 201)


class MessageResource(Resource):
    summary = "One chat message; delete it (its author or an admin)."
    access = ENTITY_CHAT

    def get(self, entity_id, chat_message_id):
        return json_response(entity_chats.get_message(entity_id, chat_message_id))

    def delete(self, entity_id, chat_message_id):
        who = caller()
        entity_chats.delete_message(entity_id, chat_message_id, who.person_id, who.is_admin, storage.get_store())
        return "", 204

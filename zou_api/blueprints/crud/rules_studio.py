"""Per-model rules of the CRUD registry for studio-wide data (people, settings, messages...).

Who may do what, as Zou 1.0.97 answers on /data/<path>:
- everybody logged in reads persons (fields per role; clients only their team mates),
  departments, organisations (chat tokens for admins only), studios, softwares, file status,
  output types, preview background files, and the metadata descriptors of their productions;
- status automations and custom actions are listed by all but vendors; project templates
  are read by managers; every other model of this module is read by admins only;
- only admins write, except a person editing their own record (role, activity, departments
  and other admin fields are then ignored).
"""
from flask import request

from zou_api.blueprints.crud.registry import configure
from zou_api.exceptions import PermissionDenied
from zou_api.security import (
    check_admin,
    check_manager,
    current_person_id,
    is_admin,
    is_client,
    is_manager,
    is_vendor,
    project_ids_of_current_user,
)
from zou_api.services import crud_rules_persons as persons
from zou_api.services import crud_rules_studio as rules
from zou_api.utils.http import parse_bool, parse_uuid


def _admin(instance=None):
    check_admin()


def _manager(instance=None):
    check_manager()


def _not_vendor(instance=None):
    if is_vendor():
        raise PermissionDenied()




def _raw_body():
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


# -- persons -------------------------------------------------------------------------------
def _is_self(person):
    return str(person.id) == str(current_person_id())


def _person_scope():
    if is_client():
        return [persons.team_mates_condition(current_person_id())]
    return None


def _person_read(person):
    """Clients read the people of their productions' teams only (themselves included if on one)."""
    if is_client() and not persons.shares_a_team(current_person_id(), person.id):
        raise PermissionDenied()


def _person_serialize(person):
    data = person.serialize(relations=True)
    token = getattr(person, "new_access_token", None)
    if token:
        data["access_token"] = token
    return data


def _person_augment(items, action, relations, id_query=None):
    if is_admin() or action in ("create", "update"):
        return
    if is_client():
        persons.minimal(items, persons.CLIENT_FIELDS)
    elif action == "list" or not is_manager():
        persons.minimal(items, persons.MINIMAL_FIELDS)


def _person_create_check(body):
    check_admin()
    persons.prepare_body(body, for_create=True)


def _person_write_check(person):
    if not (is_admin() or _is_self(person)):
        raise PermissionDenied()
    persons.prepare_body(dict(_raw_body()), for_create=False)  # only checks what the raw body tells


def _person_delete_check(person):
    check_admin()
    if _is_self(person):
        raise PermissionDenied()


def _person_before_create(values):
    return persons.validate_values(values)


def _person_before_update(person, values):
    for key in persons.SECRET_FIELDS | {"preferred_two_factor_authentication"}:
        values.pop(key, None)
    if not is_admin():
        persons.drop_admin_only_fields(values)
    return persons.validate_values(values, person)


def _person_after_create(person, body):
    persons.clear_unset_contacts(person, body)
    if "departments" in body:
        persons.set_departments(person, body["departments"])
    if person.is_bot:
        persons.issue_api_token(person)


def _person_after_update(person, body, old):
    if "departments" in body and is_admin():
        persons.set_departments(person, body["departments"])
    if person.is_bot and "expiration_date" in body and is_admin():
        persons.issue_api_token(person)


def _person_before_delete(person):
    if parse_bool(request.args.get("force", "false"), "force"):
        persons.remove_person_data(person)
    persons.check_nothing_linked(person)


configure("persons", scope=_person_scope, can_list=lambda instance=None: None, can_read=_person_read,
     augment=_person_augment, serialize=_person_serialize, links=(),
     can_create=_person_create_check, can_write=_person_write_check, can_delete=_person_delete_check,
     before_create=_person_before_create, before_update=_person_before_update,
     after_create=_person_after_create, after_update=_person_after_update, before_delete=_person_before_delete)


# -- studio settings read by everybody -----------------------------------------------------
def _organisation_augment(items, action, relations, id_query=None):
    if is_admin():
        return
    for item in items:
        for key in rules.ORGANISATION_SECRETS:
            item.pop(key, None)


configure("organisations", augment=_organisation_augment,
     before_create=lambda values: rules.defaults(values, hours_by_day=8.0))
configure("departments", before_delete=rules.delete_department_salary_scales)
configure("softwares", before_create=lambda values: rules.defaults(values, monthly_cost=0, inventory_amount=0))


def _background_create(body):
    check_admin()
    rules.check_background_name(body)


def _background_before_create(values):
    return rules.defaults(values, file_size=0)


def _background_before_update(instance, values):
    rules.check_background_name(values, instance)
    return values


configure("preview-background-files", can_create=_background_create, before_create=_background_before_create,
     before_update=_background_before_update,
     after_create=lambda instance, body: rules.reset_other_default_backgrounds(instance),
     after_update=lambda instance, body, old: rules.reset_other_default_backgrounds(instance))


# -- admin-only models ---------------------------------------------------------------------
for _path in ("hardware-items", "plugins", "salary-scales", "notifications", "subscriptions", "news",
              "search-filters", "search-filter-groups", "events", "chats", "chat-messages"):
    configure(_path, can_read=_admin)

configure("hardware-items", before_create=lambda values: rules.defaults(values, monthly_cost=0, inventory_amount=0))


def _salary_scales_list(instance=None):
    check_admin()
    rules.ensure_salary_scales()


def _salary_scales_create(body):
    check_admin()
    raise rules.invalid("Salary scales cannot be created")


configure("salary-scales", can_list=_salary_scales_list, can_create=_salary_scales_create,
     before_update=lambda instance, values: rules.check_salary_scale(values))


def _check_notification_type(values):
    rules.check_choice(values, "type", rules.NOTIFICATION_TYPES)
    return values


def _notification_after_update(instance, body, old):
    if "type" in body:
        values = {"type": body["type"]}
        _check_notification_type(values)
        if values["type"] is not None:
            instance.type = values["type"]


configure("notifications", before_create=_check_notification_type, after_update=_notification_after_update)
configure("search-filter-groups", before_create=lambda values: rules.defaults(values, color=""))
# Zou answers at most 1,000 events to a list without `page` (the log grows without end).
configure("events", event="api-event", max_rows=1000)


def _chat_participants(instance, body, old=None):
    if "participants" in body:
        rules.set_participants(instance, body["participants"])


configure("chats", links=(), after_create=_chat_participants, after_update=_chat_participants,
     before_create=lambda values: rules.defaults(values, object_type="entity"))


def _chat_message_augment(items, action, relations, id_query=None):
    if action == "update" or (action == "list" and not relations):
        return
    files = rules.attachment_ids([parse_uuid(item["id"]) for item in items])
    for item in items:
        item["attachment_files"] = files.get(parse_uuid(item["id"]), [])


def _chat_message_create(body):
    check_admin()
    body.pop("attachment_files", None)


configure("chat-messages", augment=_chat_message_augment, can_create=_chat_message_create)


# -- lists for some, details for admins ----------------------------------------------------
configure("status-automations", can_list=_not_vendor, can_read=_admin,
     before_create=rules.check_status_automation,
     before_update=lambda instance, values: rules.check_status_automation(values, instance),
     before_delete=rules.check_automation_unused)


def _custom_action_name(values, creating):
    if "name" in values and values["name"] is None or creating and "name" not in values:
        message = ("The 'name' field is required and cannot be None." if creating
                   else "The 'name' field cannot be set to None.")
        raise rules.invalid(message)
    return values


configure("custom-actions", can_list=_not_vendor, can_read=_admin,
     before_create=lambda values: _custom_action_name(values, True),
     before_update=lambda instance, values: _custom_action_name(values, False))


def _descriptor_scope():
    if is_admin():
        return None
    department_ids = persons.department_ids_of(current_person_id()) if is_vendor() else None
    return rules.descriptor_scope(project_ids_of_current_user(), is_client(), department_ids)


def _descriptor_augment(items, action, relations, id_query=None):
    """Descriptors always come with their department ids, lists included."""
    if action == "list" and not relations:
        rules.add_descriptor_departments(items)


def _descriptor_create(body):
    check_admin()
    if "data_type" in body and body["data_type"] is None:
        raise rules.invalid("Invalid data_type")


def _descriptor_departments(instance, body):
    if "departments" in body:
        rules.set_descriptor_departments(instance, body["departments"])


configure("metadata-descriptors", can_list=lambda instance=None: None, can_read=_admin, scope=_descriptor_scope,
     can_create=_descriptor_create, links=(), augment=_descriptor_augment,
     before_create=rules.check_metadata_descriptor,
     before_update=lambda instance, values: rules.check_metadata_descriptor(values, instance),
     after_create=_descriptor_departments,
     after_update=lambda instance, body, old: _descriptor_departments(instance, body))


# -- project templates ---------------------------------------------------------------------
def _template_create(body):
    check_admin()
    rules.prepare_template_body(body, for_create=True)


def _template_write(instance):
    check_admin()
    rules.prepare_template_body(dict(_raw_body()), for_create=False)


def _template_augment(items, action, relations, id_query=None):
    if action not in ("get",) and not (action == "list" and relations):
        return
    files = rules.template_background_ids([parse_uuid(item["id"]) for item in items])
    for item in items:
        item["preview_background_files"] = files.get(parse_uuid(item["id"]), [])


configure("project-templates", can_read=_manager, can_create=_template_create, can_write=_template_write,
     can_delete=_admin, links=(), augment=_template_augment, find=rules.find_template,
     before_create=rules.check_template,
     before_update=lambda instance, values: rules.check_template(values, instance),
     before_delete=rules.unlink_template)

"""The CRUD specs of the studio-wide models (people, settings, messages): access from
security/studio_access.py, rules from the domain services. Hooks read the caller through
zou_api.security and hand the domain services plain values."""
from zou_api import models as m
from zou_api.crud.spec import admin_only, anyone, spec
from zou_api.crud.values import flag
from zou_api.security import studio_access as access
from zou_api.security.permissions import check_admin, is_admin
from zou_api.services import budgets, chats, persons, studio


# -- persons -------------------------------------------------------------------------------
def _create_person_check(body):
    check_admin()
    persons.prepare_body(body, for_create=True)


def _update_person_check(person, body):
    access.write_person(person)
    persons.prepare_body(dict(body), for_create=False)  # only checks what the raw body tells


spec("persons", m.Person, "person",
     scope=access.person_scope, can_list=anyone, can_read=access.read_person, filters=access.person_filters,
     augment=lambda items, action, relations, id_query=None: persons.minimal(items, access.person_fields(action)),
     serialize=persons.serialize_with_token, links=(),
     can_create=_create_person_check, can_update=_update_person_check, can_delete=access.delete_person,
     before_create=persons.validate_values,
     before_update=lambda person, values: persons.before_update(person, values, is_admin()),
     after_create=persons.after_create, extra_fields=("password",),
     after_update=lambda person, body, old: persons.after_update(person, body, is_admin()),
     before_delete=lambda person, params: persons.before_delete(person, flag(params, "force")))


# -- studio settings read by everybody -----------------------------------------------------
def _organisation_augment(items, action, relations, id_query=None):
    if not is_admin():
        studio.hide_organisation_secrets(items)


def _background_create_check(body):
    check_admin()
    studio.check_background_name(body)


def _organisation_update_check(organisation, body):
    check_admin()
    studio.check_hours_by_day(body)


spec("organisations", m.Organisation, "organisation", augment=_organisation_augment,
     can_update=_organisation_update_check,
     filters=access.organisation_filters,
     before_create=lambda values: studio.defaults(values, hours_by_day=8.0))
spec("departments", m.Department, "department", before_delete=budgets.delete_department_salary_scales)
spec("softwares", m.Software, "software",
     before_create=lambda values: studio.defaults(values, monthly_cost=0, inventory_amount=0), uuid_routes=("get",))
spec("studios", m.Studio, "studio")
spec("file-status", m.FileStatus, "file-status")
spec("output-types", m.OutputType, "output-type", uuid_routes=("get",))
spec("preview-background-files", m.PreviewBackgroundFile, "preview-background-file",
     can_create=_background_create_check,
     before_create=lambda values: studio.defaults(values, file_size=0),
     before_update=lambda instance, values: studio.check_background_name(values, instance),
     after_create=studio.reset_other_default_backgrounds, after_update=studio.reset_other_default_backgrounds)

# -- read by admins only -----------------------------------------------------------------------
spec("hardware-items", m.HardwareItem, "hardware-item", can_read=admin_only,
     before_create=lambda values: studio.defaults(values, monthly_cost=0, inventory_amount=0))
spec("plugins", m.Plugin, "plugin", can_read=admin_only)
spec("subscriptions", m.Subscription, "subscription", can_read=admin_only)
spec("news", m.News, "news", can_read=admin_only)
spec("search-filters", m.SearchFilter, "search-filter", can_read=admin_only)
spec("search-filter-groups", m.SearchFilterGroup, "search-filter-group", can_read=admin_only,
     before_create=lambda values: studio.defaults(values, color=""))
# Zou answers at most 1,000 events to a list without `page` (the log grows without end).
spec("events", m.ApiEvent, "api-event", can_read=admin_only, max_rows=1000)
spec("notifications", m.Notification, "notification", can_read=admin_only,
     before_create=studio.check_notification_type, after_update=studio.set_notification_type)


def _salary_scales_create(body):
    check_admin()
    raise studio.invalid("Salary scales cannot be created")


spec("salary-scales", m.SalaryScale, "salary-scale", can_read=admin_only,
     prepare_list=budgets.ensure_salary_scales, can_create=_salary_scales_create, query_ignored=True,
     before_update=lambda instance, values: budgets.check_salary_scale(values))


def _chat_message_create(body):
    check_admin()
    chats.drop_attachments(body)


spec("chats", m.Chat, "chat", can_read=admin_only, links=(),
     after_create=chats.set_participants, after_update=chats.set_participants,
     before_create=lambda values: studio.defaults(values, object_type="entity"))
spec("chat-messages", m.ChatMessage, "chat-message", can_read=admin_only,
     augment=chats.augment_message, can_create=_chat_message_create)

# -- listed by some, read by admins ------------------------------------------------------------
spec("status-automations", m.StatusAutomation, "status-automation",
     can_list=access.no_vendor, can_read=admin_only,
     before_create=studio.check_status_automation,
     before_update=lambda instance, values: studio.check_status_automation(values, instance),
     before_delete=studio.check_automation_unused)
spec("custom-actions", m.CustomAction, "custom-action", can_list=access.no_vendor, can_read=admin_only,
     before_create=lambda values: studio.check_custom_action_name(values, True),
     before_update=lambda instance, values: studio.check_custom_action_name(values, False))


def _descriptor_create_check(body):
    check_admin()
    studio.check_descriptor_body(body)


spec("metadata-descriptors", m.MetadataDescriptor, "metadata-descriptor",
     can_list=anyone, can_read=admin_only, scope=access.descriptor_scope,
     can_create=_descriptor_create_check, links=(), augment=studio.augment_descriptor,
     before_create=studio.check_metadata_descriptor,
     before_update=lambda instance, values: studio.check_metadata_descriptor(values, instance),
     after_create=studio.set_descriptor_departments, after_update=studio.set_descriptor_departments)


# -- project templates ---------------------------------------------------------------------
def _template_create_check(body):
    check_admin()
    studio.prepare_template_body(body, for_create=True)


def _template_update_check(template, body):
    check_admin()
    studio.prepare_template_body(dict(body), for_create=False)


def _find_template(model, instance_id, action):
    """Templates are changed and deleted by admins only: Zou refuses others before it looks."""
    if action in ("update", "delete"):
        check_admin()
    return studio.find_template(model, instance_id, action)


spec("project-templates", m.ProjectTemplate, "project-template",
     can_read=access.managers, can_create=_template_create_check, can_update=_template_update_check,
     can_delete=admin_only, links=(), augment=studio.augment_template, find=_find_template,
     before_create=studio.check_template,
     before_update=lambda instance, values: studio.check_template(values, instance),
     before_delete=studio.unlink_template)

"""Who is calling and what they may do: one module every blueprint uses.

Roles are Zou's: admin, manager, supervisor, user (artist), client, vendor.
"""
from zou_api.security.permissions import (  # noqa: F401
    ROLES,
    assigned_task_ids_query,
    check_admin,
    check_entity_access,
    check_manager,
    check_person_is_self_or_admin,
    check_project_access,
    check_project_manager,
    check_supervisor,
    check_task_access,
    check_task_action_access,
    current_person,
    current_person_id,
    current_role,
    has_entity_access,
    has_project_access,
    has_task_access,
    has_task_action_access,
    is_admin,
    is_artist,
    is_assigned,
    is_assigned_on_entity,
    is_client,
    is_manager,
    is_supervisor,
    is_vendor,
    project_ids_of_current_user,
    require_login,
)

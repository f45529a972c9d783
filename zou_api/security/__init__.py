"""Who is calling and what they may do: one module every blueprint uses.

Roles are Zou's: admin, manager, supervisor, user (artist), client, vendor.
"""
from zou_api.security.permissions import (  # noqa: F401
    ROLES,
    check_admin,
    check_manager,
    check_person_is_self_or_admin,
    check_project_access,
    check_project_manager,
    check_supervisor,
    current_person,
    current_person_id,
    current_role,
    has_project_access,
    is_admin,
    is_client,
    is_manager,
    is_supervisor,
    is_vendor,
    project_ids_of_current_user,
    require_login,
)

"""Saved searches: a person's search filters and filter groups, and those shared with them.

A filter or group belongs to its author: only they read it by id, change or delete it (anybody
else gets a 404, as if it did not exist). Managers and admins may share one (`is_shared`) with
everybody on the project, or with a department; others' `is_shared` is stored false. A filter
in a group is shared exactly when the group is (changing a group's sharing changes its filters').
Lists are grouped as the web app reads them: `{list_type: {project_id or "all": [rows]}}`.
Deleting a group deletes its filters.
"""
from sqlalchemy import and_, bindparam, delete, or_, select, update

from zou_api import events
from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Department, Project, SearchFilter, SearchFilterGroup
from zou_api.services.base import NOT_FOUND, transaction

SHARING_ROLES = ("admin", "manager")
FILTER_FIELDS = ("name", "search_query", "search_filter_group_id", "is_shared", "department_id",
                 "entity_type", "list_type")
GROUP_FIELDS = ("name", "color", "is_shared", "department_id", "entity_type", "list_type")
_EVENT = {SearchFilter: "search-filter", SearchFilterGroup: "search-filter-group"}
_ID_KEY = {SearchFilter: "search_filter_id", SearchFilterGroup: "search_filter_group_id"}


_STATEMENTS = {}


def _visible(model, every_project):
    """The caller's own rows, and the rows shared on their projects (with one of their
    departments or with nobody in particular). Parameters: person_id, department_ids,
    project_ids (not for admins, who see the rows shared on every project)."""
    shared = [model.is_shared.is_(True),
              or_(model.department_id.is_(None), model.department_id.in_(bindparam("department_ids", expanding=True)))]
    if not every_project:
        shared.append(or_(model.project_id.is_(None),
                          model.project_id.in_(bindparam("project_ids", expanding=True))))
    return or_(model.person_id == bindparam("person_id"), and_(*shared))


def _grouped(model, caller):
    key = (model, caller.is_admin)
    statement = _STATEMENTS.get(key)
    if statement is None:
        columns = [getattr(model, name) for name in model.column_names()]
        statement = _STATEMENTS[key] = (select(*columns).where(_visible(model, caller.is_admin))
                                        .order_by(model.name, model.created_at))
    params = {"person_id": caller.person_id, "department_ids": list(caller.department_ids)}
    if not caller.is_admin:
        params["project_ids"] = list(caller.project_ids)
    result = {}
    for row in db.session.connection().execute(statement, params):
        data = model.serialize_values(row)
        by_project = result.setdefault(data["list_type"], {})
        by_project.setdefault(data["project_id"] or "all", []).append(data)
    return result


def filters(caller):
    return _grouped(SearchFilter, caller)


def filter_groups(caller):
    return _grouped(SearchFilterGroup, caller)


def _own(model, row_id, person_id):
    row = db.session.get(model, row_id)
    if row is None or row.person_id != person_id:
        raise NotFound(NOT_FOUND)
    return row


def _check_links(values):
    """A project, department or group named in a body must exist (404 otherwise)."""
    for key, model in (("project_id", Project), ("department_id", Department),
                       ("search_filter_group_id", SearchFilterGroup)):
        if values.get(key) is not None and db.session.get(model, values[key]) is None:
            raise NotFound(NOT_FOUND)


def _sharing(values, caller):
    if "is_shared" in values:
        values["is_shared"] = bool(values["is_shared"]) and caller.role in SHARING_ROLES
    return values


def _check_same_sharing(model, values, row=None):
    """A filter in a group is shared exactly when its group is."""
    if model is not SearchFilter:
        return
    group_id = values.get("search_filter_group_id", row.search_filter_group_id if row else None)
    if group_id is None:
        return
    shared = values.get("is_shared", row.is_shared if row else False)
    group = db.session.get(SearchFilterGroup, group_id)
    if bool(group.is_shared) != bool(shared):
        raise WrongParameter("A search filter should have the same value for is_shared than its search filter "
                             "group.", payload={"data": None})


def _create(model, values, caller):
    _check_links(values)
    values = _sharing(dict(values), caller)
    _check_same_sharing(model, values)
    with transaction() as session:
        row = model(person_id=caller.person_id, **values)
        session.add(row)
        session.flush()
        events.emit(f"{_EVENT[model]}:new", {_ID_KEY[model]: row.id}, project_id=row.project_id)
    return row.serialize()


def _update(model, row_id, values, caller):
    row = _own(model, row_id, caller.person_id)
    _check_links(values)
    values = _sharing(dict(values), caller)
    _check_same_sharing(model, values, row)
    with transaction() as session:
        for key, value in values.items():
            setattr(row, key, value)
        if model is SearchFilterGroup and "is_shared" in values:
            session.execute(update(SearchFilter).where(SearchFilter.search_filter_group_id == row.id)
                            .values(is_shared=row.is_shared), execution_options={"synchronize_session": False})
        events.emit(f"{_EVENT[model]}:update", {_ID_KEY[model]: row.id}, project_id=row.project_id)
    return row.serialize()


def create_filter(caller, values):
    """values: list_type, name, search_query and optionally project_id, entity_type, is_shared,
    department_id, search_filter_group_id."""
    return _create(SearchFilter, values, caller)


def update_filter(caller, filter_id, values):
    return _update(SearchFilter, filter_id, values, caller)


def delete_filter(caller, filter_id):
    row = _own(SearchFilter, filter_id, caller.person_id)
    with transaction() as session:
        session.delete(row)
        events.emit("search-filter:delete", {"search_filter_id": filter_id}, project_id=row.project_id)


def get_filter_group(caller, group_id):
    return _own(SearchFilterGroup, group_id, caller.person_id).serialize()


def create_filter_group(caller, values):
    """values: list_type, name and optionally color, project_id, entity_type, is_shared, department_id."""
    values = dict(values)
    values.setdefault("color", "")
    if values["color"] is None:
        values["color"] = ""
    return _create(SearchFilterGroup, values, caller)


def update_filter_group(caller, group_id, values):
    return _update(SearchFilterGroup, group_id, values, caller)


def delete_filter_group(caller, group_id):
    """Delete the group and the filters in it."""
    row = _own(SearchFilterGroup, group_id, caller.person_id)
    with transaction() as session:
        session.execute(delete(SearchFilter).where(SearchFilter.search_filter_group_id == group_id))
        session.delete(row)
        events.emit("search-filter-group:delete", {"search_filter_group_id": group_id}, project_id=row.project_id)

"""Access rules on a preview file named in the path (through its task)."""
from sqlalchemy import select

from zou_api.exceptions import PermissionDenied
from zou_api.extensions import db
from zou_api.security import permissions as p
from zou_api.security.access import Custom, project_of


def _task_of_preview(value):
    from zou_api.models import PreviewFile, Task

    from zou_api.utils.values import is_uuid

    if not is_uuid(value):
        return None
    preview_id = p.parse_uuid(value)
    row = db.session.execute(select(Task.id, Task.project_id, Task.entity_id)
                             .join(PreviewFile, PreviewFile.task_id == Task.id)
                             .where(PreviewFile.id == preview_id)).first()
    return {"id": row.id, "project_id": row.project_id, "entity_id": row.entity_id} if row else None


def preview_reader(arg="preview_file_id"):
    def check(path_args):
        if p.is_admin():
            return
        task = _task_of_preview(path_args.get(arg))
        if task is not None and not p.has_task_access(task):
            raise PermissionDenied()

    return Custom(check, f"who may see the task of the preview `{arg}` (its project's team; vendors: assigned)")


def preview_actor(arg="preview_file_id"):
    def check(path_args):
        if p.is_admin():
            return
        task = _task_of_preview(path_args.get(arg))
        if task is not None and not p.has_task_action_access(task):
            raise PermissionDenied()

    return Custom(check, f"who may act on the task of the preview `{arg}` (its project's managers, supervisors "
                         "and clients, its assignees)")


def preview_supervisor(arg="preview_file_id"):
    def check(path_args):
        if p.is_admin():
            return
        task = _task_of_preview(path_args.get(arg))
        if task is None:
            return
        if p.current_role() not in ("manager", "supervisor") or not p.has_project_access(task["project_id"]):
            raise PermissionDenied()

    return Custom(check, f"admins, managers and supervisors of the project of the preview `{arg}`")


def project_manager_of(arg):
    def check(path_args):
        if p.is_admin():
            return
        from zou_api.utils.values import is_uuid

        value = path_args.get(arg)
        project_id = project_of("project_id", value) if is_uuid(value) else None
        if p.current_role() != "manager" or not p.has_project_access(project_id):
            raise PermissionDenied()

    return Custom(check, f"admins and managers of the project `{arg}`")


def preview_main_setter(arg="preview_file_id"):
    """Admins; managers, supervisors and artists of the preview's project (not clients, vendors)."""
    def check(path_args):
        if p.is_admin():
            return
        task = _task_of_preview(path_args.get(arg))
        if task is None:
            return
        if p.current_role() not in ("manager", "supervisor", "user") or not p.has_project_access(task["project_id"]):
            raise PermissionDenied()

    return Custom(check, f"admins, and managers, supervisors and artists of the project of the preview `{arg}`")

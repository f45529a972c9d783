"""All models, importable from one place, and the many-to-many links each serialises.

``MODELS`` maps Zou's type names ("Person", "TaskType"...) to model classes.
"""
from zou_api.models.base import Base, BaseMixin, JSONType, load_links, serialize_list, utcnow  # noqa: F401
from zou_api.models.chat import *  # noqa: F401,F403
from zou_api.models.comment import *  # noqa: F401,F403
from zou_api.models.entity import *  # noqa: F401,F403
from zou_api.models.event import *  # noqa: F401,F403
from zou_api.models.files import *  # noqa: F401,F403
from zou_api.models.notification import *  # noqa: F401,F403
from zou_api.models.person import *  # noqa: F401,F403
from zou_api.models.playlist import *  # noqa: F401,F403
from zou_api.models.preview import *  # noqa: F401,F403
from zou_api.models.project import *  # noqa: F401,F403
from zou_api.models.studio import *  # noqa: F401,F403
from zou_api.models.task import *  # noqa: F401,F403
from zou_api.models.template import *  # noqa: F401,F403
from zou_api.models import comment as _comment

Project.__links__ = {  # noqa: F405
    "team": (ProjectPersonLink.__table__, "project_id", "person_id"),  # noqa: F405
    "asset_types": (ProjectAssetTypeLink.__table__, "project_id", "asset_type_id"),  # noqa: F405
    "task_statuses": (ProjectTaskStatusLink.__table__, "project_id", "task_status_id"),  # noqa: F405
    "task_types": (ProjectTaskTypeLink.__table__, "project_id", "task_type_id"),  # noqa: F405
    "status_automations": (ProjectStatusAutomationLink.__table__, "project_id", "status_automation_id"),  # noqa: F405
    "preview_background_files": (
        ProjectPreviewBackgroundFileLink.__table__, "project_id", "preview_background_file_id"),  # noqa: F405
}
Person.__links__ = {"departments": (DepartmentLink.__table__, "person_id", "department_id")}  # noqa: F405
EntityType.__links__ = {"task_types": (TaskTypeAssetTypeLink.__table__, "asset_type_id", "task_type_id")}  # noqa: F405
Task.__links__ = {"assignees": (TaskPersonLink.__table__, "task_id", "person_id")}  # noqa: F405
Comment.__links__ = {  # noqa: F405
    "mentions": (_comment.comment_mentions, "comment", "person"),
    "department_mentions": (_comment.comment_department_mentions, "comment", "department"),
    "acknowledgements": (_comment.comment_acknoledgments, "comment", "person"),
    "previews": (_comment.comment_preview_link, "comment", "preview_file"),
}
Chat.__links__ = {"participants": (ChatParticipant.__table__, "chat_id", "person_id")}  # noqa: F405
MetadataDescriptor.__links__ = {  # noqa: F405
    "departments": (DepartmentMetadataDescriptorLink.__table__, "metadata_descriptor_id", "department_id"),  # noqa: F405
}
ProjectTemplate.__links__ = {  # noqa: F405
    "asset_types": (ProjectTemplateAssetTypeLink.__table__, "project_template_id", "asset_type_id"),  # noqa: F405
    "task_types": (ProjectTemplateTaskTypeLink.__table__, "project_template_id", "task_type_id"),  # noqa: F405
    "task_statuses": (ProjectTemplateTaskStatusLink.__table__, "project_template_id", "task_status_id"),  # noqa: F405
    "status_automations": (
        ProjectTemplateStatusAutomationLink.__table__, "project_template_id", "status_automation_id"),  # noqa: F405
}

MODELS = {
    cls.__name__: cls
    for cls in Base.registry._class_registry.values()
    if isinstance(cls, type) and issubclass(cls, BaseMixin)
}

"""Working files and output files: what Zou adds to their answers."""
import uuid

from zou_api.models import OutputFile, WorkingFile
from zou_api.services.loaders import pairs, serialize_by_id, set_key


def augment_working_file(items, action, relations, id_query=None):
    if relations:
        set_key(items, "outputs", pairs(OutputFile.source_file_id, OutputFile.id, items, id_query))


def augment_output_file(items, action, relations, id_query=None):
    """Zou always adds the output's source working file (or null)."""
    sources = serialize_by_id(WorkingFile, [uuid.UUID(i["source_file_id"]) for i in items if i.get("source_file_id")])
    for item in items:
        item["source_file"] = sources.get(uuid.UUID(item["source_file_id"])) if item.get("source_file_id") else None

"""Paths from a project's file tree template, and the reverse (guess the entity of a path).

A tree (project.file_tree) has a section per mode ("working", "output"), each with a
`mountpoint`, a `root`, and `folder_path` / `file_name` templates per kind of entity ("shot",
"asset", "sequence", "episode", "scene", "edit", "concept"), plus a `style` ("lowercase",
"uppercase" or none). Tokens: <Project>, <Episode>, <Sequence>, <Shot>, <AssetType>, <Asset>,
<TaskType>, <Task>, <Software>, <OutputType>, <Scene>, <Edit>, <Concept>, <Representation>,
<Revision>.

As the reference writes them: in a folder path each token's value is made a slug (accents
dropped, each run of other characters than ASCII letters and digits one "_", lowercase) then
styled, the template's own text kept as written; a file name is rendered then made a slug as a
whole, then styled (<Representation> is left out of file names); <Revision> is written on
three digits at least.
"""
import re
import unicodedata

from sqlalchemy import select

from zou_api.exceptions import WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Project, TaskType

TOKEN = re.compile(r"<([A-Za-z]+)>")
KIND_NAMES = {"Shot": "shot", "Sequence": "sequence", "Episode": "episode", "Scene": "scene", "Edit": "edit",
              "Concept": "concept"}


class TreeError(WrongParameter):
    """The reference's file tree 400: {"message", "received_data"} (no "error" key)."""

    def body(self):
        return {"message": self.message, "received_data": self.payload.get("received_data")}


def tree_error(message, data):
    return TreeError(message, payload={"received_data": data})


def _section(tree, mode, data):
    if not isinstance(tree, dict) or not tree:
        raise tree_error("No tree can be found for given project.", data)
    section = tree.get(mode)
    if not isinstance(section, dict):
        raise tree_error(f"Mode {mode} cannot be found on given tree.", data)
    return section


def _template(section, part, kind, data):
    templates = section.get(part)
    if not isinstance(templates, dict):
        raise tree_error(f"The file tree is malformed: {part} is missing.", data)
    template = templates.get(kind)
    if not isinstance(template, str):
        raise tree_error(f"No template {part} found for {kind} in the file tree.", data)
    return template, templates.get("style")


def apply_style(value, style):
    value = "" if value is None else str(value)
    if style == "lowercase":
        return value.lower()
    if style == "uppercase":
        return value.upper()
    return value


def slug(value):
    """A value as a path holds it: "Gazu Été-1.b" -> "gazu_ete_1_b" (letters outside Latin
    scripts are dropped where the reference transliterates them)."""
    text = unicodedata.normalize("NFKD", "" if value is None else str(value))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def format_value(value, style):
    return apply_style(slug(value), style)


def render(template, values, style):
    """A folder path: each token's value a styled slug, the template's text as written."""
    def replace(match):
        return format_value(values.get(match.group(1), ""), style)

    return TOKEN.sub(replace, template)


def render_name(template, values, style):
    """A file name: rendered with the raw values, then a styled slug as a whole."""
    def replace(match):
        value = values.get(match.group(1))
        return "" if value is None or match.group(1) == "Representation" else str(value)

    return apply_style(slug(TOKEN.sub(replace, template)), style)


def revision_token(revision):
    return f"{int(revision or 1):03d}"


def entity_kind(entity):
    name = db.session.execute(select(EntityType.name).where(EntityType.id == entity.entity_type_id)).scalar() or ""
    return KIND_NAMES.get(name, "asset"), name


def entity_values(entity):
    """The token values of an entity and its parents and project."""
    kind, type_name = entity_kind(entity)
    values = {"Project": db.session.execute(select(Project.name).where(Project.id == entity.project_id)).scalar()}
    if kind == "asset":
        values.update({"Asset": entity.name, "AssetType": type_name})
        if entity.source_id:
            episode = db.session.get(Entity, entity.source_id)
            values["Episode"] = episode.name if episode else ""
    else:
        values[type_name or "Shot"] = entity.name
        parent = db.session.get(Entity, entity.parent_id) if entity.parent_id else None
        while parent is not None:
            _, parent_type = entity_kind(parent)
            values[parent_type] = parent.name
            parent = db.session.get(Entity, parent.parent_id) if parent.parent_id else None
    return kind, values


def build_path(tree, mode, entity, extra, data, sep="/"):
    """(folder, file name) for an entity in `mode` with extra token values."""
    section = _section(tree, mode, data)
    kind, values = entity_values(entity)
    values.update({k: v for k, v in extra.items() if v is not None})
    folder_template, folder_style = _template(section, "folder_path", kind, data)
    name_template, name_style = _template(section, "file_name", kind, data)
    parts = [str(section.get("root") or ""), render(folder_template, values, folder_style)]
    folder = sep.join(p.strip("/").replace("/", sep) for p in parts if p)
    mountpoint = str(section.get("mountpoint") or "")
    folder = f"{mountpoint}{sep}{folder}" if mountpoint else folder
    return folder, render_name(name_template, values, name_style)


# -- guess the entity of a path ---------------------------------------------------------------
def guess_from_path(project, file_path):
    """[{"Template": kind, "<Token>": id, ...}] for each template of the working tree whose folder
    path matches the start of file_path and whose names name existing rows."""
    tree = project.file_tree or {}
    matches = []
    for mode in ("working", "output"):
        section = tree.get(mode) if isinstance(tree, dict) else None
        if not isinstance(section, dict) or not isinstance(section.get("folder_path"), dict):
            continue
        style = section["folder_path"].get("style")
        for kind, template in section["folder_path"].items():
            if kind == "style" or not isinstance(template, str):
                continue
            prefix = "/".join(p.strip("/") for p in (str(section.get("mountpoint") or ""),
                                                      str(section.get("root") or "")) if p)
            full = "/".join(p for p in (prefix, template.strip("/")) if p)
            tokens = TOKEN.findall(full)
            pattern = "^/?" + "".join(
                f"(?P<t{index}>[^/]+)" if index % 2 else re.escape(apply_style(part, None))
                for index, part in enumerate(TOKEN.split(full))) + "(/|$)"
            found = re.match(pattern, file_path.replace("\\", "/").lstrip("/") if full.startswith("/") is False
                             else file_path.replace("\\", "/"))
            if not found:
                continue
            names = {token: found.group(f"t{2 * i + 1}") for i, token in enumerate(tokens)}
            resolved = _resolve(project, kind, names, style)
            if resolved is not None and resolved not in matches:
                matches.append(resolved)
        if matches:
            break
    return matches


def _named(rows, name, style):
    for row_id, row_name in rows:
        if format_value(row_name, style) == name:
            return row_id
    return None


def _resolve(project, kind, names, style):
    result = {"Template": kind}
    if "Project" in names:
        if format_value(project.name, style) != names["Project"]:
            return None
        result["Project"] = str(project.id)
    parent_id = None
    for token in ("Episode", "Sequence", "Shot", "Scene", "AssetType", "Asset", "Edit", "Concept"):
        if token not in names:
            continue
        if token == "AssetType":
            rows = db.session.execute(select(EntityType.id, EntityType.name)).all()
        else:
            statement = select(Entity.id, Entity.name).join(EntityType, EntityType.id == Entity.entity_type_id)\
                .where(Entity.project_id == project.id)
            statement = statement.where(EntityType.name == token) if token != "Asset" else \
                statement.where(EntityType.name.not_in(list(KIND_NAMES)))
            if parent_id is not None and token in ("Sequence", "Shot", "Scene"):
                statement = statement.where(Entity.parent_id == parent_id)
            rows = db.session.execute(statement).all()
        found = _named(rows, names[token], style)
        if found is None:
            return None
        result[token] = str(found)
        if token in ("Episode", "Sequence"):
            parent_id = found
    if "TaskType" in names:
        found = _named(db.session.execute(select(TaskType.id, TaskType.name)).all(), names["TaskType"], style)
        if found is None:
            return None
        result["TaskType"] = str(found)
    return result

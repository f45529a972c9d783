"""OTIO / EDL imports (`POST /import/otio/projects/<id>[/episodes/<id>]`): each clip of a timeline
names a shot through a naming convention (`${project_name}_${sequence_name}-${shot_name}`, with
`${episode_name}` for an episode); the shot gets its frame range from the clip's place in the
timeline (`frame_in`, `frame_out` inclusive, `nb_frames`; an EDL's timecodes at the production's
fps). Missing sequences and shots are created. Clips whose names do not follow the convention
(black, titles) are skipped and listed in `skipped_clips`. Formats: `.otio` JSON, CMX 3600 `.edl`.
One transaction.
"""
import re

from sqlalchemy import select

from zou_api.exceptions import NotFound, WrongParameter
from zou_api.extensions import db
from zou_api.models import Entity
from zou_api.services.base import NOT_FOUND, transaction
from zou_api.services.csv_import_entities import Production, emit_entity, get_project
from zou_api.services.csv_reader import decode

DEFAULT_CONVENTION = "${project_name}_${sequence_name}-${shot_name}"
DEFAULT_EPISODE_CONVENTION = "${project_name}_${episode_name}-${sequence_name}-${shot_name}"
PLACEHOLDERS = ("project_name", "episode_name", "sequence_name", "shot_name")
MAX_BYTES = 20 * 1024 * 1024


ADAPTERS = {"otio": "otio_json", "edl": "cmx_3600"}


def read_timeline(raw, filename=None, fps=25):
    """The timeline of an .otio or .edl file (an EDL's timecodes read at the production's fps)."""
    import opentimelineio as otio

    if len(raw) > MAX_BYTES:
        raise WrongParameter("The file is too large (at most 20 MB).")
    text = decode(raw)
    extension = filename.rsplit(".", 1)[-1].lower() if filename and "." in filename else ""
    if extension and extension not in ADAPTERS:
        raise WrongParameter(f"Unsupported file type '.{extension}'. Supported formats: "
                             + ", ".join(sorted(ADAPTERS)) + ".", payload={"data": None})
    adapters = [ADAPTERS[extension]] if extension else ["otio_json", "cmx_3600"]
    errors = []
    for adapter in adapters:
        options = {"rate": fps} if adapter == "cmx_3600" else {}
        try:
            timeline = otio.adapters.read_from_string(text, adapter_name=adapter, **options)
        except Exception as error:  # each adapter raises its own errors
            errors.append(str(error)[:200])
            continue
        if hasattr(timeline, "find_clips"):
            return timeline
    raise WrongParameter("The file cannot be read as a timeline (OTIO or EDL): " + "; ".join(errors))


def convention_pattern(convention, project_name, episode_name, match_case):
    """A regular expression matching clip names built by the naming convention."""
    if "${shot_name}" not in convention or "${sequence_name}" not in convention or len(convention) > 300:
        raise WrongParameter("naming_convention must contain ${sequence_name} and ${shot_name}.")
    pattern, position = "", 0
    for match in re.finditer(r"\$\{(\w+)\}", convention):
        pattern += re.escape(convention[position:match.start()])
        name = match.group(1)
        if name == "project_name":
            pattern += re.escape(project_name)
        elif name == "episode_name" and episode_name is not None:
            pattern += re.escape(episode_name)
        elif name in PLACEHOLDERS:
            pattern += f"(?P<{name}>.+?)"
        else:
            raise WrongParameter(f"Unknown placeholder in naming_convention: ${{{name}}}.")
        position = match.end()
    pattern += re.escape(convention[position:])
    return re.compile(pattern, 0 if match_case else re.IGNORECASE)


def _clips(timeline):
    for clip in timeline.find_clips():
        try:
            placement = clip.range_in_parent()
        except Exception:
            continue
        start = int(round(placement.start_time.to_frames()))
        duration = int(round(placement.duration.to_frames()))
        yield clip.name or "", start, duration


def _find(name, lookup, match_case):
    if match_case:
        return lookup.get(name)
    for key, value in lookup.items():
        if key.lower() == name.lower():
            return value
    return None


def import_otio(project_id, raw, filename, person_id, episode_id=None, naming_convention=None, match_case=True):
    project = get_project(project_id)
    episode = None
    if episode_id is not None:
        episode = db.session.get(Entity, episode_id)
        if episode is None or episode.project_id != project.id:
            raise NotFound(NOT_FOUND)
    convention = naming_convention or (DEFAULT_EPISODE_CONVENTION if episode else DEFAULT_CONVENTION)
    pattern = convention_pattern(convention, project.name, episode.name if episode else None, match_case)
    try:
        fps = float(project.fps or 25)
    except ValueError:
        fps = 25.0
    timeline = read_timeline(raw, filename, fps if 0 < fps < 1000 else 25.0)
    created, updated, skipped = [], [], []
    with transaction():
        production = Production(project, "Shot")
        shot_type_id = production.type_id("Shot")
        sequence_type_id = production.type_id("Sequence")
        parent_id = episode.id if episode else None
        sequences = {row.name: row.id for row in db.session.execute(select(Entity.name, Entity.id).where(
            Entity.project_id == project.id, Entity.entity_type_id == sequence_type_id,
            Entity.parent_id.is_(None) if parent_id is None else Entity.parent_id == parent_id))}
        for name, start, duration in _clips(timeline):
            match = pattern.fullmatch(name.strip())
            if match is None:
                skipped.append(name)
                continue
            sequence_name, shot_name = match.group("sequence_name"), match.group("shot_name")
            sequence_id = _find(sequence_name, sequences, match_case)
            if sequence_id is None:
                sequence_id = production.find_or_create("Sequence", sequence_name, parent_id, person_id).id
                sequences[sequence_name] = sequence_id
            shots = {row.name: row for row in db.session.execute(select(Entity).where(
                Entity.parent_id == sequence_id, Entity.entity_type_id == shot_type_id)).scalars()}
            shot = _find(shot_name, shots, match_case)
            frames = {"frame_in": start, "frame_out": start + max(duration, 1) - 1}
            if shot is None:
                shot = Entity(name=shot_name, project_id=project.id, entity_type_id=shot_type_id,
                              parent_id=sequence_id, created_by=person_id, status="running", nb_frames=duration,
                              data=frames)
                db.session.add(shot)
                db.session.flush()
                production.create_tasks(shot, {}, person_id)
                emit_entity("Shot", "new", shot)
                created.append(shot)
            else:
                shot.nb_frames = duration
                shot.data = {**(shot.data or {}), **frames}
                db.session.flush()
                emit_entity("Shot", "update", shot)
                updated.append(shot)
        db.session.flush()
        return {"updated_shots": [shot.serialize() for shot in updated],
                "created_shots": [dict(shot.serialize(), type="Shot") for shot in created],
                "skipped_clips": skipped}

"""Playlists."""
from flask import send_file

from zou_api.blueprints import args
from zou_api.blueprints.base import Resource, json_response
from zou_api.exceptions import NotFound
from zou_api.exceptions import PermissionDenied
from zou_api.security.access import ADMIN, Custom, caller, entity_reader, manager_of, project_member
from zou_api.security.permissions import current_person_id
from zou_api.services import playlist_builds as builds
from zou_api.services import playlist_views as views
from zou_api.services.base import NOT_FOUND
from zou_api.utils.values import is_uuid, parse_uuid

MANAGE = manager_of("playlist_id")
READ = project_member("playlist_id")


def _not_vendor(arg):
    member = project_member(arg)

    def check(path_args):
        from zou_api.security import permissions as p

        if p.current_role() == "vendor":
            raise PermissionDenied()
        member.check(path_args)

    return Custom(check, f"members of the project of `{arg}` (not vendors)")


MEMBER = _not_vendor("project_id")


def _uuid_or_error(value, field):
    if not is_uuid(value):
        raise args.validation_error([(field, "Input should be a valid UUID")])
    return parse_uuid(value)


class _Base(Resource):
    parse_ids = True


class AddEntityResource(_Base):
    summary = "Add an entity to a playlist (`entity_id`, optional `preview_file_id`: its latest by default)."
    access = MANAGE

    def post(self, playlist_id):
        data = args.body()
        if data.get("entity_id") is None:
            raise args.validation_error([("entity_id", "Field required")])
        entity_id = _uuid_or_error(data["entity_id"], "entity_id")
        preview = _uuid_or_error(data["preview_file_id"], "preview_file_id") if data.get("preview_file_id") else None
        return json_response(views.add_entities(playlist_id, [(entity_id, preview)], one=True))


class AddEntitiesResource(_Base):
    summary = "Add entities to a playlist (`entities`: ids or {entity_id, preview_file_id} objects)."
    access = MANAGE

    def post(self, playlist_id):
        data = args.body()
        entries = data.get("entities")
        if entries is None:
            raise args.validation_error([("entities", "Field required")])
        if not isinstance(entries, list):
            raise args.validation_error([("entities", "Input should be a valid list")])
        parsed = []
        for entry in entries:
            if isinstance(entry, dict):
                preview = entry.get("preview_file_id")
                parsed.append((_uuid_or_error(entry.get("entity_id") or entry.get("id"), "entities"),
                               _uuid_or_error(preview, "entities") if preview else None))
            else:
                parsed.append((_uuid_or_error(entry, "entities"), None))
        return json_response(views.add_entities(playlist_id, parsed))


class EntityPreviewFilesResource(_Base):
    summary = "The previews of an entity for the review room: {task_type_id: [revisions with their previews]}."
    access = entity_reader("entity_id")

    def get(self, entity_id):
        return json_response(views.entity_preview_files(entity_id))


class BuildMovieResource(_Base):
    summary = "Build the playlist as one mp4 (a job: the build job's status goes running -> succeeded/failed)."
    access = MANAGE

    def get(self, playlist_id):
        return json_response(builds.start_build(playlist_id, current_person_id()))


class ZipResource(_Base):
    summary = "The playlist's previews in one zip."
    access = READ

    def get(self, playlist_id):
        path, name = builds.build_zip(playlist_id)
        return send_file(path, mimetype="application/zip", as_attachment=True, download_name=name)


class BuildJobResource(_Base):
    summary = "A build job of the playlist; DELETE removes it and its movie."
    access = {"get": READ, "delete": MANAGE}

    def get(self, playlist_id, build_job_id):
        return json_response(builds.get_job(playlist_id, build_job_id).serialize())

    def delete(self, playlist_id, build_job_id):
        builds.delete_job(playlist_id, build_job_id)
        return "", 204


class BuildJobMovieResource(_Base):
    summary = "The movie a build job made (404 until it succeeded)."
    access = READ

    def get(self, playlist_id, build_job_id):
        path, name = builds.job_movie(playlist_id, build_job_id)
        return send_file(path, mimetype="video/mp4", as_attachment=True, download_name=name, conditional=True)


class NotifyClientsResource(_Base):
    summary = "Tell the project's clients that the playlist is ready for them."
    access = MANAGE

    def post(self, playlist_id):
        from zou_api import events
        from zou_api.services.base import transaction

        playlist = views.get_playlist(playlist_id)
        with transaction():
            events.emit("playlist:notify-clients", {"playlist_id": playlist.id}, project_id=playlist.project_id)
        return json_response({"status": "success"})


class ShareLinksResource(_Base):
    summary = ("The share links of a playlist; POST makes one (`expiration_date`, `can_comment` - true by default, "
               "`password`).")
    access = MANAGE

    def get(self, playlist_id):
        return json_response(views.share_links(playlist_id))

    def post(self, playlist_id):
        data = args.body(required=False)
        expiration = args.date_field(data, "expiration_date")
        import datetime

        when = datetime.datetime.combine(expiration, datetime.time(23, 59, 59)) if expiration else None
        password = args.str_field(data, "password", max_length=200)
        link = views.create_share_link(playlist_id, current_person_id(), when,
                                       args.bool_field(data, "can_comment", default=True), password)
        return json_response(link, 201)


class ShareLinkResource(_Base):
    summary = "Deactivate a share link of a playlist (guests lose access at once); answers the link."
    access = MANAGE

    def delete(self, playlist_id, token):
        return json_response(views.deactivate_share_link(playlist_id, token))


class ShareInviteResource(_Base):
    summary = "Send the share link by mail (`email` or `emails`)."
    access = MANAGE

    def post(self, playlist_id, token):
        from zou_api.services import mail

        link = views.get_link(playlist_id, token)
        data = args.body()
        emails = data.get("emails") or ([data["email"]] if data.get("email") else [])
        if not emails or not all(isinstance(e, str) and "@" in e for e in emails):
            raise args.validation_error([("emails", "A list of e-mail addresses is required")])
        playlist = views.get_playlist(playlist_id)
        for email in emails:
            mail.send(email, f"Playlist {playlist.name} shared with you",
                      f"Review the playlist {playlist.name}: /shared/playlists/{link.token}")
        return json_response({"success": True, "emails": emails})


class ProjectBuildJobsResource(_Base):
    summary = "The build jobs of a project's playlists, newest first (admins)."
    access = ADMIN

    def get(self, project_id):
        return json_response(builds.project_build_jobs(project_id))


class ProjectPlaylistsResource(_Base):
    summary = "A project's playlists (light: no entries), newest first (`page`, `sort_by`, `task_type_id`)."
    access = MEMBER

    def get(self, project_id):
        page = args.query_int("page", minimum=1)
        return json_response(views.project_playlists(project_id, caller(), None, page, args.query("sort_by"),
                                                     args.query_uuid("task_type_id")))


class EpisodePlaylistsResource(Resource):
    summary = "An episode's playlists (`main` and `all` name the playlists of no episode / of every episode)."
    access = MEMBER

    def get(self, project_id, episode_id):
        project_id = parse_uuid(project_id)
        if episode_id not in ("main", "all"):
            episode_id = parse_uuid(episode_id)
        page = args.query_int("page", minimum=1)
        return json_response(views.project_playlists(project_id, caller(), episode_id, page, args.query("sort_by"),
                                                     args.query_uuid("task_type_id")))


class AllProjectPlaylistsResource(_Base):
    summary = "Every playlist of a project, whole (admins)."
    access = ADMIN

    def get(self, project_id):
        return json_response(views.all_playlists(project_id, caller()))


class TempPlaylistResource(_Base):
    summary = "A temporary playlist from tasks (`task_ids`): their entities with their latest previews."
    access = MEMBER

    def post(self, project_id):
        data = args.body(required=False)
        return json_response(views.temp_playlist(project_id, args.uuid_list(data, "task_ids"), caller()))


class ProjectPlaylistResource(_Base):
    summary = "A playlist with its entities and their previews."
    access = MEMBER

    def get(self, project_id, playlist_id):
        playlist = views.get_playlist(playlist_id)
        if playlist.project_id != project_id:
            raise NotFound(NOT_FOUND)
        if caller().role == "client" and not playlist.for_client:
            raise PermissionDenied()
        return json_response(views.playlist_detail(playlist))

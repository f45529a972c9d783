"""Full-text search over assets, shots and persons, with no outside service.

- SQLite (the embedded default): an FTS5 index, `search_fts` (name, body) whose rowids are those
  of `search_doc` (object id, kind, project, stamp = the object's updated_at). Both are derived
  data, created when first needed and rebuilt from the live tables: they are not part of the
  models nor of the migrations (dropping them loses nothing). They are kept up to date from the
  events: before each commit, the objects its events name (`asset:*`, `shot:*`, `person:*`;
  `sequence:*` / `episode:*` reindex their shots) are reindexed in the same transaction, one
  batch per commit; and every search first catches up with any row whose stamp differs (a write
  that emitted no event, a fresh database), so an object is found right after it is written.
- PostgreSQL: `to_tsvector` / `to_tsquery` over the live rows ('simple' configuration, prefix
  terms), ranked with `ts_rank`; nothing to keep in sync.
Without FTS5 (an SQLite built without it) the search falls back to LIKE on the live rows.

Matches are always joined back to the live rows and filtered by the caller's access: admins see
everything; others the assets and shots of their productions (vendors: those with a task of
theirs), and persons: staff see everyone, clients and vendors the people of their productions.
"""
import logging
import re

from sqlalchemy import (Column, DateTime, Float, Integer, MetaData, String, Table, Uuid, and_, bindparam, delete, func,
                        insert, literal_column, or_, select, text)
from sqlalchemy import event as sa_event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import aliased

from zou_api.extensions import db
from zou_api.models import Entity, EntityType, Person, Project, ProjectPersonLink, Task, TaskPersonLink
from zou_api.services import entity_kinds

log = logging.getLogger(__name__)
INDEXES = ("assets", "shots", "persons")
MIN_QUERY = 3
MAX_TERMS = 8
WORD_RE = re.compile(r"\w+", re.UNICODE)

_meta = MetaData()
search_doc = Table(
    "search_doc", _meta,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("object_id", Uuid, nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("project_id", Uuid),
    Column("stamp", DateTime),
)
FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(name, body, "
           "tokenize='unicode61 remove_diacritics 2')")
_state = {"fts": None, "ready_urls": set()}


def terms(query):
    return [word.lower() for word in WORD_RE.findall(query or "")][:MAX_TERMS]


# -- documents ---------------------------------------------------------------------------------
def _asset_docs(connection, where):
    statement = (select(Entity.id, Entity.project_id, Entity.updated_at, Entity.name, Entity.description,
                        EntityType.name.label("type_name"))
                 .join(EntityType, EntityType.id == Entity.entity_type_id)
                 .where(EntityType.name.not_in(entity_kinds.NON_ASSET_TYPES), *where))
    for row in connection.execute(statement):
        yield row.id, "asset", row.project_id, row.updated_at, row.name, f"{row.type_name} {row.description or ''}"


def _shot_docs(connection, where):
    sequence = aliased(Entity)
    episode = aliased(Entity)
    shot_type = select(EntityType.id).where(EntityType.name == "Shot").scalar_subquery()
    statement = (select(Entity.id, Entity.project_id, Entity.updated_at, Entity.name, Entity.description,
                        sequence.name.label("sequence_name"), episode.name.label("episode_name"))
                 .join(sequence, sequence.id == Entity.parent_id, isouter=True)
                 .join(episode, episode.id == sequence.parent_id, isouter=True)
                 .where(Entity.entity_type_id == shot_type, *where))
    for row in connection.execute(statement):
        body = " ".join(part for part in (row.sequence_name, row.episode_name, row.description) if part)
        yield row.id, "shot", row.project_id, row.updated_at, row.name, body


def _person_docs(connection, where):
    statement = select(Person.id, Person.updated_at, Person.first_name, Person.last_name, Person.email,
                       Person.desktop_login).where(*where)
    for row in connection.execute(statement):
        name = f"{row.first_name or ''} {row.last_name or ''}".strip()
        yield row.id, "person", None, row.updated_at, name, f"{row.email or ''} {row.desktop_login or ''}"


def _write_docs(connection, docs):
    """(Re)write documents, 500 at a time: a few statements per batch, whatever its size."""
    docs = list(docs)
    for start in range(0, len(docs), 500):
        batch = {doc[0]: doc for doc in docs[start:start + 500]}
        old = list(connection.execute(select(search_doc.c.id).where(search_doc.c.object_id.in_(list(batch))))
                   .scalars())
        _drop_docs(connection, old)
        # stamps are written last: a batch broken midway leaves null stamps, which catch_up redoes
        connection.execute(insert(search_doc), [
            {"object_id": object_id, "kind": kind, "project_id": project_id, "stamp": None}
            for object_id, kind, project_id, _, _, _ in batch.values()])
        rows = connection.execute(select(search_doc.c.id, search_doc.c.object_id)
                                  .where(search_doc.c.object_id.in_(list(batch)))).all()
        connection.execute(text("INSERT INTO search_fts (rowid, name, body) VALUES (:id, :name, :body)"), [
            {"id": doc_id, "name": batch[object_id][4] or "", "body": batch[object_id][5] or ""}
            for doc_id, object_id in rows])
        connection.execute(search_doc.update().where(search_doc.c.id == bindparam("doc_id"))
                           .values(stamp=bindparam("doc_stamp")),
                           [{"doc_id": doc_id, "doc_stamp": batch[object_id][3]} for doc_id, object_id in rows])


def _drop_docs(connection, doc_ids):
    doc_ids = list(doc_ids)
    for start in range(0, len(doc_ids), 500):
        chunk = doc_ids[start:start + 500]
        connection.execute(text("DELETE FROM search_fts WHERE rowid = :id"), [{"id": doc_id} for doc_id in chunk])
        connection.execute(delete(search_doc).where(search_doc.c.id.in_(chunk)))


# -- the SQLite index ----------------------------------------------------------------------------
def uses_fts():
    """True on SQLite with FTS5; the index tables exist after it (created when missing: a
    fresh or reset database)."""
    engine = db.engine
    if engine.dialect.name != "sqlite" or _state["fts"] is False:
        return False
    try:
        with engine.begin() as connection:
            present = connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('search_fts', 'search_doc')").scalar()
            if present != 2:  # both or none: a half index is rebuilt whole (catch_up fills it)
                connection.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
                connection.exec_driver_sql("DROP TABLE IF EXISTS search_doc")
                connection.exec_driver_sql(FTS_DDL)
                _meta.create_all(connection)
    except DBAPIError:  # an SQLite built without FTS5
        log.warning("SQLite has no FTS5: search falls back to LIKE", exc_info=True)
        _state["fts"] = False
        return False
    _state["fts"] = True
    _state["ready_urls"].add(str(engine.url))
    return True


def catch_up(connection):
    """Index what changed since the last indexing (stamps differ), drop what is gone."""
    indexed_types = select(EntityType.id).where(or_(EntityType.name == "Shot",
                                                    EntityType.name.not_in(entity_kinds.NON_ASSET_TYPES)))
    stale_entities = select(Entity.id).outerjoin(search_doc, search_doc.c.object_id == Entity.id).where(
        Entity.entity_type_id.in_(indexed_types),
        or_(search_doc.c.id.is_(None), search_doc.c.stamp != Entity.updated_at,
            and_(search_doc.c.stamp.is_(None), Entity.updated_at.is_not(None))))
    ids = list(connection.execute(stale_entities).scalars())
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        _write_docs(connection, _asset_docs(connection, [Entity.id.in_(chunk)]))
        _write_docs(connection, _shot_docs(connection, [Entity.id.in_(chunk)]))
    stale_persons = select(Person.id).outerjoin(search_doc, search_doc.c.object_id == Person.id).where(
        or_(search_doc.c.id.is_(None), search_doc.c.stamp != Person.updated_at))
    ids = list(connection.execute(stale_persons).scalars())
    for start in range(0, len(ids), 500):
        _write_docs(connection, _person_docs(connection, [Person.id.in_(ids[start:start + 500])]))
    gone = select(search_doc.c.id).where(or_(
        and_(search_doc.c.kind == "person", search_doc.c.object_id.not_in(select(Person.id))),
        and_(search_doc.c.kind != "person", search_doc.c.object_id.not_in(select(Entity.id)))))
    _drop_docs(connection, list(connection.execute(gone).scalars()))


def reindex(connection, entity_ids=(), person_ids=(), parent_ids=()):
    """Reindex these objects (and the shots under these sequences / episodes), drop the gone ones."""
    entity_ids = list(entity_ids)
    if parent_ids:
        parents = list(parent_ids)
        sequences = select(Entity.id).where(Entity.parent_id.in_(parents))
        entity_ids += list(connection.execute(sequences).scalars())
        entity_ids += list(connection.execute(select(Entity.id).where(Entity.parent_id.in_(sequences))).scalars())
    person_ids = list(person_ids)
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start:start + 500]
        _write_docs(connection, _asset_docs(connection, [Entity.id.in_(chunk)]))
        _write_docs(connection, _shot_docs(connection, [Entity.id.in_(chunk)]))
    for start in range(0, len(person_ids), 500):
        _write_docs(connection, _person_docs(connection, [Person.id.in_(person_ids[start:start + 500])]))
    ids = entity_ids + person_ids
    for start in range(0, len(ids), 500):
        gone = select(search_doc.c.id).where(
            search_doc.c.object_id.in_(ids[start:start + 500]),
            ~select(Entity.id).where(Entity.id == search_doc.c.object_id).exists(),
            ~select(Person.id).where(Person.id == search_doc.c.object_id).exists())
        _drop_docs(connection, list(connection.execute(gone).scalars()))


INDEXED_KINDS = ("asset", "shot", "person", "sequence", "episode")


def _index_pending(session):
    """Before a commit: index the assets, shots and persons its events name, in the same
    transaction (one batch per commit). Skipped until the index exists (the first search
    creates it, and catches up with everything written before)."""
    from zou_api.utils.values import is_uuid, parse_uuid

    pending = session.info.get("pending_events")
    if not pending or db.engine.dialect.name != "sqlite" or str(db.engine.url) not in _state["ready_urls"]:
        return
    ids = {"entity": set(), "person": set(), "parent": set()}
    for name, data, _ in pending:
        kind = name.split(":", 1)[0]
        value = data.get(f"{kind}_id") if kind in INDEXED_KINDS else None
        if not is_uuid(value):
            continue
        group = "person" if kind == "person" else "parent" if kind in ("sequence", "episode") else "entity"
        ids[group].add(parse_uuid(value))
    if not any(ids.values()):
        return
    try:
        reindex(session.connection(), ids["entity"], ids["person"], ids["parent"])
    except DBAPIError:  # the index catches up at the next search; the write itself goes on
        log.warning("search index update failed", exc_info=True)


def listen():
    """Index what each commit's events name, in that commit (once per process)."""
    if not _state.get("listening"):
        sa_event.listen(db.session.session_factory, "before_commit", _index_pending)
        _state["listening"] = True


# -- matching ------------------------------------------------------------------------------------
def _fts_matches(connection, kind, words, candidates):
    """[(object_id, rank)] best first, for the objects of `kind` matching every word (read on the
    index's own connection: the request's session may hold an older snapshot)."""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    # every word must match as a prefix; a whole-word match scores twice (ranks first)
    expression = " AND ".join(f"({term} OR {term}*)" for term in quoted)
    statement = text(
        "SELECT search_doc.object_id AS object_id, bm25(search_fts, 10.0, 1.0) AS rank FROM search_fts "
        "JOIN search_doc ON search_doc.id = search_fts.rowid "
        "WHERE search_fts MATCH :expression AND search_doc.kind = :kind ORDER BY rank LIMIT :limit"
    ).columns(object_id=Uuid, rank=Float)
    rows = connection.execute(statement, {"expression": expression, "kind": kind, "limit": candidates})
    return [(row.object_id, -row.rank) for row in rows]


ACCENTED = "àáâäãåāçćčèéêëēėęìíîïīñńòóôöõøōùúûüūýÿžźżšśłđß"
PLAIN = "aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzzzsslds"


def _pg_text(expression):
    """Lower-cased, accents folded, punctuation as spaces (an email gives its words)."""
    folded = func.translate(func.lower(func.coalesce(expression, "")), ACCENTED, PLAIN)
    return func.regexp_replace(folded, r"[^[:alnum:]_]+", " ", "g")


def _fold(word):
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _pg_rank(name_column, body_expression, words):
    """(matches, rank): every word as a prefix; whole-word matches rank higher."""
    words = [_fold(word) for word in words]
    query = func.to_tsquery("simple", " & ".join(f"{word}:*" for word in words))
    exact = func.to_tsquery("simple", " | ".join(words))
    vector = func.setweight(func.to_tsvector("simple", _pg_text(name_column)), literal_column("'A'")).op("||")(
        func.setweight(func.to_tsvector("simple", _pg_text(body_expression)), literal_column("'B'")))
    return vector.op("@@")(query), func.ts_rank(vector, query) + func.ts_rank(vector, exact)


def _live_matches(kind, words, candidates):
    """Matching on the live rows: PostgreSQL full text search, or LIKE without FTS5."""
    if kind == "person":
        name = func.concat(Person.first_name, " ", Person.last_name) if db.engine.dialect.name == "postgresql" \
            else Person.first_name + " " + Person.last_name
        body = func.coalesce(Person.email, "")
        base = select(Person.id)
    else:
        type_name = EntityType.name
        name = Entity.name
        body = func.coalesce(Entity.description, "")
        base = select(Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id)
        if kind == "shot":  # a shot is found by its sequence's and episode's names too
            sequence, episode = aliased(Entity), aliased(Entity)
            base = (base.join(sequence, sequence.id == Entity.parent_id, isouter=True)
                    .join(episode, episode.id == sequence.parent_id, isouter=True)
                    .where(type_name == "Shot"))
            parents = func.concat(func.coalesce(sequence.name, ""), " ", func.coalesce(episode.name, "")) \
                if db.engine.dialect.name == "postgresql" else \
                func.coalesce(sequence.name, "") + " " + func.coalesce(episode.name, "")
            body = func.concat(body, " ", parents) if db.engine.dialect.name == "postgresql" else body + " " + parents
        else:
            base = base.where(type_name.not_in(entity_kinds.NON_ASSET_TYPES))
    if db.engine.dialect.name == "postgresql":
        matches, rank = _pg_rank(name, body, words)
        statement = base.add_columns(rank.label("rank")).where(matches).order_by(rank.desc()).limit(candidates)
        return [(row[0], row[1]) for row in db.session.execute(statement)]
    conditions = [or_(func.lower(name).contains(word, autoescape=True),
                      func.lower(body).contains(word, autoescape=True)) for word in words]
    statement = base.where(*conditions).order_by(name).limit(candidates)
    return [(row[0], 0.0) for row in db.session.execute(statement)]


# -- access and answers ----------------------------------------------------------------------------
def _entity_rows(ids, caller, project_id, kind):
    sequence = aliased(Entity)
    episode = aliased(Entity)
    columns = [Entity.__table__.columns[name] for name in Entity.column_names()]
    statement = (select(*columns, EntityType.name.label("type_name"), Project.name.label("project_name"),
                        sequence.name.label("sequence_name"), episode.id.label("episode_id"),
                        episode.name.label("episode_name"))
                 .join(EntityType, EntityType.id == Entity.entity_type_id)
                 .join(Project, Project.id == Entity.project_id)
                 .join(sequence, sequence.id == Entity.parent_id, isouter=True)
                 .join(episode, episode.id == sequence.parent_id, isouter=True)
                 .where(Entity.id.in_(ids)))
    if project_id is not None:
        statement = statement.where(Entity.project_id == project_id)
    if not caller.is_admin:
        statement = statement.where(Entity.project_id.in_(list(caller.project_ids)))
        if caller.role == "vendor":
            statement = statement.where(Entity.id.in_(
                select(Task.entity_id).join(TaskPersonLink, TaskPersonLink.task_id == Task.id)
                .where(TaskPersonLink.person_id == caller.person_id)))
    answers = {}
    count = len(Entity.column_names())
    for row in db.session.execute(statement):
        data = Entity.serialize_values(tuple(row)[:count])
        data["project_name"] = row.project_name
        if kind == "asset":
            data.update(type="Asset", asset_type_id=data["entity_type_id"], asset_type_name=row.type_name)
        else:
            data.update(type="Shot", sequence_id=data["parent_id"], sequence_name=row.sequence_name,
                        episode_id=str(row.episode_id) if row.episode_id else None, episode_name=row.episode_name)
        answers[row.id] = data
    return answers


def _person_rows(ids, caller, project_id):
    columns = [Person.__table__.columns[name] for name in Person.column_names()]
    statement = select(*columns).where(Person.id.in_(ids))
    if project_id is not None:
        statement = statement.where(Person.id.in_(
            select(ProjectPersonLink.person_id).where(ProjectPersonLink.project_id == project_id)))
    if not caller.is_admin and caller.role in ("client", "vendor"):
        statement = statement.where(Person.id.in_(
            select(ProjectPersonLink.person_id).where(ProjectPersonLink.project_id.in_(list(caller.project_ids)))))
    return {row.id: Person.serialize_values(tuple(row)) for row in db.session.execute(statement)}


def search(caller, query, index_names=INDEXES, project_id=None, limit=3, offset=0):
    """{"assets": [...], "shots": [...], "persons": [...]}: the best matches the caller may see."""
    words = terms(query)
    if len((query or "").strip()) < MIN_QUERY or not words:
        return {}
    listen()
    if not uses_fts():
        return _answer(caller, words, index_names, project_id, limit, offset, _live_matches)
    with db.engine.connect() as connection:
        try:
            with connection.begin():
                catch_up(connection)
        except DBAPIError:  # another request indexed the same rows meanwhile: its index is as good
            log.info("search index catch-up skipped", exc_info=True)

        def matches(kind, words, candidates):
            return _fts_matches(connection, kind, words, candidates)

        return _answer(caller, words, index_names, project_id, limit, offset, matches)


def _answer(caller, words, index_names, project_id, limit, offset, find):
    answer = {}
    for index in index_names:
        kind = index[:-1]
        wanted = offset + limit
        candidates = max(50, wanted * 10)
        while True:  # widen the candidates when access filtering leaves too few
            matches = find(kind, words, candidates)
            ids = [object_id for object_id, _ in matches]
            rows = _person_rows(ids, caller, project_id) if kind == "person" else \
                _entity_rows(ids, caller, project_id, kind)
            visible = [rows[object_id] for object_id in ids if object_id in rows]
            if len(visible) >= wanted or len(matches) < candidates or candidates >= 100000:
                break
            candidates *= 10
        answer[index] = visible[offset:offset + limit]
    return answer


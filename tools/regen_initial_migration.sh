#!/usr/bin/env bash
# Regenerate the single initial alembic revision from the models.
# Only while no release exists: after the first release, add a new revision instead
# (`alembic -c alembic.ini revision --autogenerate -m "what changed"`).
# Generated against an empty schema of the local PostgreSQL (REGEN_DATABASE_URL), so that the
# foreign keys that close cycles come out as separate steps that SQLite applies in batch mode.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
base=${REGEN_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
schema=regen_$$
psql "${base/+psycopg/}" -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" 2>/dev/null
url="$base?options=-csearch_path%3D$schema"

tmp=$(mktemp -d)
rm -f migrations/versions/0001_initial.py
ZOU_DATA_DIR="$tmp" "$py" -m alembic -c alembic.ini -x url="$url" revision --autogenerate --rev-id 0001 \
  -m "initial schema" >/dev/null
sed "s/astext_type=Text()/astext_type=sa.Text()/g" migrations/versions/0001_initial_schema.py > "$tmp/initial.py"
rm -f migrations/versions/0001_initial_schema.py
mv "$tmp/initial.py" migrations/versions/0001_initial.py
"$py" tools/_split_use_alter.py migrations/versions/0001_initial.py
psql "${base/+psycopg/}" -qc "DROP SCHEMA $schema CASCADE" 2>/dev/null
rm -rf "$tmp"
echo "migrations/versions/0001_initial.py regenerated"

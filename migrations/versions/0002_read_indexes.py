"""indexes of the heavy reads: the last events, and the change signal of the boards

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 04:15:00
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_api_event_created_at", "api_event", ["created_at"]),
    ("ix_api_event_project_id_created_at", "api_event", ["project_id", "created_at"]),
    ("ix_task_project_id_updated_at", "task", ["project_id", "updated_at"]),
    ("ix_entity_project_id_updated_at", "entity", ["project_id", "updated_at"]),
]


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade():
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)

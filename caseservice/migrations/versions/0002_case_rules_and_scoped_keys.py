"""cases keep their rules: pack version and hash, retention rule, keys scoped per client

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 11:45:00

- `cases.pack_version`, `cases.pack_hash`: the policy pack version a case is judged by; null for
  cases filed before this revision (they are judged by the version in force on `received`).
- `pack_versions`: the content of each version used, keyed by its hash.
- `cases.retention_rule`: the rule, pack and section behind `retain_until`.
- `cases.filed_by`: the client (token name) that filed the case, taken from the `filed` event;
  idempotency keys become unique per client instead of globally.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite keeps 0001's unique constraint unnamed; batch mode reflects it under this name.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _old_key_constraint() -> str:
    if op.get_bind().dialect.name == "postgresql":
        return "cases_idempotency_key_key"
    return "uq_cases_idempotency_key"


def upgrade() -> None:
    op.create_table(
        "pack_versions",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("authority", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("first_used", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("content_hash"),
    )
    with op.batch_alter_table("cases", naming_convention=_NAMING) as batch_op:
        batch_op.add_column(sa.Column("pack_version", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("pack_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("retention_rule", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("filed_by", sa.String(length=100), nullable=True))
    op.execute(
        "UPDATE cases SET filed_by = COALESCE("
        "(SELECT e.actor FROM case_events e WHERE e.case_id = cases.id AND e.seq = 0), "
        "'unknown')"
    )
    with op.batch_alter_table("cases", naming_convention=_NAMING) as batch_op:
        batch_op.alter_column("filed_by", existing_type=sa.String(length=100), nullable=False)
        batch_op.drop_constraint(_old_key_constraint(), type_="unique")
        batch_op.create_unique_constraint("uq_cases_filed_by_key", ["filed_by", "idempotency_key"])


def downgrade() -> None:
    with op.batch_alter_table("cases", naming_convention=_NAMING) as batch_op:
        batch_op.drop_constraint("uq_cases_filed_by_key", type_="unique")
        batch_op.create_unique_constraint(_old_key_constraint(), ["idempotency_key"])
        batch_op.drop_column("filed_by")
        batch_op.drop_column("retention_rule")
        batch_op.drop_column("pack_hash")
        batch_op.drop_column("pack_version")
    op.drop_table("pack_versions")

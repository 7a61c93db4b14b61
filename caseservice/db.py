"""Engine and sessions for SQLite (WAL) and PostgreSQL; refuses an unmigrated schema."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from .config import redact_url

ALEMBIC_INI = Path(__file__).resolve().parent / "alembic.ini"


class FairLock:
    """A FIFO lock: each waiter is handed the lock in arrival order. threading.Lock lets
    late arrivals barge in, which starves some writers and stretches tail latency."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Event] = deque()

    def __enter__(self) -> FairLock:
        with self._mutex:
            if not self._held:
                self._held = True
                return self
            turn = threading.Event()
            self._waiters.append(turn)
        turn.wait()  # the releaser hands the lock straight to us
        return self

    def __exit__(self, *exc: object) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().set()
            else:
                self._held = False


class SchemaNotMigrated(RuntimeError):
    """The database is missing tables or is behind the code: the service must not start on it."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url)
    return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True, pool_timeout=30)


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30}, pool_size=20, max_overflow=20
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (below); pysqlite's own deferred BEGIN lets two
        # writers both read and then deadlock on upgrading their locks.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # FULL: a filed case survives a power cut, not just a crash (system of record).
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front and queue on busy_timeout; readers stay
        # concurrent under WAL.
        if conn.get_execution_options().get("read_only"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(url: str) -> Config:
    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(ALEMBIC_INI.parent / "migrations"))
    # configparser treats % as interpolation; URLs may contain percent-escapes.
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logging"] = False
    return cfg


def head_revision(url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_schema(engine: Engine) -> str:
    """Returns the schema revision, or raises SchemaNotMigrated saying how to migrate."""
    url = engine.url.render_as_string(hide_password=False)
    head = head_revision(url)
    current = current_revision(engine)
    if current != head:
        raise SchemaNotMigrated(
            f"the database {redact_url(url)} is at schema revision {current or 'none'} "
            f"but this version of the case service needs {head}; run: caseservice migrate"
        )
    assert head is not None
    return head


def migrate(url: str) -> tuple[str | None, str | None]:
    """Upgrades the database to the newest schema; returns (before, after) revisions."""
    from alembic import command

    engine = make_engine(url)
    try:
        before = current_revision(engine)
    finally:
        engine.dispose()
    command.upgrade(alembic_config(url), "head")
    return before, head_revision(url)


class Database:
    """One engine and its session factories: `write()` for changes, `read()` for pure reads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.head: str | None = None  # set once check_schema has passed
        # SQLite has one writer at a time. Queueing writers on a lock in this process wakes
        # the next one at once, where SQLite's busy handler would sleep and poll (up to
        # 100 ms a turn); busy_timeout still covers writers in other processes.
        self._write_lock: AbstractContextManager[object] = (
            FairLock() if is_sqlite(url) else nullcontext()
        )
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(read_only=True), expire_on_commit=False
        )

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write_lock, self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def session(self) -> Session:
        """A writer session without an open transaction, for code that commits more than once."""
        return self._writer()

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()

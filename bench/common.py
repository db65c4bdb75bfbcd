"""What the scale benchmarks share: their own PostgreSQL cluster, the machine, percentiles, gunicorn.

The benchmarks never touch the developers' database: they run the project's embedded PostgreSQL in a
separate data directory (`.pgdata-bench/` by default, `--pgdata` to change it).
"""

import http.client
import os
import platform
import secrets
import subprocess
import sys
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = ROOT / ".pgdata-bench"

# Settings for a machine with a few GB to spare. shared_buffers applies from the next start of the
# cluster, the others at once. Printed by every benchmark, recorded in docs/PERFORMANCE.md.
SERVER_SETTINGS = {
    "shared_buffers": "2GB",
    "effective_cache_size": "8GB",
    "work_mem": "32MB",
    "maintenance_work_mem": "512MB",
    "max_wal_size": "8GB",
    "checkpoint_timeout": "15min",
    "random_page_cost": "1.1",
    "jit": "off",
}


def add_pgdata_argument(parser):
    parser.add_argument(
        "--pgdata",
        type=Path,
        default=DEFAULT_PGDATA,
        help=f"data directory of the benchmark's own cluster (default {DEFAULT_PGDATA.name})",
    )


def setup_django(pgdata):
    """Point Django at the benchmark cluster in `pgdata` and set it up."""
    if os.environ.get("DATABASE_URL"):
        sys.exit("unset DATABASE_URL: the benchmarks run their own cluster (see --pgdata)")
    pgdata = Path(pgdata).resolve()
    if pgdata == (ROOT / ".pgdata").resolve():
        sys.exit("refusing to benchmark in .pgdata, the developers' database; choose another --pgdata")
    os.environ["PGDATA_DIR"] = str(pgdata)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_database():
    """Migrate the benchmark database and apply SERVER_SETTINGS (ALTER SYSTEM, then reload)."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        for name, value in SERVER_SETTINGS.items():
            cursor.execute(f"ALTER SYSTEM SET {name} = '{value}'")
        cursor.execute("SELECT pg_reload_conf()")


def database_url():
    """A DATABASE_URL for the running benchmark cluster, for processes that must not own it (gunicorn)."""
    from django.db import connection

    connection.ensure_connection()
    params = connection.get_connection_params()
    host = urllib.parse.quote(str(params["host"]), safe="")
    return f"postgres://postgres@{host}:{params['port']}/{connection.settings_dict['NAME']}"


def machine():
    """The facts a figure needs to be read: cores, memory, CPU, PostgreSQL, load when measured."""
    from django.db import connection

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    return {
        "cpus": os.cpu_count(),
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "python": platform.python_version(),
        "postgresql": pg,
        "shared_buffers": shared_buffers,
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def print_machine():
    for key, value in machine().items():
        print(f"{key:>16}: {value}")


def percentile(values, p):
    """Nearest-rank percentile: the smallest value with at least p% of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def summary_line(name, timings_ms):
    return (
        f"{name:<34} n={len(timings_ms):>5}  p50={percentile(timings_ms, 50):8.1f} ms  "
        f"p95={percentile(timings_ms, 95):8.1f} ms  max={max(timings_ms):8.1f} ms"
    )


def get(port, path):
    """GET `path` from 127.0.0.1:`port`; returns (milliseconds until the body is read, status, body)."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return (time.perf_counter() - started) * 1000, response.status, body


def timed_requests(port, paths, rounds):
    """Each path once unmeasured (warm-up), then `rounds` measured passes; fails on any non-200."""
    timings = []
    for measured in [False] + [True] * rounds:
        for path in paths:
            ms, status, body = get(port, path)
            if status != 200:
                raise SystemExit(f"GET {path} answered {status}:\n{body[:2000].decode(errors='replace')}")
            if measured:
                timings.append(ms)
    return timings


@contextmanager
def gunicorn(port, workers=2):
    """gunicorn on 127.0.0.1:`port` with DEBUG off, reading the benchmark cluster; stopped on exit.

    It gets a DATABASE_URL with persistent connections, as in production, so the cluster stays
    owned by this process and is not stopped when a worker exits.
    """
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "600",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
        "DJANGO_SETTINGS_MODULE": "bench_settings",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "archive.wsgi",
            f"--pythonpath={ROOT / 'bench'}",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--timeout=300",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(port, "/robots.txt")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start; see its output above") from None
                time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def load_queries(path):
    """The fixed queries as (category, query): `## category` lines head each group, `#` lines are notes."""
    queries, category = [], "uncategorised"
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("## "):
            category = line[3:].strip()
        elif line and not line.startswith("#"):
            queries.append((category, line))
    return queries


def page_of_matches(query, size=20):
    """What the search page asks PostgreSQL for: its matches (at most SEARCH_LIMIT, newest first), whose
    number is the count, and the first `size` of them with rank and snippet (views.MatchesPaginator)."""
    from articles.models import Article

    found = {}
    ids = Article.objects.public().search_matches(query, found=found)
    page = Article.objects.public().search(query, found=found).filter(pk__any=ids[:size])
    return len(ids), list(page)

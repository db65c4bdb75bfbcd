"""Ingestion throughput: articles/s through `manage.py ingest`, one by one and with --bulk.

    .venv/bin/python bench/ingest_bench.py [--sizes 1000 10000] [--seed 7] [--pgdata DIR]

Writes generated articles (articles.generator, texts of our own making) as files to a temporary
directory, then ingests each set into an empty scratch database, `bench_ingest`, created and dropped
with Django's test-database machinery on the benchmarks' own cluster (`.pgdata-bench/`, with the server
settings of bench/common.py, as the other benchmarks): the developers' server is never touched.
Targets: >= 100 articles/s one by one, >= 300 articles/s in bulk. Besides the wall-clock rate it prints
the CPU each article cost in the command, the extractor workers and the PostgreSQL backend, and the
rate those costs allow on idle cores: the machine is shared, so wall-clock figures vary with its load.
"""

import argparse
import os
import resource
import tempfile
import time
from contextlib import suppress
from io import StringIO
from pathlib import Path

import common

SCRATCH_DATABASE = "bench_ingest"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    common.add_pgdata_argument(parser)
    args = parser.parse_args()

    common.setup_django(args.pgdata)
    common.prepare_database()
    from django.db import connection

    common.print_machine()
    connection.settings_dict["TEST"]["NAME"] = SCRATCH_DATABASE
    main_database = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
            for size in args.sizes:
                folder = write_files(Path(tmp) / str(size), size, args.seed)
                for mode in ("one by one", "bulk"):
                    empty_archive()
                    print(f"{size:>7,} files  {mode:<10}  {ingest(folder, bulk=mode == 'bulk')}", flush=True)
    finally:
        connection.creation.destroy_test_db(main_database, verbosity=0)


def write_files(folder: Path, size: int, seed: int) -> Path:
    from articles.generator import generate

    folder.mkdir(parents=True)
    started = time.perf_counter()
    written = 0
    for article in generate(size, seed):
        (folder / article.name).write_text(article.text, encoding="utf-8")
        written += len(article.text.encode())
    took = time.perf_counter() - started
    print(f"{size:>7,} files  generated in {took:.1f} s, {written / size / 1024:.1f} KB each on average")
    return folder


def empty_archive():
    """Every set starts from an empty archive (the gazetteer stays)."""
    from django.db import connection

    from articles.models import Appearance, Article, Indicator, Meeting, Person, PersonMerge, Source

    tables = ", ".join(
        m._meta.db_table for m in (Article, Meeting, Appearance, Indicator, Person, PersonMerge, Source)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def ingest(folder: Path, bulk: bool) -> str:
    """Run `manage.py ingest` on the folder; articles/s and the CPU each article cost, by process."""
    from django.core.management import CommandError, call_command
    from django.db import connection

    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    out = StringIO()
    arguments = [str(folder), "--source", "Bench"] + (["--bulk"] if bulk else [])
    cpu = (time.process_time(), _children_cpu(), _process_cpu(backend))
    started = time.perf_counter()
    with suppress(CommandError):  # failed files are counted in the summary line
        call_command("ingest", *arguments, stdout=out, stderr=StringIO())
    took = time.perf_counter() - started
    here, workers, database = (
        after - before
        for before, after in zip(
            cpu, (time.process_time(), _children_cpu(), _process_cpu(backend)), strict=True
        )
    )
    files = sum(1 for _ in folder.iterdir())
    ms = [1000 * t / files for t in (here, workers, database)]
    # On an idle machine the command process waits for its database backend (one after the other),
    # while extractor workers run beside them: the slower of the two bounds the rate.
    idle = min(1000 / (ms[0] + ms[2]), 1000 * (os.cpu_count() or 1) / sum(ms))
    return (
        f"{files / took:7.1f} articles/s   {out.getvalue().splitlines()[0]}\n"
        f"{'':>30}CPU per article: {ms[0]:.1f} ms command, {ms[1]:.1f} ms extractor workers, "
        f"{ms[2]:.1f} ms PostgreSQL backend; on idle cores about {idle:.0f} articles/s"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of another process (the PostgreSQL backend), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()

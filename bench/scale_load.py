"""Load N generated articles into the benchmark cluster through the real write path, and time it.

The articles of the demo generator (articles.generator.generate, with the same publishers as
`manage.py generate_corpus` makes: name, domain, default province) go through
articles.ingest.ingest_many in bulk mode, which extracts in one process per core while it stores the
previous batch; nothing is bypassed. Unlike `generate_corpus` (one ingest_many call, and so one pool
of extractor processes, per publisher and chunk of 2,000), all articles go through one ingest_many
call, each with its own hints (url and publisher). The same seed gives the same articles and ingestion
is idempotent, so a larger N with the same seed adds to what is stored (the articles already there
cost a generation and a hash lookup, not an extraction).

Prints the rate every --every seconds, at the end the rate for the whole run, the statuses,
VACUUM (ANALYZE) time and the database size per 1,000 articles.

    .venv/bin/python bench/scale_load.py --articles 10000 --seed 1          # bulk ingest throughput
    nohup .venv/bin/python bench/scale_load.py --articles 100000 > bench/out/load-100k.log 2>&1 &
"""

import argparse
import os
import resource
import time
from collections import Counter
from pathlib import Path

import common


def stored_size():
    """Bytes of the article tables with their indexes and TOAST, and of the whole database."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0), pg_database_size(current_database())
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname LIKE 'articles\\_%%'
              AND c.relname <> 'articles_administrativeunit'
            """
        )
        return cursor.fetchone()


def print_size():
    from articles.models import Article

    articles = Article.objects.count()
    tables, database = stored_size()
    mib = 1024 * 1024
    print(f"articles stored: {articles}")
    print(
        f"article tables with indexes and TOAST: {tables / mib:.0f} MiB; whole database {database / mib:.0f} MiB"
    )
    if articles:
        print(
            f"per 1,000 articles: {tables / articles * 1000 / mib:.1f} MiB (article tables), "
            f"{database / articles * 1000 / mib:.1f} MiB (database)"
        )


class Meter:
    """ingest_many's progress callback: counts what is done and prints the rate every `every` s."""

    def __init__(self, every):
        self.every = every
        self.started = self.last = time.perf_counter()
        self.done = 0

    def __call__(self, n):
        self.done += n
        now = time.perf_counter()
        if now - self.last >= self.every:
            self.last = now
            elapsed = now - self.started
            print(
                f"{self.done:>9} articles  {elapsed:7.0f} s  {self.done / elapsed:6.0f} articles/s",
                flush=True,
            )


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid):
    """User + system CPU seconds of another process (the PostgreSQL backend), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def generated_items(n, seed):
    """(name, text, hints) for ingest_many, with the publisher as generate_corpus records it."""
    from articles.generator import generate
    from articles.models import AdministrativeUnit, Source

    sources = {}
    for article in generate(n, seed):
        name = article.hints["source"]
        if name not in sources:
            unit = AdministrativeUnit.objects.provinces().filter(name=article.gold["province"]).first()
            domain = article.hints["url"].split("/")[2]
            sources[name] = Source.objects.select_related("default_province").get_or_create(
                name=name, defaults={"domain": domain, "default_province": unit}
            )[0]
        yield article.name, article.text, {"url": article.hints["url"], "source": sources[name]}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_pgdata_argument(parser)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--every", type=float, default=30, help="seconds between progress lines")
    args = parser.parse_args()

    common.setup_django(args.pgdata)
    common.prepare_database()
    from django.db import connection

    from articles.ingest import ingest_many
    from articles.models import Article

    common.print_machine()
    before = Article.objects.count()
    print(
        f"{before} articles stored; loading {args.articles} generated articles, seed {args.seed}", flush=True
    )
    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    cpu_before = (time.process_time(), children_cpu(), process_cpu(backend))
    meter = Meter(args.every)
    items = generated_items(args.articles, args.seed)
    results = ingest_many(items, bulk=True, progress=meter)
    counts = Counter(result.status for result in results)
    seconds = time.perf_counter() - meter.started
    cpu = [
        after - before
        for before, after in zip(
            cpu_before, (time.process_time(), children_cpu(), process_cpu(backend)), strict=True
        )
    ]
    added = Article.objects.count() - before
    print(f"\n{dict(counts)}")
    print(f"stored {added} new articles in {seconds:.0f} s: {added / seconds:.0f} articles/s")
    print(f"all {args.articles} generated articles handled at {args.articles / seconds:.0f} articles/s")
    ms = [1000 * t / args.articles for t in cpu]
    # As bench/ingest_bench.py reads it: the main process waits for its backend while the extractor
    # workers run beside them, so on idle cores the slower of the two bounds the rate.
    idle = min(1000 / (ms[0] + ms[2]), 1000 * (os.cpu_count() or 1) / sum(ms))
    print(
        f"CPU per article: {ms[0]:.1f} ms main process (generating included), {ms[1]:.1f} ms extractor "
        f"workers, {ms[2]:.1f} ms PostgreSQL backend; on idle cores about {idle:.0f} articles/s"
    )
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    print(f"VACUUM (ANALYZE): {time.perf_counter() - started:.0f} s")
    print_size()


if __name__ == "__main__":
    main()

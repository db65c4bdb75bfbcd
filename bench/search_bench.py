"""The public pages' latency over HTTP, against gunicorn on 127.0.0.1, on the benchmark cluster.

Starts gunicorn (2 workers, DEBUG off, persistent database connections) on the cluster loaded by
bench/scale_load.py, requests each page of each series once to warm up, then --rounds times measured,
one request at a time, and stops gunicorn. Series:

  full-text            /bai-viet/?q=…       the 50 queries of bench/queries.txt
  full-text + filters  /bai-viet/?q=…&…     the same, each with one of the filter sets below
  officials            /can-bo/?q=…         50 officials' names: as written, without diacritics, given name
  list + facets        /bai-viet/?…         50 filter sets (province, level, year, month, period kind,
                                            meeting kind, alone and combined; the first is no filter)
  detail               /bai-viet/<id>-<slug>/   100 articles picked at random

Prints p50/p95/max per series (and per query category for full-text) and the database size per
1,000 articles. The picks are random with --seed, so two runs on one database request the same pages.

    .venv/bin/python bench/search_bench.py [--rounds 3] [--port 8765]
"""

import argparse
import random
import urllib.parse
from collections import defaultdict
from pathlib import Path

import common
from scale_load import print_size

BENCH_DIR = Path(__file__).resolve().parent


def filter_sets(rng, count):
    """`count` filter sets drawn from the values the data holds; the first is no filter at all."""
    from articles.models import AdministrativeUnit, Article, Level, MeetingKind, PeriodKind

    provinces = list(
        AdministrativeUnit.objects.provinces()
        .filter(articles__isnull=False)
        .distinct()
        .values_list("slug", flat=True)
    )
    years = sorted(
        set(Article.objects.exclude(date=None).dates("date", "year").values_list("date__year", flat=True))
    )
    pickers = {
        "province": lambda: rng.choice(provinces),
        "level": lambda: rng.choice(Level.values),
        "year": lambda: str(rng.choice(years)),
        "month": lambda: str(rng.randint(1, 12)),
        "period_kind": lambda: rng.choice(PeriodKind.values),
        "kind": lambda: rng.choice(MeetingKind.values),
    }
    sets = [{}]
    names = list(pickers)
    while len(sets) < count:
        chosen = rng.sample(names, rng.choice([1, 1, 2, 2, 3]))
        if "month" in chosen and "year" not in chosen:
            chosen.append("year")
        sets.append({name: pickers[name]() for name in sorted(chosen)})
    return sets


def official_queries(rng, count):
    """Names of officials in the archive: a third as written, a third without diacritics, a third the
    family and given name only (the commonest kind of query, and the one matching most people)."""
    from articles.extraction.gazetteer import fold
    from articles.models import Person

    last = Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    names = []
    while len(names) < count:
        name = (
            Person.objects.filter(pk__gte=rng.randint(1, last))
            .order_by("pk")
            .values_list("name", flat=True)[:1]
        )
        names += list(name)
    queries = []
    for i, name in enumerate(names):
        words = name.split()
        if i % 3 == 0:
            queries.append(name)
        elif i % 3 == 1:
            queries.append(fold(name))
        else:
            queries.append(f"{words[0]} {words[-1]}")
    return queries


def detail_paths(rng, count):
    from articles.models import Article

    last = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    paths = []
    while len(paths) < count:
        article = (
            Article.objects.filter(pk__gte=rng.randint(1, last)).order_by("pk").only("pk", "title").first()
        )
        paths.append(article.get_absolute_url())
    return paths


def url(path, params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_pgdata_argument(parser)
    parser.add_argument("--queries", type=Path, default=BENCH_DIR / "queries.txt")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--only", help="run only the series whose name contains this")
    args = parser.parse_args()

    common.setup_django(args.pgdata)
    common.print_machine()
    print_size()
    rng = random.Random(args.seed)
    queries = common.load_queries(args.queries)
    filters = filter_sets(rng, 50)
    series = {
        "full-text": [url("/bai-viet/", {"q": q}) for _, q in queries],
        "full-text + filters": [
            url("/bai-viet/", {"q": q, **filters[1 + i % (len(filters) - 1)]})
            for i, (_, q) in enumerate(queries)
        ],
        "officials": [url("/can-bo/", {"q": q}) for q in official_queries(rng, 50)],
        "list + facets": [url("/bai-viet/", f) for f in filters],
        "detail": detail_paths(rng, 100),
    }
    if args.only:
        series = {name: paths for name, paths in series.items() if args.only in name}
    print(f"rounds: {args.rounds}, one request at a time\n")
    with common.gunicorn(args.port):
        for name, paths in series.items():
            timings = common.timed_requests(args.port, paths, args.rounds)
            print(common.summary_line(name, timings), flush=True)
            if name == "full-text":
                by_category = defaultdict(list)
                for i, ms in enumerate(timings):
                    by_category[queries[i % len(queries)][0]].append(ms)
                for category, values in by_category.items():
                    print(common.summary_line(f"  {category}", values))
            slowest = sorted(zip(timings, paths * args.rounds, strict=True), reverse=True)[:3]
            for ms, path in slowest:
                print(f"    {ms:8.1f} ms  {urllib.parse.unquote_plus(path)}")


if __name__ == "__main__":
    main()

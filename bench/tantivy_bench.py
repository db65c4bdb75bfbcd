"""Our full-text search beside tantivy's, on the same corpus and the same 50 queries, in one run.

Reads every article of the benchmark cluster (see bench/scale_load.py), indexes title and body in a
tantivy index on disk (lower-cased, folded to ASCII like our `vi_unaccent` configuration, title boosted
as our weight A), then times each query in both engines, the same number of rounds, one after the
other: ours as the search page asks PostgreSQL (the number of matches, at most SEARCH_LIMIT, and the
first 20 newest first with rank and snippet; no HTTP, no templates) and tantivy's (the 20 best by
score and the exact count of all matches). With --http it also times our search page over HTTP
through gunicorn. Prints both engines' match counts per query (they agree below our limit unless the
tokenisers differ), p50/p95 for each engine, and our p95 divided by tantivy's.

tantivy is a benchmark-only dependency:  .venv/bin/pip install -r requirements-bench.txt

    .venv/bin/python bench/tantivy_bench.py [--rounds 3] [--http]
"""

import argparse
import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path

import common

BENCH_DIR = Path(__file__).resolve().parent


def tantivy_query(query):
    """websearch syntax (words AND-ed, "phrases", -word, or) in tantivy's query language."""
    return " ".join("OR" if word.lower() == "or" else word for word in query.split(" "))


def build_index(directory):
    import tantivy

    from articles.models import Article

    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="vi")
    builder.add_text_field("body", tokenizer_name="vi")
    index = tantivy.Index(builder.build(), path=str(directory))
    index.register_tokenizer("vi", analyzer)
    writer = index.writer(heap_size=1_000_000_000, num_threads=2)
    started = time.perf_counter()
    count = 0
    for pk, title, body in Article.objects.order_by().values_list("id", "title", "body").iterator(5000):
        writer.add_document(tantivy.Document(id=pk, title=title, body=body))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    seconds = time.perf_counter() - started
    size = sum(f.stat().st_size for f in Path(directory).rglob("*") if f.is_file())
    print(
        f"tantivy index: {count} articles in {seconds:.1f} s ({count / seconds:.0f} articles/s), "
        f"{size / 1024 / 1024:.0f} MiB on disk"
    )
    return index


def time_tantivy(index, queries, rounds):
    searcher = index.searcher()
    timings, counts = [], {}
    for measured in [False] + [True] * rounds:
        for _, query in queries:
            started = time.perf_counter()
            parsed = index.parse_query(
                tantivy_query(query),
                ["title", "body"],
                field_boosts={"title": 2.0},
                conjunction_by_default=True,
            )
            result = searcher.search(parsed, 20, count=True)
            hits = [searcher.doc(address)["id"][0] for _, address in result.hits]
            elapsed = (time.perf_counter() - started) * 1000
            counts[query] = (result.count, len(hits))
            if measured:
                timings.append(elapsed)
    return timings, counts


def time_ours(queries, rounds):
    timings, counts = [], {}
    for measured in [False] + [True] * rounds:
        for _, query in queries:
            started = time.perf_counter()
            total, hits = common.page_of_matches(query)
            elapsed = (time.perf_counter() - started) * 1000
            counts[query] = (total, len(hits))
            if measured:
                timings.append(elapsed)
    return timings, counts


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_pgdata_argument(parser)
    parser.add_argument("--queries", type=Path, default=BENCH_DIR / "queries.txt")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--http", action="store_true", help="also time our search page over HTTP")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    common.setup_django(args.pgdata)
    from articles.models import Article

    common.print_machine()
    queries = common.load_queries(args.queries)
    print(f"articles: {Article.objects.count()}, queries: {len(queries)}, rounds: {args.rounds}")

    directory = Path(tempfile.mkdtemp(prefix="tantivy-bench-"))
    try:
        index = build_index(directory)
        ours, our_counts = time_ours(queries, args.rounds)
        theirs, their_counts = time_tantivy(index, queries, args.rounds)
    finally:
        shutil.rmtree(directory)

    print(f"\n{'query':<40} {'ours: matches':>14} {'tantivy: matches':>17}")
    for category, query in queries:
        print(f"{category[:8] + ': ' + query:<40} {our_counts[query][0]:>14} {their_counts[query][0]:>17}")
    print()
    print(common.summary_line("ours (PostgreSQL, in process)", ours))
    print(common.summary_line("tantivy (in process)", theirs))
    ratio = common.percentile(ours, 95) / common.percentile(theirs, 95)
    print(f"our p95 / tantivy p95: {ratio:.1f}")
    if args.http:
        paths = ["/bai-viet/?" + urllib.parse.urlencode({"q": query}) for _, query in queries]
        with common.gunicorn(args.port):
            over_http = common.timed_requests(args.port, paths, args.rounds)
        print(common.summary_line("ours (search page over HTTP)", over_http))
        print(
            f"our HTTP p95 / tantivy p95: {common.percentile(over_http, 95) / common.percentile(theirs, 95):.1f}"
        )


if __name__ == "__main__":
    main()

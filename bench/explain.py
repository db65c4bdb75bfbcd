"""The queries one page runs, each with its time and, for the slowest, EXPLAIN ANALYZE.

Renders the page in process (Django's test client, DEBUG off) on the benchmark cluster, records its
queries, then explains the --top slowest with ANALYZE and BUFFERS: where a page misses its target,
this says which query and which plan node.

    .venv/bin/python bench/explain.py "/bai-viet/?q=tỉnh ủy" [--top 3]
"""

import argparse
import time

import common


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    common.add_pgdata_argument(parser)
    parser.add_argument("path")
    parser.add_argument("--top", type=int, default=3, help="how many of the slowest queries to explain")
    parser.add_argument("--plans", action="store_true", help="print the plans, not only the timings")
    args = parser.parse_args()

    common.setup_django(args.pgdata)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    with override_settings(ALLOWED_HOSTS=["testserver"]):
        client = Client()
        client.get(args.path)  # warm the cache, as the benchmarks do
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(args.path)
        total = (time.perf_counter() - started) * 1000
    queries = captured.captured_queries
    database = sum(float(q["time"]) for q in queries) * 1000
    print(
        f"{args.path}: {response.status_code}, {total:.0f} ms, {len(queries)} queries, {database:.0f} ms in them"
    )
    slowest = sorted(queries, key=lambda q: -float(q["time"]))
    for q in slowest:
        print(f"  {float(q['time']) * 1000:7.1f} ms  {q['sql'][:160]}")
    for q in slowest[: args.top]:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
            plan = [row[0] for row in cursor.fetchall()]
        print(f"\n--- {float(q['time']) * 1000:.1f} ms: {plan[-1].strip()}")
        print(q["sql"])
        print("\n".join(plan if args.plans else plan[:1]))


if __name__ == "__main__":
    main()

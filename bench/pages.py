"""Queries and time per public page, through Django's test client, on the current database.

Only reads. Run it after `make run` has loaded the demo articles (or on any loaded database):

    .venv/bin/python bench/pages.py [--rounds 5]

For each page prints the status, the number of SQL queries, and the median and slowest time of
--rounds requests (after one warm-up). The pages use values the database holds: the province with
the most articles, its latest month, the most named official, an article with people and figures.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")


def pages():
    from django.db.models import Count

    from articles.models import AdministrativeUnit, Article, Person

    province = AdministrativeUnit.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("-n").first()
    latest = Article.objects.for_province(province).exclude(date=None).first()
    person = Person.objects.order_by("-appearance_count").first()
    article = (
        Article.objects.annotate(n=Count("appearances", distinct=True) + Count("indicators", distinct=True))
        .order_by("-n")
        .first()
    )
    name = person.name
    return [
        ("home", "/"),
        ("list", "/bai-viet/"),
        ("list, province + year", f"/bai-viet/?province={province.slug}&year={latest.date.year}"),
        ("list, q", "/bai-viet/?q=b%C3%AD+th%C6%B0+t%E1%BB%89nh+%E1%BB%A7y"),
        (
            "list, phrase q by relevance",
            "/bai-viet/?q=%22ban+th%C6%B0%E1%BB%9Dng+v%E1%BB%A5%22&sort=relevance",
        ),
        ("list, period 2024-06", "/bai-viet/?period=2024-06"),
        ("list, page 50", "/bai-viet/?page=50"),
        ("province", province.get_absolute_url()),
        ("province month", f"/tinh/{province.slug}/{latest.date.year}/{latest.date.month}/"),
        ("article", article.get_absolute_url()),
        ("officials, q as written", f"/can-bo/?q={name}"),
        ("officials, q folded", "/can-bo/?q=nguyen+van"),
        ("official", person.get_absolute_url()),
        ("indicators", "/chi-tieu/"),
        ("indicators, q ngan sach", "/chi-tieu/?q=ngan+sach"),
        ("feed", f"/bai-viet/feed/?province={province.slug}"),
        ("export csv, province", f"/bai-viet/?province={province.slug}&format=csv"),
        ("sitemap", "/sitemap.xml"),
    ]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from articles.models import Article

    setup_test_environment()  # allows "testserver" as host; changes nothing in the database
    client = Client()
    print(f"articles in the database: {Article.objects.count()}")
    print(f"{'page':<30} {'status':>6} {'queries':>7} {'median':>9} {'max':>9}")
    for label, path in pages():
        client.get(path)
        timings = []
        for _ in range(args.rounds):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                if response.streaming:
                    b"".join(response.streaming_content)
                timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{label:<30} {response.status_code:>6} {len(queries):>7} "
            f"{statistics.median(timings):>7.1f}ms {max(timings):>7.1f}ms"
        )


if __name__ == "__main__":
    main()

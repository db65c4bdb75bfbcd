"""`python manage.py load_demo`: on the first start only, fill the archive with generated demo articles."""

import time

from django.core.management.base import BaseCommand

from articles.models import Article

from .generate_corpus import ingest_generated

DEMO_ARTICLES = 2000
DEMO_SEED = 2026


class Command(BaseCommand):
    help = "Ingest 2,000 generated articles marked as demo data, unless demo data was loaded before."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=DEMO_ARTICLES, metavar="N")

    def handle(self, *args, articles, **options):
        # `make run` calls this on every start: load once, not once per start.
        if Article.objects.filter(is_demo=True).exists():
            self.stdout.write("demo data already loaded")
            return
        started = time.perf_counter()
        counts = ingest_generated(articles, DEMO_SEED, is_demo=True, bulk=True)
        self.stdout.write(
            f"demo data: {counts['created']} articles created, {counts['failed']} failed, "
            f"in {time.perf_counter() - started:.1f} s"
        )

"""Generate realistic meeting articles of our own making:
`python manage.py generate_corpus --articles N --seed S [--out DIR [--gold FILE]] [--demo] [--bulk]`.

With --out the texts are written as files (with hints.jsonl for `manage.py extract --hints`, and the
gold labels as JSON when --gold is given); without it they are ingested through articles.ingest.
"""

import json
import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.generator import generate


class Command(BaseCommand):
    help = "Generate realistic Party-committee meeting articles (our own templates) with gold labels."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--out", metavar="DIR", help="write .txt files here instead of ingesting them")
        parser.add_argument(
            "--gold", metavar="FILE", help="with --out: write the gold labels here (JSON list)"
        )
        parser.add_argument("--demo", action="store_true", help="mark the ingested articles as demo data")
        parser.add_argument("--bulk", action="store_true", help="ingest in batches: faster for many articles")

    def handle(self, *args, articles, seed, out, gold, demo, bulk, **options):
        if articles < 0:
            raise CommandError("--articles must be 0 or more")
        if gold and not out:
            raise CommandError("--gold needs --out (the gold labels name the files written there)")
        started = time.perf_counter()
        if out:
            self.write_files(articles, seed, Path(out), gold and Path(gold))
        else:
            counts = ingest_generated(articles, seed, is_demo=demo, bulk=bulk)
            self.stdout.write(
                f"{counts['created']} created, {counts['duplicate']} duplicates, {counts['failed']} failed"
            )
        self.stdout.write(f"{articles} articles in {time.perf_counter() - started:.1f} s")

    def write_files(self, n, seed, out: Path, gold_path: Path | None):
        out.mkdir(parents=True, exist_ok=True)
        golds = []
        with (out / "hints.jsonl").open("w", encoding="utf-8") as hints:
            for article in tqdm(generate(n, seed), total=n, unit="article", file=sys.stderr, disable=None):
                (out / article.name).write_text(article.text, encoding="utf-8")
                hints.write(json.dumps(article.hints, ensure_ascii=False) + "\n")
                if gold_path:
                    golds.append(article.gold)
        if gold_path:
            gold_path.parent.mkdir(parents=True, exist_ok=True)
            gold_path.write_text(json.dumps(golds, ensure_ascii=False, indent=1), encoding="utf-8")
        self.stdout.write(
            f"wrote {n} articles and hints.jsonl to {out}" + (f", gold to {gold_path}" if gold_path else "")
        )


def ingest_generated(n: int, seed: int, *, is_demo: bool = False, bulk: bool = False) -> Counter:
    """Generate and ingest `n` articles through the one write path, each with its publisher and URL."""
    from articles.ingest import ingest_many
    from articles.models import AdministrativeUnit, Source

    sources: dict[str, Source] = {}

    def source_of(article) -> Source:
        name = article.hints["source"]
        if name not in sources:
            domain = article.hints["url"].split("/")[2]
            unit = AdministrativeUnit.objects.provinces().filter(name=article.gold["province"]).first()
            sources[name] = Source.objects.get_or_create(
                name=name, defaults={"domain": domain, "default_province": unit}
            )[0]
        return sources[name]

    items = ((a.name, a.text, {"url": a.hints["url"], "source": source_of(a)}) for a in generate(n, seed))
    counts: Counter = Counter()
    with tqdm(total=n, unit="article", file=sys.stderr, disable=None) as bar:
        for result in ingest_many(items, is_demo=is_demo, bulk=bulk, progress=bar.update):
            counts[result.status] += 1
    return counts

"""Ingest article files: `python manage.py ingest PATH... [--source NAME] [--recursive] [--bulk]`."""

import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import ingest_many

SUFFIXES = {".txt", ".html", ".htm"}


class Command(BaseCommand):
    help = "Ingest .txt/.html article files (or the files in directories) through the one write path."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
        parser.add_argument("--source", default=None, help="publisher's name (created when new)")
        parser.add_argument(
            "--recursive", action="store_true", help="also read the directories' subdirectories"
        )
        parser.add_argument("--bulk", action="store_true", help="store in batches: faster for many files")

    def handle(self, *args, paths, source, recursive, bulk, **options):
        files = list(self.files(paths, recursive))
        self.failures = [(p, "no such file or directory") for p in paths if not Path(p).exists()]
        counts = Counter()
        with tqdm(total=len(files), unit="file", file=sys.stderr, disable=None) as bar:
            for result in ingest_many(self.read(files, bar), source=source, bulk=bulk, progress=bar.update):
                counts[result.status] += 1
                if result.status == "failed":
                    self.failures.append((result.name, result.message))
        self.stdout.write(
            f"{counts['created']} created, {counts['duplicate']} duplicates, {len(self.failures)} failed"
        )
        for path, reason in self.failures:
            self.stdout.write(f"failed: {path}: {reason}")
        if self.failures:
            raise CommandError(f"{len(self.failures)} failed")

    def files(self, paths, recursive):
        """The files named, and the article files in the directories named, in a stable order."""
        for name in paths:
            path = Path(name)
            if path.is_dir():
                found = path.rglob("*") if recursive else path.iterdir()
                yield from sorted(p for p in found if p.is_file() and p.suffix.lower() in SUFFIXES)
            elif path.exists():
                yield path

    def read(self, files, bar):
        """(name, bytes) pairs, one file in memory at a time; unreadable files go straight to failures."""
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as error:
                self.failures.append((str(path), f"cannot read the file: {error.strerror}"))
                bar.update()
                continue
            yield str(path), data

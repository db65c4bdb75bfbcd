"""`manage.py extract --json [--hints HINTS.jsonl] FILE...`: print what the extractor reads, one JSON
object per line (../shared/EXTRACTION.md). Never touches the database.

Files are read exactly as ingestion reads them (articles.ingest_input.read_input: encodings, refusals,
HTML to text), so what this prints is what the archive stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from django.core.management.base import BaseCommand, CommandError

from articles.extraction import extract
from articles.ingest_input import read_input


def read_hints(path: str | Path | None) -> dict[str, dict]:
    """Hints per file base name from a JSON-lines file ({"file": "001.txt", "url": ..., "source": ...})."""
    if path is None:
        return {}
    hints: dict[str, dict] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            raise ValueError(f'{path}:{number}: expected an object with a "file" name')
        hints[Path(row["file"]).name] = {k: v for k, v in row.items() if k != "file"}
    return hints


def run(paths: list[str], hints_path: str | None, out: TextIO) -> int:
    """Extract every file to `out` as JSON lines; return how many files could not be read."""
    hints = read_hints(hints_path)
    failed = 0
    for path in paths:
        name = Path(path).name
        try:
            _, text, _ = read_input(Path(path).read_bytes())
        except (OSError, ValueError) as exc:  # IngestError is a ValueError naming the problem
            failed += 1
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            out.write(json.dumps({"file": name, "error": reason}, ensure_ascii=False) + "\n")
            continue
        row = extract(text, hints.get(name)).as_json(file=name)
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return failed


class Command(BaseCommand):
    help = "Print what the extractor reads from article text files, one JSON object per line."
    requires_system_checks = []  # no model or database check: this command reads files only

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="JSON lines (the only output format)")
        parser.add_argument(
            "--hints", metavar="HINTS.jsonl", help="what staff know besides the text, per file"
        )

    def handle(self, *args, files, hints, **options):
        try:
            failed = run(files, hints, self.stdout)
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read hints: {exc}") from exc
        if failed and failed == len(files):
            raise CommandError("no file could be read")

"""The one write path: read a text, extract what it reports and store it, in one transaction.

The admin, `manage.py ingest`, the demo generator and the tests all call these functions; nothing
else writes articles, meetings, appearances, indicators or persons. Ingestion is idempotent: an
article is keyed on the hash of its normalised content, and the database's unique constraint
decides between two ingests of one text running at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain, islice

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from .bulk import copy_in
from .extraction.types import Extraction
from .ingest_input import IngestError, content_hash, extract_each, extract_safely, fit, read_input, text_of
from .ingest_people import PersonLinker, merge_people, split_person
from .ingest_rows import Kept, fill_article, new_meetings, new_mentions, new_rows
from .models import (
    Appearance,
    Article,
    Indicator,
    Meeting,
    Person,
    Source,
)

__all__ = [
    "IngestError",
    "IngestResult",
    "content_hash",
    "ingest_many",
    "ingest_text",
    "merge_people",
    "reextract",
    "split_person",
]

logger = logging.getLogger(__name__)

UNIQUE_HASH = "article_unique_content_hash"
# Texts read together when each is stored in its own transaction: one duplicate check for them all.
_READ_AHEAD = 16
# Texts a worker process extracts in one task: handing each over on its own costs the command more.
_TASK = 25


@dataclass
class IngestResult:
    """What became of one text: "created", "duplicate" (the existing article) or "failed"."""

    article: Article | None
    created: bool
    status: str
    message: str
    warnings: list[str] = field(default_factory=list)
    name: str = ""


@dataclass
class _Pending:
    """A text ready to store: the input as read and what the extractor found (or why it failed)."""

    name: str
    raw_text: str
    content_hash: str
    extraction: Extraction | None
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    source: Source | None = None
    url: str = ""


def ingest_text(
    raw: str | bytes,
    *,
    source: Source | str | None = None,
    url: str = "",
    user=None,
    is_demo: bool = False,
    name: str = "",
) -> IngestResult:
    """Store one text with everything the extractor reads in it; raises IngestError for refused input."""
    raw_text, text, warnings = read_input(raw)
    source = _source(source)
    key = content_hash(text)
    existing = _stored([key]).get(key)
    if existing is not None:
        return _duplicate(existing, name, warnings)
    extraction, error = extract_safely(text, _hints(source, url))
    pending = _Pending(name, raw_text, key, extraction, error, warnings, source, url)
    return _store(pending, user=user, is_demo=is_demo)


def ingest_many(
    items: Iterable[tuple[str, bytes | str] | tuple[str, bytes | str, dict]],
    *,
    source: Source | str | None = None,
    user=None,
    is_demo: bool = False,
    bulk: bool = False,
    progress: Callable[[int], object] | None = None,
    batch_size: int = 250,
    workers: int | None = None,
) -> Iterator[IngestResult]:
    """Ingest (name, data) pairs, yielding one result per item in order; refused input yields "failed".

    An item may carry a third element, its own hints: {"url": ..., "source": a name or a Source}, which
    take the place of `source` for that item.

    `progress(n)` (e.g. tqdm's `update`) is called with the number of items done since the last call.
    With `bulk`, each batch of `batch_size` items is stored in one transaction with bulk inserts; a batch
    the database refuses (a concurrent ingest of the same text, a value it cannot hold) is stored again
    one item at a time, so the outcome is the same as without `bulk`, only faster.
    For more than one batch the extractor runs in `workers` processes (default: one per core, at a lower
    priority) on the texts ahead while this process stores; `workers=0` keeps it in this process. The workers are
    spawned, so a script calling this needs the usual `if __name__ == "__main__":` guard.
    """
    sources = _Sources(source)
    items = iter(items)
    # Texts are read, checked for duplicates and sent to the extractor a batch at a time either way;
    # `bulk` decides whether a batch is stored in one transaction or each text in its own.
    batches = iter(lambda: list(islice(items, batch_size if bulk else _READ_AHEAD)), [])
    first, second = next(batches, None), next(batches, None)
    if workers is None or second is None:
        # With a single batch, starting worker processes would cost more than they save.
        workers = 0 if second is None else os.cpu_count() or 1
    batches = chain([b for b in (first, second) if b is not None], batches)
    ahead = 1 if workers else 0  # batches extracted while the oldest is stored

    def store(batch: _Batch) -> list[IngestResult]:
        results = _store_batch(batch, together=bulk, user=user, is_demo=is_demo)
        if progress is not None:
            progress(len(results))
        return results

    with _extractor(workers) as submit:
        waiting: deque[_Batch] = deque()
        for batch in batches:
            waiting.append(_read_batch(batch, sources, submit, waiting))
            if len(waiting) > ahead:
                yield from store(waiting.popleft())
        while waiting:
            yield from store(waiting.popleft())


def reextract(article: Article) -> Article:
    """Read the article's raw text again; rows a person corrected (locked) stay as they are."""
    extraction, error = extract_safely(text_of(article.raw_text), _hints(article.source, article.url))
    try:
        return _reextract(article, extraction, error)
    except DatabaseError as problem:
        if extraction is None:
            raise
        logger.warning("re-extracting article %s failed, keeping it as failed: %s", article.pk, problem)
        return _reextract(
            article, None, f"the database refused what the extractor found: {str(problem).strip()}"
        )


def _reextract(article: Article, extraction: Extraction | None, error: str) -> Article:
    with transaction.atomic():
        unlocked = article.appearances.filter(locked=False)
        orphans = set(unlocked.exclude(person=None).values_list("person_id", flat=True))
        unlocked.delete()
        article.indicators.filter(locked=False).delete()
        article.meetings.filter(locked=False).delete()
        fill_article(article, extraction, error)
        article.save()
        kept = Kept(
            list(article.meetings.all()), list(article.appearances.all()), list(article.indicators.all())
        )
        linker = PersonLinker([(article.province_id, extraction)] if extraction else [])
        meetings, appearances, indicators = new_rows(article, extraction, linker, kept)
        copy_in((Meeting, meetings), (Person, linker.new), (Appearance, appearances), (Indicator, indicators))
        # A person exists because an article names them; one named only by the replaced rows goes too,
        # unless staff merged others into them (the record of that stays).
        Person.objects.filter(pk__in=orphans, appearances=None, merges=None).delete()
    return article


# --- storing -----------------------------------------------------------------------------------------


@dataclass
class _Batch:
    """Texts read and sent to the extractor, waiting to be stored."""

    results: list[IngestResult | None]
    pending: list[tuple[int, _Pending]]  # index, text read
    extracting: list  # the pending texts' extractions in order, in lists: computed, or Futures of them
    copies: list[tuple[int, str, list[str], str]]  # texts that repeat one read before them
    keys: set[str]


@contextmanager
def _extractor(workers: int):
    """A function [(text, hints)] -> their extractions in order, in lists: Futures of lists when `workers`
    processes extract them, else lists computed at once."""
    if workers <= 0:
        yield lambda texts: [extract_each(texts)]
        return
    # spawn, not fork: a forked child would share this process's database connection. The workers are
    # ahead by a batch: at a lower priority they take the cores the command and its database backend,
    # which bound the rate, leave idle (docs/PERFORMANCE.md, section 16).
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=os.nice, initargs=(10,)
    ) as pool:
        # A worker takes a second or more to start (Python, then the extractor's imports): until one
        # has, this process extracts the texts itself rather than wait for it.
        started = pool.submit(extract_safely, "", {})

        def submit(texts: list[tuple[str, dict]]) -> list:
            if not started.done():
                return [extract_each(texts)]
            return [pool.submit(extract_each, texts[i : i + _TASK]) for i in range(0, len(texts), _TASK)]

        yield submit


def _read_batch(batch, sources: _Sources, submit, waiting: Iterable[_Batch]) -> _Batch:
    """Read the texts, set aside duplicates (stored, in this batch or one waiting) and extract."""
    done = _Batch([None] * len(batch), [], [], [], set())
    read = []
    for i, (name, data, *hints) in enumerate(batch):
        hints = hints[0] if hints else {}
        try:
            raw_text, text, warnings = read_input(data)
            source = sources.get(hints.get("source"))
        except IngestError as error:
            done.results[i] = IngestResult(None, False, "failed", str(error), name=name)
            continue
        read.append((i, name, raw_text, text, warnings, source, hints.get("url") or ""))
    keys = [content_hash(r[3]) for r in read]
    existing = _stored(keys)
    earlier = set().union(*(b.keys for b in waiting))
    to_extract = []
    for (i, name, raw_text, text, warnings, source, url), key in zip(read, keys, strict=True):
        if key in existing:
            done.results[i] = _duplicate(existing[key], name, warnings)
        elif key in done.keys or key in earlier:
            done.copies.append((i, name, warnings, key))
        else:
            done.keys.add(key)
            done.pending.append((i, _Pending(name, raw_text, key, None, "", warnings, source, url)))
            to_extract.append((text, _hints(source, url)))
    done.extracting = submit(to_extract)
    return done


def _store_batch(batch: _Batch, *, together: bool, user, is_demo) -> list[IngestResult]:
    results = batch.results
    extracted = chain.from_iterable(
        job.result() if isinstance(job, Future) else job for job in batch.extracting
    )
    pending = [
        (i, replace(text, extraction=extraction, error=error))
        for (i, text), (extraction, error) in zip(batch.pending, extracted, strict=True)
    ]
    options = {"user": user, "is_demo": is_demo}
    one_by_one = pending
    if together and len(pending) > 1:
        try:
            with transaction.atomic():
                articles = _write([p for _, p in pending], **options)
        except DatabaseError:
            logger.info("a batch of %s was refused; storing its texts one by one", len(pending))
        else:
            for (i, p), article in zip(pending, articles, strict=True):
                results[i] = _created(article, p)
            one_by_one = []
    for i, p in one_by_one:
        results[i] = _store(p, **options)
    if batch.copies:
        stored = _stored({c[3] for c in batch.copies})
        for i, name, warnings, key in batch.copies:
            results[i] = _duplicate(stored[key], name, warnings)
    return results


def _store(pending: _Pending, **options) -> IngestResult:
    """Store one text in its own transaction; what the database refuses is kept as a failed article."""
    try:
        with transaction.atomic():
            return _created(_write([pending], **options)[0], pending)
    except IntegrityError as error:
        if _constraint(error) == UNIQUE_HASH:
            logger.info("%r was stored by a concurrent ingest first", pending.name or pending.content_hash)
            return _duplicate(_stored([pending.content_hash])[pending.content_hash], pending.name, [])
        problem = error
    except DatabaseError as error:
        problem = error
    if pending.extraction is None:
        raise problem
    logger.warning("storing %r failed, keeping it as failed: %s", pending.name, problem)
    reason = f"the database refused what the extractor found: {str(problem).strip()}"
    return _store(replace(pending, extraction=None, error=reason), **options)


def _write(pending: list[_Pending], *, user, is_demo) -> list[Article]:
    """Insert the articles and all their rows; the caller holds the transaction."""
    user = user if user is not None and user.is_authenticated else None
    now = timezone.now()
    articles = []
    for p in pending:
        article = Article(
            raw_text=p.raw_text,
            content_hash=p.content_hash,
            source=p.source,
            url=fit(p.url, 1000),
            ingested_by=user,
            ingested_at=now,
            is_demo=is_demo,
        )
        fill_article(article, p.extraction, p.error)
        if not article.title:
            article.title = _first_line(text_of(p.raw_text)) or p.name or "(không có tiêu đề)"
        articles.append(article)
    linker = PersonLinker(
        [(a.province_id, p.extraction) for a, p in zip(articles, pending, strict=True) if p.extraction]
    )
    meetings = [new_meetings(a, p.extraction, Kept()) for a, p in zip(articles, pending, strict=True)]
    for article, its_meetings in zip(articles, meetings, strict=True):
        # As the triggers would set them from the meetings (migration 0020): the row is written once.
        article.kinds = sorted({meeting.kind for meeting in its_meetings})

    def the_rest():
        """The articles' other rows, built while the server stores the articles."""
        appearances, indicators = [], []
        for article, p, its_meetings in zip(articles, pending, meetings, strict=True):
            rows = new_mentions(article, p.extraction, linker, Kept(), its_meetings)
            appearances += rows[0]
            indicators += rows[1]
        return [
            (Meeting, list(chain.from_iterable(meetings))),
            (Person, linker.new),
            (Appearance, appearances),
            (Indicator, indicators),
        ]

    copy_in((Article, articles), then=the_rest)
    return articles


# --- small helpers -----------------------------------------------------------------------------------


def _source(source: Source | str | None) -> Source | None:
    if source is None or isinstance(source, Source):
        return source
    name = source.strip()
    if not name:
        return None
    longest = Source._meta.get_field("name").max_length
    if len(name) > longest:
        raise IngestError(f"the source name is too long: {len(name)} characters, at most {longest}")
    found = Source.objects.select_related("default_province").filter(name=name).first()
    return found or Source.objects.get_or_create(name=name)[0]


class _Sources:
    """The sources of a run of ingest_many, looked up once per name."""

    def __init__(self, default: Source | str | None):
        self.default = _source(default)
        self.by_name: dict[str, Source | None] = {}

    def get(self, source: Source | str | None) -> Source | None:
        if source is None:
            return self.default
        if isinstance(source, Source):
            return source
        if source not in self.by_name:
            self.by_name[source] = _source(source)
        return self.by_name[source]


def _hints(source: Source | None, url: str) -> dict:
    hints = {}
    if url:
        hints["url"] = url
    if source is not None:
        hints["source"] = source.name
        if source.default_province_id:
            hints["province"] = source.default_province.name
    return hints


def _stored(keys) -> dict[str, Article]:
    """The stored articles with these content hashes, by hash."""
    if not keys or not Article.objects.filter(content_hash__in=keys).values("pk").exists():
        return {}  # the common case, checked without building the full row (search vector and all)
    articles = Article.objects.filter(content_hash__in=keys).defer("raw_text", "body", "search")
    return {a.content_hash: a for a in articles}


def _created(article: Article, pending: _Pending) -> IngestResult:
    warnings = list(pending.warnings) + (pending.extraction.warnings if pending.extraction else [])
    if article.status == Article.Status.FAILED:
        return IngestResult(article, True, "failed", article.status_message, warnings, pending.name)
    message = "created" + (f" ({article.status_message})" if article.status_message else "")
    return IngestResult(article, True, "created", message, warnings, pending.name)


def _duplicate(article: Article, name: str, warnings: list[str]) -> IngestResult:
    message = f"already in the archive as article #{article.pk}"
    return IngestResult(article, False, "duplicate", message, list(warnings), name)


def _constraint(error: IntegrityError) -> str | None:
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None)


def _first_line(text: str) -> str:
    return next((line.strip()[:300] for line in text.splitlines() if line.strip()), "")

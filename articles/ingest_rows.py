"""What an extraction becomes in the database: the article's fields and its new rows.

Part of the one write path (articles/ingest.py), which inserts what these functions build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection

from .extraction.types import Extraction
from .ingest_input import fit
from .ingest_people import PersonLinker
from .models import (
    AdministrativeUnit,
    Appearance,
    Article,
    Indicator,
    Level,
    Meeting,
    MeetingKind,
    Role,
    UnitClass,
    period_fields,
)

# numeric(24, 6) holds 18 digits before the point; a larger "figure" is a misread, not a figure.
_LARGEST_VALUE = Decimal(10) ** 18
_UNITS: dict[str, dict[str, tuple[int, int | None]]] = {}
# Enum .values builds a new list on every call; these are asked once per row.
_LEVELS, _MEETING_KINDS = frozenset(Level.values), frozenset(MeetingKind.values)
_ROLES, _UNIT_CLASSES = frozenset(Role.values), frozenset(UnitClass.values)


# The article's fields the extractor sets. Staff corrections of them (Article.corrected) stay: a period
# is corrected as a whole, its fields being one reading of the text.
PERIOD_FIELDS = tuple(period_fields(None))
EXTRACTED_FIELDS = (
    "title",
    "body",
    "published",
    "author",
    "province",
    "locality",
    "locality_name",
    "level",
    *PERIOD_FIELDS,
    "date",
)


def fill_article(article: Article, extraction: Extraction | None, error: str) -> None:
    """Set the article's fields from the extraction (all cleared when the extractor failed), but for
    those staff corrected (Article.corrected)."""
    ex = extraction or Extraction()
    units = _units()
    province, _ = units.get(ex.province_code, (None, None))
    locality, locality_parent = units.get(ex.locality_code, (None, None))
    values = {
        "title": ex.title,
        "body": ex.body,
        "published": ex.published,
        "author": fit(ex.author or "", 200),
        "province_id": province,
        "locality_id": locality if locality_parent is not None and locality_parent == province else None,
        "locality_name": fit(ex.locality or "", 100),
        "level": ex.level if ex.level in _LEVELS else "",
        **period_fields(ex.period),
        "date": next((m.date for m in ex.meetings if m.date), None) or ex.published,
    }
    kept = set(article.corrected)
    if kept & set(PERIOD_FIELDS):
        kept |= set(PERIOD_FIELDS)
    for name, value in values.items():
        if name.removesuffix("_id") not in kept:
            setattr(article, name, value)
    article.status, article.status_message = _status(extraction, error, article.province_id)


def _status(extraction: Extraction | None, error: str, province) -> tuple[str, str]:
    if extraction is None:
        return Article.Status.FAILED, error or "the extractor failed"
    missing = []
    if not extraction.meetings:
        missing.append("no meeting found")
    if province is None:
        missing.append("no province found")
    if len(missing) == 2 and not (extraction.people or extraction.indicators or extraction.period):
        return (
            Article.Status.FAILED,
            "the extractor found nothing: no meeting, province, period, people or figures",
        )
    if missing:
        return Article.Status.PARTIAL, "; ".join(missing)
    return Article.Status.OK, ""


@dataclass
class Kept:
    """Rows a person corrected, which re-extraction keeps; new rows they already cover are skipped."""

    meetings: list = field(default_factory=list)
    appearances: list = field(default_factory=list)
    indicators: list = field(default_factory=list)

    def covers_meeting(self, m) -> bool:
        return any(k.locked and (k.date, k.kind) == (m.date, m.kind) for k in self.meetings)

    def covers_span(self, rows, start: int, end: int, name: str | None = None) -> bool:
        return any(
            k.locked and ((k.start < end and start < k.end) or (name is not None and k.name == name))
            for k in rows
        )


def new_rows(article: Article, extraction: Extraction | None, linker: PersonLinker, kept: Kept):
    """The article's new meetings, appearances and indicators (unsaved), skipping what `kept` covers."""
    meetings = new_meetings(article, extraction, kept)
    return meetings, *new_mentions(article, extraction, linker, kept, meetings)


def new_meetings(article: Article, extraction: Extraction | None, kept: Kept) -> list[Meeting]:
    """The article's new meetings (unsaved), skipping those `kept` covers."""
    if extraction is None:
        return []
    return [
        Meeting(article=article, date=m.date, organ=fit(m.organ, 300), kind=m.kind, position=n)
        for n, m in enumerate(extraction.meetings)
        if m.kind in _MEETING_KINDS and not kept.covers_meeting(m)
    ]


def new_mentions(
    article: Article, extraction: Extraction | None, linker: PersonLinker, kept: Kept, meetings: list[Meeting]
) -> tuple[list[Appearance], list[Indicator]]:
    """The article's new appearances and indicators (unsaved), given its new `meetings`."""
    if extraction is None:
        return [], []
    every_meeting = kept.meetings + meetings
    # With one meeting every person and figure belongs to it; with several the extractor does not say.
    meeting = every_meeting[0] if len(every_meeting) == 1 else None
    appearances = []
    for n, a in enumerate(extraction.people):
        start, end = _span(a.start, a.end)
        if not a.name.strip() or kept.covers_span(kept.appearances, start, end, a.name):
            continue
        person = linker.person(a.name, a.titles, article)
        appearances.append(
            Appearance(
                article=article,
                meeting=meeting,
                person=person,
                name=fit(a.name, 100),
                titles=[fit(t, 300) for t in a.titles],
                roles=[r for r in a.roles if r in _ROLES],
                start=start,
                end=end,
                position=n,
            )
        )
    indicators = []
    for n, i in enumerate(extraction.indicators):
        start, end = _span(i.start, i.end)
        if abs(i.value) >= _LARGEST_VALUE or kept.covers_span(kept.indicators, start, end):
            continue
        unit_class = i.unit_class if i.unit_class in _UNIT_CLASSES else UnitClass.OTHER
        indicators.append(
            Indicator(
                article=article,
                meeting=meeting,
                label=fit(i.label, 300),
                value=i.value,
                unit=fit(i.unit, 100),
                denominator=i.denominator,
                qualifier=fit(i.qualifier or "", 10),
                unit_class=unit_class,
                normalised_value=i.normalised_value,
                text=i.text,
                start=start,
                end=end,
                position=n,
            )
        )
    return appearances, indicators


def _units() -> dict[str, tuple[int, int | None]]:
    """Gazetteer code -> (id, parent id), read once per database: the units are the data a migration
    loads, and their codes are read-only in the admin."""
    database = connection.settings_dict["NAME"]
    if database not in _UNITS:
        rows = AdministrativeUnit.objects.values_list("code", "pk", "parent_id")
        _UNITS[database] = {code: (pk, parent) for code, pk, parent in rows}
    return _UNITS[database]


def _span(start: int, end: int) -> tuple[int, int]:
    start = max(0, start or 0)
    return start, max(start, end or 0)

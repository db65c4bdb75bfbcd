"""Read a Party-committee meeting report into plain dataclasses (see ../shared/EXTRACTION.md).

    extract(text, hints) -> Extraction

Stages, in order: normalise -> clean -> header (title, stamp, byline) -> committee (organ, meetings)
-> dates (period, meeting dates) -> place (level, province, locality) -> people -> indicators.
Pure Python: no Django import, so it can be read, tested and benchmarked alone.
"""

from __future__ import annotations

import datetime as dt

from . import clean, normalise
from .committee import find_organs, read_committee
from .dates import read_dates
from .header import read_header
from .indicators import find_indicators
from .people import find_people
from .places import locate
from .types import Appearance, Extraction, Indicator, Meeting, Period

__all__ = ["Appearance", "Extraction", "Indicator", "Meeting", "Period", "extract"]


def _iso_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def extract(text: str, hints: dict | None = None) -> Extraction:
    """Everything the archive reads out of one article. `hints` may carry `url`, `source` (publisher's
    name), `province` (the source's default province) and `published` (ISO date). Never raises on a str:
    a stage that fails leaves its fields empty and says so in `warnings`."""
    hints = hints if isinstance(hints, dict) else {}
    result = Extraction()
    try:
        cleaned = clean.clean(normalise.normalise(text))
        header = read_header(cleaned, _iso_date(hints.get("published")))
    except Exception as exc:  # the contract is to never raise: report the stage that failed
        result.warnings.append(f"header: {exc!r}")
        return result
    result.title, result.body = header.title, header.body
    result.published, result.author = header.published, header.author
    result.source_hint = cleaned.source_hint

    paragraphs = header.paragraphs()
    try:
        reading = read_committee(header.title, paragraphs)
        dating = read_dates(
            header.title, paragraphs, [m.sentence for m in reading.meetings], header.published, header.body
        )
    except Exception as exc:
        result.warnings.append(f"committee: {exc!r}")
    else:
        result.meetings = [
            Meeting(date=date, organ=m.organ.text, kind=m.kind)
            for m, date in zip(reading.meetings, dating.dates, strict=True)
        ]
        # A congress looks back on a whole term, not on a period of the year.
        congress = bool(result.meetings) and result.meetings[0].kind == "đại hội"
        result.period = None if congress else dating.period
        try:
            place = locate(
                reading.organ,
                find_organs(header.title) + find_organs(header.body),
                header.title,
                header.body,
                date=header.published
                or next((d for d in dating.dates if d), None)
                or (dating.period.bounds()[1] if dating.period else None),
                hints=hints,
                source_hint=cleaned.source_hint,
                site_lines=cleaned.site_lines,
                credited=header.source,
            )
        except Exception as exc:
            result.warnings.append(f"place: {exc!r}")
        else:
            result.level, result.locality, result.locality_code = (
                place.level,
                place.locality,
                place.locality_code,
            )
            if place.province is not None:
                result.province, result.province_code = place.province.name, place.province.code

    try:
        result.people = find_people(header.body)
    except Exception as exc:
        result.warnings.append(f"people: {exc!r}")
    try:
        result.indicators = find_indicators(header.body)
    except Exception as exc:
        result.warnings.append(f"indicators: {exc!r}")
    return result

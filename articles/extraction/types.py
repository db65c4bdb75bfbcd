"""What the extractor returns: plain dataclasses, no Django.

Spans (`start`, `end`) are character offsets into `Extraction.body`, the cleaned
article text without its headline, so every fact can be traced to its evidence.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

LEVELS = ("province", "city", "district", "town", "commune")
PERIOD_KINDS = ("month", "quarter", "half", "months", "year")
MEETING_KINDS = ("sơ kết", "tổng kết", "giao ban", "đại hội", "hội nghị")
ROLES = ("chair", "attend", "speak", "report", "mentioned")
QUALIFIERS = ("gần", "trên", "hơn", "khoảng", "ước")
UNIT_CLASSES = ("money", "percent", "ratio", "count", "other")

# Multipliers that bring a money unit to đồng.
_MONEY_SCALE = (
    ("nghìn tỷ", 10**12),
    ("ngàn tỷ", 10**12),
    ("tỷ", 10**9),
    ("tỉ", 10**9),
    ("triệu", 10**6),
    ("nghìn", 10**3),
    ("ngàn", 10**3),
    ("đồng", 1),
)


@dataclass
class Period:
    """The period a report covers: a month, quarter, half, first N months or a year."""

    kind: str
    year: int
    month: int | None = None
    quarter: int | None = None
    half: int | None = None
    months: int | None = None

    def as_dict(self) -> dict:
        d = {"kind": self.kind, "year": self.year}
        for key in ("month", "quarter", "half", "months"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d

    def bounds(self) -> tuple[dt.date, dt.date]:
        """First and last day covered, for range filters."""
        first, last = 1, 12
        if self.kind == "month":
            first = last = self.month
        elif self.kind == "quarter":
            first, last = 3 * self.quarter - 2, 3 * self.quarter
        elif self.kind == "half":
            first, last = (1, 6) if self.half == 1 else (7, 12)
        elif self.kind == "months":
            last = self.months
        end_day = calendar.monthrange(self.year, last)[1]
        return dt.date(self.year, first, 1), dt.date(self.year, last, end_day)


@dataclass
class Meeting:
    """A meeting held by a Party committee or one of its bodies."""

    date: dt.date | None
    organ: str
    kind: str

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat() if self.date else None,
            "organ": self.organ,
            "kind": self.kind,
        }


@dataclass
class Appearance:
    """A person named in the article, with titles in the article's order."""

    name: str
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict:
        return {"name": self.name, "titles": list(self.titles), "roles": list(self.roles)}


@dataclass
class Indicator:
    """A reported figure and the text it came from."""

    label: str
    value: Decimal
    unit: str
    denominator: Decimal | None = None
    qualifier: str | None = None
    text: str = ""
    start: int = 0
    end: int = 0

    @property
    def unit_class(self) -> str:
        unit = self.unit.casefold()
        if self.denominator is not None:
            return "ratio"
        if "%" in unit or "phần trăm" in unit:
            return "percent"
        if "đồng" in unit:
            return "money"
        if unit:
            return "count"
        return "other"

    @property
    def normalised_value(self) -> Decimal | None:
        """Money in đồng; other figures as they are."""
        if self.unit_class != "money":
            return self.value
        unit = self.unit.casefold()
        scale = next((factor for word, factor in _MONEY_SCALE if unit.startswith(word)), 1)
        return self.value * scale

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "value": _number(self.value),
            "unit": self.unit,
            "denominator": _number(self.denominator),
            "qualifier": self.qualifier,
            "text": self.text,
        }


@dataclass
class Extraction:
    """Everything read out of one article."""

    title: str = ""
    body: str = ""
    published: dt.date | None = None
    author: str | None = None
    province: str | None = None  # canonical name, as in the gazetteer
    province_code: str | None = None  # gazetteer code of that province
    level: str | None = None
    locality: str | None = None  # unit name without "huyện"/"xã"…
    locality_code: str | None = None  # gazetteer code when the locality is a district-level unit
    period: Period | None = None
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Appearance] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    source_hint: str | None = None  # a source prefix read from the text ("ĐTO", "QBĐT")
    warnings: list[str] = field(default_factory=list)

    def as_json(self, file: str | None = None) -> dict:
        """The JSON object `manage.py extract --json` prints (EXTRACTION.md)."""
        d = {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "author": self.author,
            "province": self.province,
            "level": self.level,
            "locality": self.locality,
            "period": self.period.as_dict() if self.period else None,
            "meetings": [m.as_dict() for m in self.meetings],
            "people": [p.as_dict() for p in self.people],
            "indicators": [i.as_dict() for i in self.indicators],
        }
        return {"file": file, **d} if file is not None else d


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)

"""Plain factory functions for tests: texts we write ourselves, saved straight to the database.

Tests of ingestion go through articles.ingest; these are for tests of reading (models, search, pages).
"""

import datetime as dt
import hashlib
import itertools

from articles.extraction.types import Period
from articles.models import Appearance, Article, Indicator, Meeting, Person, period_fields

_counter = itertools.count(1)


def make_article(title=None, body="Nội dung bài viết.", period: Period | None = None, **fields):
    """An article; `period` (e.g. Period("month", 2023, month=11)) sets every period field."""
    n = next(_counter)
    if period:
        fields.update(period_fields(period))
    title = title or f"Ban Thường vụ Tỉnh ủy sơ kết công tác tháng {n % 12 + 1}"
    raw = fields.pop("raw_text", f"{title}\n{body}")
    fields.setdefault("date", dt.date(2023, 12, 1))
    fields.setdefault("content_hash", hashlib.sha256(f"{raw}\0{n}".encode()).hexdigest())
    return Article.objects.create(title=title, body=body, raw_text=raw, **fields)


def make_meeting(article, **fields):
    fields.setdefault("organ", "Ban Thường vụ Tỉnh ủy")
    fields.setdefault("kind", "sơ kết")
    fields.setdefault("date", article.date)
    return Meeting.objects.create(article=article, **fields)


def make_person(name="Ngô Chí Cường", **fields):
    return Person.objects.create(name=name, **fields)


def make_appearance(article, person=None, **fields):
    name = fields.pop("name", person.name if person else "Ngô Chí Cường")
    fields.setdefault("titles", ["Bí thư Tỉnh ủy"])
    fields.setdefault("roles", ["chair"])
    return Appearance.objects.create(article=article, person=person, name=name, **fields)


def make_indicator(article, **fields):
    fields.setdefault("label", "Tổng thu ngân sách nhà nước")
    fields.setdefault("value", 15300)
    fields.setdefault("unit", "tỷ đồng")
    fields.setdefault("unit_class", "money")
    return Indicator.objects.create(article=article, **fields)

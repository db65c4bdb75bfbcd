"""A search reads only the newest matches (SEARCH_LIMIT): the cap that keeps common words fast."""

import datetime as dt

from articles.models import Article

from .factories import make_article


def test_search_keeps_only_the_newest_matches(db):
    for day in (1, 2, 3, 4):
        make_article(body="Hội nghị bàn về chuyển đổi số.", date=dt.date(2024, 5, day))
    make_article(body="Không liên quan.", date=dt.date(2024, 5, 9))

    found = Article.objects.search("chuyển đổi số", limit=3)

    assert found.count() == 3
    assert sorted(a.date.day for a in found) == [2, 3, 4]


def test_search_limit_applies_after_the_other_filters(db):
    make_article(body="Sơ kết chuyển đổi số.", date=dt.date(2024, 5, 1), level="district")
    make_article(body="Sơ kết chuyển đổi số.", date=dt.date(2024, 5, 2), level="province")

    found = Article.objects.filter(level="district").search("chuyển đổi số", limit=1)

    assert [a.level for a in found] == ["district"]


def test_search_ranks_within_the_newest_matches(db):
    make_article(title="Chuyển đổi số", body="Chuyển đổi số, chuyển đổi số.", date=dt.date(2020, 1, 1))
    newer = make_article(body="Có nói đến chuyển đổi số.", date=dt.date(2024, 1, 1))

    found = Article.objects.search("chuyển đổi số", limit=1).order_by("-rank")

    assert list(found) == [newer]

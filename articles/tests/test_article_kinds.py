"""Article.kinds, the kinds of an article's meetings on its own row (migration 0020): the write path sets
them with the article, triggers keep them as the meetings change, and a search finds a chosen kind in the
index of words by week."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import tsquery
from articles.filters import ArticleFilter
from articles.ingest import ingest_text
from articles.models import Article, Meeting

from .factories import make_article, make_meeting
from .texts import TRA_VINH


def kinds_of_meetings(article):
    return sorted(set(article.meetings.values_list("kind", flat=True)))


def stored_kinds(article):
    return sorted(Article.objects.values_list("kinds", flat=True).get(pk=article.pk))


def article_writes():
    """Rows of articles inserted and updated so far in this test's transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'articles_article'"
        )
        return cursor.fetchone() or (0, 0)


def test_ingest_writes_the_kinds_of_the_meetings_with_the_article_row_once(db):
    """Right at insert, so the triggers find nothing to change: an update would enter the row again in
    every index of the article."""
    inserted, updated = article_writes()
    article = ingest_text(TRA_VINH).article

    assert stored_kinds(article) == kinds_of_meetings(article) == ["sơ kết"]
    assert article_writes() == (inserted + 1, updated)


def test_kinds_follow_meetings_added_changed_and_deleted(db):
    article = make_article()
    assert stored_kinds(article) == []

    make_meeting(article, kind="giao ban")
    make_meeting(article, kind="sơ kết")
    assert stored_kinds(article) == ["giao ban", "sơ kết"]

    Meeting.objects.filter(article=article, kind="sơ kết").update(kind="đại hội")
    assert stored_kinds(article) == kinds_of_meetings(article) == ["giao ban", "đại hội"]

    Meeting.objects.filter(article=article).delete()
    assert stored_kinds(article) == []


def test_saving_an_article_read_before_its_meetings_changed_keeps_their_kinds(db):
    article = make_article()  # kinds [] in memory
    make_meeting(article, kind="tổng kết")

    article.title = "Sửa tiêu đề"
    article.save()

    assert stored_kinds(article) == ["tổng kết"]
    article.refresh_from_db()
    assert article.title == "Sửa tiêu đề"


def test_a_chosen_kind_is_a_term_the_index_of_words_by_week_answers(db):
    day = dt.date(2024, 5, 2)
    for kind in ("đại hội", "giao ban"):
        make_meeting(make_article(body="Tỉnh ủy họp.", date=day), kind=kind)
    filterset = ArticleFilter({"q": "tỉnh ủy", "kind": "đại hội"}, queryset=Article.objects.public())

    with CaptureQueriesContext(connection) as context:
        listed = list(filterset.qs)

    assert [kinds_of_meetings(article) for article in listed] == [["đại hội"]]
    week = tsquery.week_of(day)
    assert any(f"''{week}_~kind:đại hội''" in q["sql"] for q in context.captured_queries)

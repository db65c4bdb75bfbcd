"""Ingestion stores a text with what the extractor reads in it, once, in one transaction."""

import datetime as dt
import multiprocessing
import os
import threading
import time
from concurrent.futures import Future

import pytest
from django.db import connection, transaction
from psycopg import pq

from articles import bulk, ingest, ingest_input, models
from articles.extraction.types import Extraction, Meeting, Period
from articles.generator import generate
from articles.ingest import ingest_many, ingest_text
from articles.models import Appearance, Article, Indicator, Person, Source

from .texts import TRA_VINH, WEATHER, report

pytestmark = pytest.mark.django_db


def test_ingest_stores_the_article_with_its_meeting_period_and_province(tra_vinh):
    result = ingest_text(TRA_VINH)

    assert (result.status, result.created) == ("created", True)
    article = result.article
    assert article.title == "Ban Thường vụ Tỉnh ủy Trà Vinh sơ kết công tác 6 tháng đầu năm 2024"
    assert article.province == tra_vinh
    assert article.level == "province"
    assert (article.period_kind, article.period_year, article.period_half) == ("half", 2024, 1)
    assert (article.period_start, article.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    assert article.date == dt.date(2024, 7, 5)
    assert [(m.kind, m.date) for m in article.meetings.all()] == [("sơ kết", dt.date(2024, 7, 5))]
    assert article.status == "ok", article.status_message


def test_raw_text_is_stored_exactly_as_given():
    raw = "\r\n  " + TRA_VINH.replace("\n", "\r\n") + "\t \r\n"

    article = ingest_text(raw).article

    article.refresh_from_db()
    assert article.raw_text == raw


def test_the_same_content_with_other_spaces_and_tone_marks_is_a_duplicate():
    first = ingest_text(TRA_VINH)
    retyped = TRA_VINH.replace("Tỉnh ủy", "Tỉnh uỷ").replace(" ", "  ").replace("\n", "\r\n\r\n")

    again = ingest_text(retyped)

    assert (again.status, again.created) == ("duplicate", False)
    assert again.article == first.article
    assert f"#{first.article.pk}" in again.message
    assert Article.objects.count() == 1


def test_other_words_are_another_article():
    ingest_text(TRA_VINH)

    other = ingest_text(TRA_VINH.replace("412 đảng viên", "413 đảng viên"))

    assert other.status == "created"
    assert Article.objects.count() == 2


def test_source_given_by_name_is_created_once_and_reused():
    a = ingest_text(TRA_VINH, source="Báo Trà Vinh").article
    b = ingest_text(report(day="6/8/2024"), source="Báo Trà Vinh").article

    assert a.source == b.source
    assert Source.objects.filter(name="Báo Trà Vinh").count() == 1


def test_the_source_default_province_places_an_article_that_names_none(tra_vinh):
    source = Source.objects.create(name="Cổng thông tin", default_province=tra_vinh)
    text = report(province="").replace("Tỉnh ủy  ", "Tỉnh ủy ")

    article = ingest_text(text, source=source).article

    assert article.province == tra_vinh


def test_the_url_domain_places_an_article_that_names_no_province(tra_vinh):
    text = report(province="").replace("Tỉnh ủy  ", "Tỉnh ủy ")

    article = ingest_text(text, url="https://travinh.gov.vn/tin-tuc/so-ket.html").article

    assert article.province == tra_vinh
    assert article.url == "https://travinh.gov.vn/tin-tuc/so-ket.html"


def test_ingest_records_who_ingested_it_and_the_demo_flag(django_user_model):
    user = django_user_model.objects.create_user("bientap", password="x")

    article = ingest_text(TRA_VINH, user=user, is_demo=True).article

    article.refresh_from_db()
    assert article.ingested_by == user
    assert article.ingested_at is not None
    assert article.is_demo


def test_an_article_without_a_meeting_is_partial_and_says_so(tra_vinh):
    text = (
        "Huyện Trà Cú trao học bổng cho học sinh nghèo\n"
        "Sáng 3/9/2024, huyện Trà Cú, tỉnh Trà Vinh trao 50 suất học bổng cho học sinh nghèo vượt khó.\n"
    )

    result = ingest_text(text)

    assert result.status == "created"
    assert result.article.status == "partial"
    assert result.article.status_message == "no meeting found"
    assert result.article.province == tra_vinh
    assert "no meeting found" in result.message


def test_a_text_with_nothing_to_extract_is_stored_as_failed_with_the_reason():
    result = ingest_text(WEATHER)

    article = Article.objects.get()
    assert result.status == "failed"
    assert article.status == "failed"
    assert "found nothing" in article.status_message
    assert article.raw_text == WEATHER
    assert article.title == "Trời nắng nóng kéo dài"


def test_an_extractor_crash_still_stores_the_raw_text_as_failed(monkeypatch):
    def crash(text, hints):
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(ingest_input, "extract", crash)

    result = ingest_text(TRA_VINH)

    article = Article.objects.get()
    assert (result.status, article.status) == ("failed", "failed")
    assert "RuntimeError: stage exploded" in article.status_message
    assert article.raw_text == TRA_VINH
    assert not article.meetings.exists()


def test_what_the_database_refuses_leaves_no_half_article_and_keeps_the_raw_text(monkeypatch):
    # A period the check constraint refuses, after a meeting row that would have been valid.
    def impossible(text, hints):
        return Extraction(
            title="Hội nghị",
            body=text,
            meetings=[Meeting(date=dt.date(2024, 7, 5), organ="Tỉnh ủy", kind="sơ kết")],
            period=Period(kind="year", year=2999),
        )

    monkeypatch.setattr(ingest_input, "extract", impossible)

    result = ingest_text(TRA_VINH)

    article = Article.objects.get()
    assert (result.status, article.status) == ("failed", "failed")
    assert "article_valid_period" in article.status_message
    assert article.raw_text == TRA_VINH
    assert article.period_year is None
    assert not article.meetings.exists()


def test_ingest_many_yields_one_result_per_item_in_order():
    items = [("a.txt", TRA_VINH.encode()), ("b.txt", b""), ("c.txt", TRA_VINH), ("d.txt", WEATHER)]

    results = list(ingest_many(items))

    assert [(r.name, r.status) for r in results] == [
        ("a.txt", "created"),
        ("b.txt", "failed"),
        ("c.txt", "duplicate"),
        ("d.txt", "failed"),
    ]
    assert results[1].message == "empty text"
    assert results[2].article == results[0].article


def test_bulk_mode_stores_what_one_by_one_stores():
    texts = [report(day=f"{d}/7/2024") for d in range(1, 6)]
    items = [(f"{n}.txt", t) for n, t in enumerate(texts)] + [("copy.txt", texts[0]), ("empty.txt", " ")]
    progress = []

    results = list(ingest_many(items, bulk=True, batch_size=4, progress=progress.append))

    assert [r.status for r in results] == ["created"] * 5 + ["duplicate", "failed"]
    assert results[5].article == results[0].article
    assert sum(progress) == len(items)
    bulk = Article.objects.order_by("pk")
    assert [a.date for a in bulk] == [dt.date(2024, 7, d) for d in range(1, 6)]
    assert all(a.meetings.count() == 1 and a.province.slug == "tra-vinh" for a in bulk)


@pytest.mark.parametrize("few_rows", [bulk._FEW_ROWS, 5], ids=["articles inserted", "articles copied"])
def test_a_batch_copied_in_bulk_stores_the_rows_one_by_one_inserts(monkeypatch, few_rows):
    # Ten generated articles make about 200 rows: stored together they are copied, one by one each
    # article's few rows are inserted (articles/bulk.py). With more articles than the few rows sent as
    # INSERTs, the articles are copied too and their other rows are built meanwhile.
    monkeypatch.setattr(bulk, "_FEW_ROWS", few_rows)
    items = [(a.name, a.text) for a in generate(10, seed=5)]
    list(ingest_many(items, workers=0))
    one_by_one = everything_stored()
    Article.objects.all().delete()
    Person.objects.all().delete()

    list(ingest_many(items, bulk=True, workers=0))

    assert sum(len(rows) for table, rows in one_by_one.items() if table != "counts") > bulk._FEW_ROWS
    assert everything_stored() == one_by_one


@pytest.mark.parametrize(
    ("few_rows", "while_copying"),
    [(100, False), (2, True)],
    ids=["few rows: one insert after then()", "many: then() while they are copied"],
)
def test_copy_in_inserts_what_then_returns_after_the_first_groups(monkeypatch, few_rows, while_copying):
    monkeypatch.setattr(bulk, "_FEW_ROWS", few_rows)
    first = [Source(name=f"Báo {n}") for n in range(3)]
    later = Source(name="Báo sau")
    status = []

    def then():
        status.append(connection.connection.pgconn.transaction_status == pq.TransactionStatus.ACTIVE)
        return [(Source, [later])]

    bulk.copy_in((Source, first), then=then)

    assert status == [while_copying]  # the connection busy copying the first groups, or not
    assert all(not s._state.adding for s in [*first, later])
    stored = dict(Source.objects.values_list("pk", "name"))
    assert stored == {s.pk: s.name for s in [*first, later]}


def test_an_error_building_the_rest_during_the_copy_reaches_the_caller_and_stores_nothing(monkeypatch):
    monkeypatch.setattr(bulk, "_FEW_ROWS", 2)
    first = [Source(name=f"Báo {n}") for n in range(3)]

    def then():
        raise ValueError("building the rest failed")

    with pytest.raises(ValueError, match="building the rest failed"), transaction.atomic():
        bulk.copy_in((Source, first), then=then)

    assert not Source.objects.exists()  # and the connection is usable again


def everything_stored() -> dict[str, list]:
    """The archive's rows without their ids and times, which differ from one ingest to the next."""
    by_article = ("article__content_hash", "position")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM articles_facetcount WHERE articles <> 0 ORDER BY 1, 2, 3, 4")
        counts = cursor.fetchall()
    return {
        "articles": list(
            Article.objects.order_by("content_hash").values_list(
                "content_hash",
                "raw_text",
                "title",
                "body",
                "published",
                "author",
                "province",
                "locality",
                "locality_name",
                "level",
                "period_kind",
                "period_year",
                "period_months",
                "period_start",
                "period_end",
                "date",
                "status",
                "status_message",
                "source",
                "url",
            )
        ),
        "meetings": list(
            models.Meeting.objects.order_by(*by_article).values_list(*by_article, "date", "organ", "kind")
        ),
        "people": list(
            Person.objects.order_by("name", "province").values_list("name", "province", "needs_review")
        ),
        "appearances": list(
            Appearance.objects.order_by(*by_article).values_list(
                *by_article,
                "meeting__position",
                "person__name",
                "person__province",
                "name",
                "titles",
                "roles",
                "start",
                "end",
            )
        ),
        "indicators": list(
            Indicator.objects.order_by(*by_article).values_list(
                *by_article,
                "meeting__position",
                "label",
                "value",
                "unit",
                "denominator",
                "qualifier",
                "unit_class",
                "normalised_value",
                "text",
                "start",
                "end",
            )
        ),
        "counts": counts,
    }


def test_many_texts_one_by_one_find_repeats_across_read_ahead_batches():
    texts = [report(day=f"{d}/5/2024") for d in range(1, 21)]
    items = [(str(n), t) for n, t in enumerate(texts)] + [("again", texts[2])]

    results = list(ingest_many(items, workers=2))

    assert [r.status for r in results] == ["created"] * 20 + ["duplicate"]
    assert results[-1].article == results[2].article
    assert Article.objects.count() == 20


def test_worker_processes_extract_the_texts_in_tasks_and_give_them_back_in_order():
    texts = [(a.text, {"source": "Báo"}) for a in generate(60, seed=3)]
    with ingest._extractor(2) as extract:
        jobs = extract(texts)  # extracted here until a worker has started
        deadline = time.monotonic() + 60
        while not isinstance(jobs[0], Future) and time.monotonic() < deadline:
            jobs = extract(texts)

        assert [type(job) for job in jobs] == [Future] * 3  # 25 texts a task
        extracted = [result for job in jobs for result in job.result()]
        workers = {os.getpriority(os.PRIO_PROCESS, p.pid) for p in multiprocessing.active_children()}
        assert min(os.getpriority(os.PRIO_PROCESS, 0) + 10, 19) in workers  # below this process
    assert extracted == [ingest_input.extract_safely(text, hints) for text, hints in texts]


@pytest.mark.parametrize("bulk", [False, True])
def test_ingest_many_items_may_carry_their_own_url_and_source(bulk, tra_vinh):
    unnamed = report(province="").replace("Tỉnh ủy  ", "Tỉnh ủy ")
    items = [
        ("a", unnamed, {"url": "https://travinh.gov.vn/a.html", "source": "Cổng Trà Vinh"}),
        ("b", TRA_VINH),
    ]

    a, b = (r.article for r in ingest_many(items, source="Báo Trà Vinh", bulk=bulk))

    assert (a.province, a.url, a.source.name) == (tra_vinh, "https://travinh.gov.vn/a.html", "Cổng Trà Vinh")
    assert (b.url, b.source.name) == ("", "Báo Trà Vinh")


def test_bulk_mode_finds_the_articles_already_stored():
    stored = ingest_text(TRA_VINH).article

    results = list(ingest_many([("x", TRA_VINH), ("y", report(day="2/2/2024"))], bulk=True))

    assert [r.status for r in results] == ["duplicate", "created"]
    assert results[0].article == stored


def ingest_at_once(monkeypatch, texts) -> list:
    """Ingest the texts in threads that all get past the duplicate check before any stores."""
    all_extracting = threading.Barrier(len(texts), timeout=10)
    extract = ingest.extract_safely

    def extract_together(text, hints):
        all_extracting.wait()
        return extract(text, hints)

    monkeypatch.setattr(ingest, "extract_safely", extract_together)
    results = []

    def run(text):
        try:
            results.append(ingest_text(text))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# Threads need their own connections and real commits, so these two tests cannot run in a rolled-back
# transaction; serialized_rollback restores the gazetteer the flush afterwards empties.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_ingests_of_one_text_create_one_row(monkeypatch):
    results = ingest_at_once(monkeypatch, [TRA_VINH, TRA_VINH])

    assert sorted(r.status for r in results) == ["created", "duplicate"]
    assert results[0].article.pk == results[1].article.pk
    assert Article.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_ingests_naming_one_new_official_create_one_person(monkeypatch):
    results = ingest_at_once(monkeypatch, [TRA_VINH, report(day="6/8/2024")])

    assert [r.status for r in results] == ["created", "created"], [r.message for r in results]
    assert Person.objects.count() == 1
    assert Person.objects.get().appearances.count() == 2

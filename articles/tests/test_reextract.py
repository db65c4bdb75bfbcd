"""Re-extraction reads the raw text again and replaces only the rows no one has corrected."""

import datetime as dt

import pytest

from articles import ingest_input
from articles.extraction.types import Extraction, Period
from articles.ingest import ingest_text, reextract
from articles.models import Appearance, Person

from .factories import make_appearance, make_indicator, make_person
from .texts import TRA_VINH

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ingest_text(TRA_VINH).article


def test_a_staff_correction_survives_reextraction(article):
    corrected = article.appearances.get()
    corrected.titles = ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy"]
    corrected.locked = True
    corrected.save()

    reextract(article)

    assert list(article.appearances.all()) == [corrected]
    kept = article.appearances.get()
    assert kept.titles == ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy"]
    assert kept.locked


def test_unlocked_rows_are_replaced_by_what_the_extractor_reads(article):
    meeting = article.meetings.get()
    meeting.organ = "Sửa nhầm nhưng chưa khóa"
    meeting.save()

    reextract(article)

    assert [m.organ for m in article.meetings.all()] == ["Ban Thường vụ Tỉnh ủy Trà Vinh"]
    assert not article.meetings.filter(pk=meeting.pk).exists()


def test_locked_meetings_and_figures_added_by_staff_are_kept(article):
    meeting = article.meetings.get()
    meeting.organ = "Ban Thường vụ Tỉnh ủy Trà Vinh (mở rộng)"
    meeting.locked = True
    meeting.save()
    figure = make_indicator(article, label="Kết nạp đảng viên mới", value=412, unit="đảng viên", locked=True)

    reextract(article)

    assert list(article.meetings.all()) == [meeting]
    assert article.meetings.get().organ == "Ban Thường vụ Tỉnh ủy Trà Vinh (mở rộng)"
    assert figure in article.indicators.all()


def test_the_article_fields_are_read_again(article, tra_vinh):
    article.province = None
    article.status, article.status_message = "partial", "no province found"
    article.save()

    reextract(article)

    article.refresh_from_db()
    assert (article.province, article.status, article.status_message) == (tra_vinh, "ok", "")


def test_reextraction_links_the_same_persons_and_drops_those_no_row_names(article):
    person = article.appearances.get().person
    stray = make_person("Trần Văn Giả")
    make_appearance(article, stray, start=0, end=3)

    reextract(article)

    assert [a.person for a in article.appearances.all()] == [person]
    assert not Person.objects.filter(pk=stray.pk).exists()


def test_a_failed_article_is_read_again_once_the_extractor_works(monkeypatch):
    def crash(text, hints):
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(ingest_input, "extract", crash)
    failed = ingest_text(TRA_VINH).article
    assert failed.status == "failed"
    monkeypatch.undo()

    reextract(failed)

    failed.refresh_from_db()
    assert failed.status == "ok"
    assert failed.meetings.count() == 1
    assert Appearance.objects.get(article=failed).name == "Nguyễn Văn Hiếu"


def test_what_the_database_refuses_on_reextraction_leaves_the_article_failed_with_its_corrections(
    article, monkeypatch
):
    corrected = article.appearances.get()
    corrected.locked = True
    corrected.save()

    def impossible(text, hints):
        return Extraction(title="Hội nghị", body=text, period=Period(kind="year", year=2999))

    monkeypatch.setattr(ingest_input, "extract", impossible)

    reextract(article)

    article.refresh_from_db()
    assert article.status == "failed"
    assert "article_valid_period" in article.status_message
    assert list(article.appearances.all()) == [corrected]
    assert not article.meetings.exists()


def test_a_corrected_period_is_kept_whole_and_the_rest_read_again(article):
    extracted = (article.title, article.province_id, article.date)
    article.title = "Sai"
    article.period_kind, article.period_year, article.period_half = "half", 2019, 1
    article.period_month = article.period_quarter = article.period_months = None
    article.period_start, article.period_end = dt.date(2019, 1, 1), dt.date(2019, 6, 30)
    article.corrected = ["period_year"]
    article.save()

    reextract(article)
    article.refresh_from_db()

    assert (article.period_kind, article.period_year, article.period_half) == ("half", 2019, 1)
    assert (article.period_start, article.period_end) == (dt.date(2019, 1, 1), dt.date(2019, 6, 30))
    assert (article.title, article.province_id, article.date) == extracted

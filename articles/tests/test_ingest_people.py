"""People across articles: one Person per official, new persons when unsure, and staff merge or split."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest import ingest_many, ingest_text, merge_people, split_person
from articles.models import Appearance, Person, PersonMerge

from .texts import DONG_THAP, TRA_VINH, report

pytestmark = pytest.mark.django_db


def person_of(result):
    return result.article.appearances.get().person


def test_the_same_name_in_the_same_province_is_one_person(tra_vinh):
    first = person_of(ingest_text(TRA_VINH))
    later = person_of(ingest_text(report(day="4/1/2025", period="năm 2024", kind="tổng kết")))

    assert later == first
    assert (first.name, first.province, first.needs_review) == ("Nguyễn Văn Hiếu", tra_vinh, False)
    assert first.appearances.count() == 2


def test_a_different_diacritic_is_a_different_person(tra_vinh, dong_thap):
    hieu = person_of(ingest_text(TRA_VINH))
    hieu_with_a_hook = person_of(ingest_text(DONG_THAP))

    assert hieu != hieu_with_a_hook
    assert (hieu.name, hieu.province) == ("Nguyễn Văn Hiếu", tra_vinh)
    assert (hieu_with_a_hook.name, hieu_with_a_hook.province) == ("Nguyễn Văn Hiểu", dong_thap)
    assert not hieu.needs_review and not hieu_with_a_hook.needs_review


def test_the_same_name_elsewhere_with_an_agreeing_title_is_the_same_person(tra_vinh):
    first = person_of(ingest_text(TRA_VINH))

    moved = person_of(ingest_text(report(province="Đồng Tháp", day="2/3/2025", period="quý I năm 2025")))

    assert moved == first
    assert moved.province == tra_vinh


def test_the_same_name_elsewhere_without_an_agreeing_title_is_a_new_person_to_review(dong_thap):
    first = person_of(ingest_text(TRA_VINH))

    unclear = person_of(ingest_text(report(province="Đồng Tháp", title="Phó Bí thư Tỉnh ủy")))

    assert unclear != first
    assert (unclear.name, unclear.province, unclear.needs_review) == ("Nguyễn Văn Hiếu", dong_thap, True)
    assert not first.needs_review


def test_bulk_mode_links_people_like_one_by_one(tra_vinh):
    texts = [TRA_VINH, report(day="6/8/2024"), DONG_THAP, report(province="Đồng Tháp", title="Phó Bí thư")]

    results = list(ingest_many([(str(n), t) for n, t in enumerate(texts)], bulk=True))

    people = [person_of(r) for r in results]
    assert people[0] == people[1]
    assert len({p.pk for p in people}) == 3
    assert [p.needs_review for p in people] == [False, False, False, True]


def test_bulk_mode_finds_a_stored_namesake_by_a_title_they_share(tra_vinh, dong_thap):
    stored = person_of(ingest_text(TRA_VINH))
    texts = [
        report(province="Đồng Tháp", day="2/3/2025", period="quý I năm 2025"),
        report(province="Đồng Tháp", title="Phó Bí thư Tỉnh ủy"),
    ]

    with CaptureQueriesContext(connection) as queries:
        results = list(ingest_many(enumerate(texts), bulk=True, workers=0))
    moved, unclear = (person_of(r) for r in results)

    assert moved == stored
    assert (unclear.province, unclear.needs_review) == (dong_thap, True)
    # The stored person's titles were read once for the batch, not once for each appearance.
    assert sum(bool(re.search(r'FROM "?articles_appearance\b', q["sql"])) for q in queries) == 1


def test_merge_moves_every_appearance_and_records_the_merge(dong_thap, django_user_model):
    editor = django_user_model.objects.create_user("bientap")
    keep = person_of(ingest_text(TRA_VINH))
    other = person_of(ingest_text(report(province="Đồng Tháp", title="Phó Bí thư Tỉnh ủy")))
    other_id = other.pk

    merged = merge_people(keep, other, user=editor)

    assert merged == keep
    assert not Person.objects.filter(pk=other_id).exists()
    assert Appearance.objects.filter(person=keep).count() == 2
    record = PersonMerge.objects.get()
    assert (record.person, record.merged_id, record.merged_name) == (keep, other_id, "Nguyễn Văn Hiếu")
    assert (record.merged_province, record.appearances, record.user) == (dong_thap, 1, editor)


def test_merging_a_merged_person_keeps_the_earlier_record(dong_thap):
    first = person_of(ingest_text(TRA_VINH))
    second = person_of(ingest_text(report(province="Đồng Tháp", title="Phó Bí thư Tỉnh ủy")))
    third = person_of(ingest_text(report(province="Vĩnh Long", title="Chủ tịch UBND tỉnh", day="1/1/2025")))
    merge_people(second, third)

    merge_people(first, second)

    assert list(PersonMerge.objects.values_list("person", flat=True)) == [first.pk, first.pk]
    assert first.appearances.count() == 3


def test_a_person_cannot_be_merged_with_itself():
    person = person_of(ingest_text(TRA_VINH))

    with pytest.raises(ValueError, match="itself"):
        merge_people(person, person)


def test_split_moves_the_chosen_appearances_to_a_new_person(dong_thap):
    person = person_of(ingest_text(TRA_VINH))
    later = ingest_text(report(province="Đồng Tháp", day="2/3/2025", period="quý I năm 2025")).article
    wrong = later.appearances.get()
    assert wrong.person == person

    new = split_person(person, [wrong])

    wrong.refresh_from_db()
    assert wrong.person == new
    assert (new.name, new.province) == ("Nguyễn Văn Hiếu", dong_thap)
    assert person.appearances.count() == 1


def test_split_refuses_appearances_of_someone_else_and_leaving_the_person_empty():
    person = person_of(ingest_text(TRA_VINH))
    stranger = ingest_text(DONG_THAP).article.appearances.get()

    with pytest.raises(ValueError, match="not Nguyễn Văn Hiếu's"):
        split_person(person, [stranger])
    with pytest.raises(ValueError, match="would keep no appearance"):
        split_person(person, person.appearances.all())
    with pytest.raises(ValueError, match="at least one"):
        split_person(person, [])
    assert Person.objects.count() == 2

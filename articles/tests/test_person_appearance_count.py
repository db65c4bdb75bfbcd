"""Each person's number of appearances, kept by the database through every way appearances change."""

from django.db import connection

from articles.ingest import ingest_text, merge_people, split_person
from articles.models import Appearance, Person

from .factories import make_appearance, make_article, make_person


def counts():
    return sorted(Person.objects.values_list("name", "appearance_count"))


def recounted():
    """The counts as the appearances say: what the kept counts must always equal."""
    return sorted((person.name, person.appearances.count()) for person in Person.objects.all())


def test_ingested_articles_count_each_persons_appearances(db):
    for day in (3, 4):
        ingest_text(
            f"Ban Thường vụ Tỉnh ủy Đồng Tháp giao ban lần {day}\n\n"
            f"Ngày {day}/5/2024, Ban Thường vụ Tỉnh ủy Đồng Tháp giao ban. Đồng chí Lê Văn Hòa, "
            "Bí thư Tỉnh ủy chủ trì. Dự có đồng chí Trần Thị Mai, Phó Bí thư Tỉnh ủy."
        )

    assert counts() == [("Lê Văn Hòa", 2), ("Trần Thị Mai", 2)] == recounted()


def test_merging_splitting_and_deleting_keep_the_counts(db):
    keep, other = make_person("Lê Văn Hòa"), make_person("Lê Văn Hoà")
    articles = [make_article() for _ in range(3)]
    for article in articles:
        make_appearance(article, keep)
    moved = make_appearance(articles[0], other)

    merge_people(keep, other)
    assert counts() == [("Lê Văn Hòa", 4)] == recounted()

    split_person(keep, [moved])
    assert counts() == [("Lê Văn Hòa", 1), ("Lê Văn Hòa", 3)] == recounted()

    articles[1].delete()
    assert counts() == [("Lê Văn Hòa", 1), ("Lê Văn Hòa", 2)] == recounted()


def test_an_edit_that_keeps_the_person_changes_no_count(db):
    person = make_person()
    appearance = make_appearance(make_article(), person)

    Appearance.objects.filter(pk=appearance.pk).update(locked=True)

    person.refresh_from_db()
    assert person.appearance_count == 1


def test_emptying_the_appearances_resets_the_counts(db):
    make_appearance(make_article(), make_person())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE waits for no deferred check
        cursor.execute("TRUNCATE articles_appearance")

    assert list(Person.objects.values_list("appearance_count", flat=True)) == [0]

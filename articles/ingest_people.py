"""People across articles: which Person an appearance names, and the staff's merge and split.

Part of the one write path (articles/ingest.py): ingestion links appearances through PersonLinker; the
admin's merge and split actions call merge_people and split_person.
"""

from __future__ import annotations

import hashlib
import logging

from django.db import connection, transaction

from .extraction.types import Extraction
from .ingest_input import fit
from .models import Appearance, Article, Person, PersonMerge

logger = logging.getLogger(__name__)


def merge_people(keep: Person, other: Person, *, user=None) -> Person:
    """`other` was `keep` all along: move its appearances to `keep`, record the merge, delete `other`."""
    if keep.pk == other.pk:
        raise ValueError("cannot merge a person with itself")
    with transaction.atomic():
        _lock_names({keep.name, other.name})  # no ingest links a new appearance to `other` meanwhile
        moved = Appearance.objects.filter(person=other).update(person=keep)
        PersonMerge.objects.filter(person=other).update(person=keep)  # earlier merges into `other`
        PersonMerge.objects.create(
            person=keep,
            merged_id=other.pk,
            merged_name=other.name,
            merged_province_id=other.province_id,
            appearances=moved,
            user=user if user is not None and user.is_authenticated else None,
        )
        keep.province_id = keep.province_id or other.province_id
        keep.needs_review = False  # a person looked at both and decided
        keep.save(update_fields=["province", "needs_review"])
        other.delete()
    return keep


def split_person(person: Person, appearances, *, user=None) -> Person:
    """Those `appearances` name somebody else of the same name: move them to a new person."""
    ids = {a.pk for a in appearances}
    if not ids:
        raise ValueError("choose at least one appearance to split off")
    owned = Appearance.objects.filter(person=person)
    if owned.filter(pk__in=ids).count() != len(ids):
        raise ValueError(f"some of the appearances are not {person.name}'s")
    if owned.exclude(pk__in=ids).count() == 0:
        raise ValueError(f"{person.name} would keep no appearance; edit the person instead")
    with transaction.atomic():
        _lock_names({person.name})
        first = owned.filter(pk__in=ids).select_related("article").order_by("article__date", "pk").first()
        new = Person.objects.create(
            name=person.name, province_id=first.article.province_id or person.province_id
        )
        owned.filter(pk__in=ids).update(person=new)
        if person.needs_review:
            person.needs_review = False
            person.save(update_fields=["needs_review"])
    logger.info("split %s appearances of person %s into person %s (by %s)", len(ids), person.pk, new.pk, user)
    return new


class PersonLinker:
    """Finds the Person each appearance names, or makes one; sees the persons made in the same batch.

    The same name (diacritics and all) is the same official when the context agrees: the same province,
    or a title they share. The same name without either is unclear: a new person flagged for review.
    Built for a batch of articles, each given as (its province's id, its extraction): the database is
    read then, in two queries at most, and not again while the batch's appearances are linked.
    """

    def __init__(self, articles: list[tuple[int | None, Extraction]]):
        named = [(province_id, fit(a.name, 100), a.titles) for province_id, ex in articles for a in ex.people]
        self.by_name: dict[str, list[Person]] = {}
        for person in _lock_and_read({name for _, name, _ in named}):
            self.by_name.setdefault(person.name, []).append(person)
        self.titles: dict[int, set[str]] = {}  # by id(person): titles seen in this batch
        self.titles_used = _titles_used(self._unsure(named))  # (person id, title) stored before
        self.in_article: dict[tuple[int, str], Person] = {}
        self.new: list[Person] = []

    def person(self, name: str, titles: list[str], article: Article) -> Person:
        name = fit(name, 100)
        here = (id(article), name)
        if here not in self.in_article:
            self.in_article[here] = self._find(name, titles, article.province_id)
        person = self.in_article[here]
        self.titles.setdefault(id(person), set()).update(titles)
        return person

    def _find(self, name: str, titles: list[str], province_id) -> Person:
        candidates = self.by_name.setdefault(name, [])
        same_place = [c for c in candidates if _same_place(c, province_id)]
        if same_place:
            return same_place[0]
        agreeing = self._agreeing_title(candidates, titles)
        if agreeing is not None:
            return agreeing
        person = Person(name=name, province_id=province_id, needs_review=bool(candidates))
        candidates.append(person)
        self.new.append(person)
        return person

    def _agreeing_title(self, candidates: list[Person], titles: list[str]) -> Person | None:
        for c in candidates:
            if self.titles.get(id(c), set()) & set(titles):
                return c
        return next(
            (c for c in candidates if any((c.pk, t) in self.titles_used for t in titles)),
            None,
        )

    def _unsure(self, named) -> set[tuple[int, str]]:
        """The (stored person, title) pairs `_agreeing_title` may ask about: each title an appearance
        gives, with the stored persons of its name when none of them is of the article's province."""
        asked = set()
        for province_id, name, titles in named:
            candidates = self.by_name.get(name, [])
            if not any(_same_place(c, province_id) for c in candidates):
                asked.update((c.pk, t) for c in candidates for t in titles)
        return asked


def _same_place(person: Person, province_id) -> bool:
    return province_id is not None and person.province_id == province_id


def _titles_used(asked: set[tuple[int, str]]) -> set[tuple[int, str]]:
    """Those of the (person id, title) pairs where an appearance of the person gives the title."""
    if not asked:
        return set()
    persons, titles = zip(*asked, strict=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT asked.person, asked.title FROM unnest(%s::bigint[], %s::text[]) AS asked (person, title) "
            f"WHERE EXISTS (SELECT FROM {Appearance._meta.db_table} "
            "WHERE person_id = asked.person AND asked.title = ANY(titles))",
            [list(persons), list(titles)],
        )
        return set(cursor.fetchall())


_LOCK = "SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k"


def _lock_names(names: set[str]) -> None:
    """Wait for any other transaction linking one of these names, so two ingests naming the same new
    official at once make one person, not two. The locks go with the transaction."""
    if names:
        with connection.cursor() as cursor:
            cursor.execute(_LOCK, [_lock_keys(names)])


def _lock_and_read(names: set[str]) -> list[Person]:
    """Lock the names (_lock_names), then read the persons of those names, the ones flagged for review
    last, the oldest first. Two statements sent together, one round trip and no query to compile for
    each article: the read, a statement of its own after the locks, sees what a transaction it waited
    for has committed."""
    if not names:
        return []
    fields = ["id", "name", "province_id", "needs_review"]  # in the model's order, as from_db reads them
    with connection.cursor() as cursor:
        cursor.execute(
            f"{_LOCK}; SELECT {', '.join(fields)} FROM {Person._meta.db_table} "
            "WHERE name = ANY(%s) ORDER BY needs_review, id",
            [_lock_keys(names), list(names)],
        )
        cursor.nextset()
        return [Person.from_db(connection.alias, fields, row) for row in cursor.fetchall()]


def _lock_keys(names: set[str]) -> list[int]:
    # In one order for every transaction, so two of them never wait for each other.
    return sorted(
        {
            int.from_bytes(hashlib.blake2b(n.encode(), digest_size=8).digest(), "big", signed=True)
            for n in names
        }
    )

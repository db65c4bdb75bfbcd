"""What an article is about: a committee (its level, province, locality), a date and the people who
hold its posts then, with the titles an article would give them."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .people import CENTRAL_MEMBER, OFFICE_TITLES, Official, Pool
from .places import District, Places, Province


@dataclass
class Unit:
    """A committee's unit as articles name it."""

    kind: str  # province, district, commune
    code: str
    name: str
    committee: str  # Tỉnh ủy, Thành ủy, Huyện ủy, Quận ủy, Thị ủy, Đảng ủy
    word: str  # tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn
    level: str
    upper: Unit | None = None

    @property
    def committee_named(self) -> str:
        """ "Huyện ủy Trà Cú", "Đảng ủy xã An Thạnh Trung", "Tỉnh ủy Trà Vinh"."""
        if self.kind == "commune":
            return f"Đảng ủy {self.word} {self.name}"
        return f"{self.committee} {self.name}"

    @property
    def party(self) -> str:
        """ "Đảng bộ huyện Trà Cú"."""
        return f"Đảng bộ {self.word} {self.name}"

    @property
    def member_title(self) -> str:
        """ "Tỉnh ủy viên", "Thành ủy viên"."""
        return f"{self.committee} viên"


def province_unit(p: Province) -> Unit:
    return Unit("province", p.code, p.name, p.committee, p.unit_word, "province")


def district_unit(d: District, upper: Unit) -> Unit:
    return Unit("district", d.code, d.name, d.committee, d.type, d.level, upper)


def commune_unit(c: tuple[str, str, str], upper: Unit) -> Unit:
    return Unit("commune", c[0], c[1], "Đảng ủy", c[2], "commune", upper)


@dataclass
class Style:
    """How one site writes: abbreviations, "Đ/c", tone marks, "ông/bà"."""

    abbreviate: bool
    comrade: str  # "đồng chí", "Đ/c", "đ.c"
    mister: bool  # "Ông Lê Hoàng Khải" instead of "Đồng chí Lê Hoàng Khải"
    old_tones: bool
    dash_titles: bool  # "Lê Đình Khôi - Ủy viên…" instead of "Lê Đình Khôi, Ủy viên…"


@dataclass
class Person:
    official: Official
    titles: list[str]
    roles: list[str] = field(default_factory=list)
    rank: str = ""  # "Đại tá", written before the name, not a title

    @property
    def name(self) -> str:
        return self.official.name

    @property
    def intro(self) -> str:
        return f"{self.rank} {self.name}".strip()

    def gold(self) -> dict:
        return {"name": self.name, "titles": list(self.titles), "roles": list(self.roles)}


def month_index(date: dt.date) -> int:
    return date.year * 12 + date.month - 1


class Casting:
    """Finds who holds a post at a date and writes their titles."""

    def __init__(self, places: Places, pool: Pool):
        self.places = places
        self.pool = pool

    def person(
        self, rng: random.Random, kind: str, unit: Unit, date: dt.date, style: Style, named: bool, taken: set
    ) -> Person | None:
        official = self.pool.holder(kind, unit.code, month_index(date))
        if official is None or official.name in taken:
            return None
        taken.add(official.name)
        rank = self._rank(rng, kind)
        # A rank counts as a title (the shared gold labels list "Đại tá" first).
        titles = [rank] if rank else []
        return Person(official, titles + self.titles(rng, kind, unit, style, named), rank=rank)

    @staticmethod
    def _rank(rng: random.Random, kind: str) -> str:
        if kind == "police":
            return rng.choice(("Đại tá", "Đại tá", "Thiếu tướng"))
        return ""

    @staticmethod
    def titles(rng: random.Random, kind: str, unit: Unit, style: Style, named: bool) -> list[str]:
        """The titles of the holder of `kind` in `unit`; `named` adds the unit's name to the committee
        ("Bí thư Huyện ủy Trà Cú") as articles do for someone from another unit."""
        committee = unit.committee
        word = unit.word
        if unit.kind == "commune":
            committee = f"Đảng ủy {word}" + (f" {unit.name}" if named else "")
            if not named and rng.random() < 0.3:
                committee = "Đảng ủy"
        elif named and rng.random() < 0.85 or unit.kind == "province" and rng.random() < 0.12:
            committee = f"{committee} {unit.name}"
        post, second = OFFICE_TITLES[kind]
        titles = []
        upper = unit.upper
        if unit.kind == "province":
            if kind == "secretary" and rng.random() < 0.6:
                titles.append(
                    rng.choice(CENTRAL_MEMBER[:2]) if not style.abbreviate else rng.choice(CENTRAL_MEMBER)
                )
            elif kind == "deputy_organisation" and rng.random() < 0.5:
                titles.append(unit.member_title)
            elif kind not in ("secretary", "standing_deputy", "deputy_chair", "deputy_organisation"):
                titles.append(_standing_member(rng, unit.committee, style))
        elif unit.kind == "district":
            if kind == "secretary":
                roll = rng.random()
                if roll < 0.4:
                    titles.append(_standing_member(rng, upper.committee, style))
                elif roll < 0.75:
                    member = upper.member_title
                    titles.append("TUV" if style.abbreviate and member == "Tỉnh ủy viên" else member)
            elif kind in ("organisation", "propaganda", "inspection") and rng.random() < 0.35:
                titles.append(_standing_member(rng, unit.committee, style))
        title = post.format(c=committee, u=word)
        if style.abbreviate and title.startswith("Phó Bí thư") and rng.random() < 0.5:
            title = "PBT" + title[len("Phó Bí thư") :]
        titles.append(title)
        if second and (kind == "deputy_chair" or rng.random() < 0.5):
            concurrent = second.format(u=word)
            if not style.abbreviate and rng.random() < 0.2:
                concurrent = concurrent.replace("UBND", "Ủy ban nhân dân").replace(
                    "HĐND", "Hội đồng nhân dân"
                )
            titles.append(concurrent)
        return titles


def _standing_member(rng: random.Random, committee: str, style: Style) -> str:
    if style.abbreviate:
        return rng.choice(("UV BTV", "UVBTV", "Ủy viên BTV")) + f" {committee}"
    return (
        rng.choice(("Ủy viên Ban Thường vụ", "Ủy viên Ban Thường vụ", "Ủy viên Thường vụ")) + f" {committee}"
    )

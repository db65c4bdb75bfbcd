"""Where a committee sits: level, province and locality, read through the gazetteer.

Place names are the capitalised words after a unit word or an organ ("huyện Trà Cú", "Huyện ủy Trà Cú"),
cut to the longest run the gazetteer knows ("Trà Vinh" in "Tỉnh ủy Trà Vinh Ngô Chí Cường"). The
committee's own unit gives its locality and province; when it has none written ("Ban Thường vụ Tỉnh ủy")
the province is voted on from the places the text names, the publisher's tag ("ĐTO"), the page's header
or footer, a publisher credited under the article and the hints (url, source, province). After 1 July
2025 every province is one of the 34.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from . import gazetteer
from .gazetteer import Unit, fold

if TYPE_CHECKING:
    from .committee import Organ

_MERGER = dt.date(2025, 7, 1)

UNIT_WORDS = r"tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn"
WORD_LEVEL = {
    "tỉnh": "province", "thành phố": "city", "huyện": "district", "quận": "district", "thị xã": "town",
    "xã": "commune", "phường": "commune", "thị trấn": "commune",
}  # fmt: skip
_DISTRICT_TYPES = {"city": ("thành phố",), "district": ("huyện", "quận"), "town": ("thị xã",)}
# Family names: a run of capitalised words starting with one that the gazetteer does not know is a person.
_SURNAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Đào", "Cao", "Lương", "Tạ", "Hà", "Thái",
    "Lưu", "Châu", "Quách", "Tô", "Từ", "Triệu", "Kiều", "Lò", "Thạch", "Kim", "Sơn", "Danh",
}  # fmt: skip
# Words that start a phrase ("Đồng chí", "Hội nghị", "Ban Thường vụ", "Quý IV", "Thành phố", "Nghị quyết")
# as well as some place names ("Đồng Hới", "Hội An", "Ban Công", "Quý Lộc", "Thành Tô", "Nghị Đức"): a name
# starting with one is read only when the gazetteer knows it.
_PHRASE_START = {
    "Đảng", "Ban", "Ủy", "Bí", "Phó", "Chủ", "Trưởng", "Khóa", "Nhiệm", "Lần", "Về", "Tại", "Trong",
    "Quý", "Tháng", "Nghị", "Cùng", "Dự", "Và", "Với", "Các", "Theo", "Sáng", "Chiều", "Ngày",
    "Đ/c", "Tỉnh", "Huyện", "Quận", "Thị", "Xã", "Phường", "Kết", "Báo",
    "Triển", "Sơ", "Cổng", "Trang", "Tin", "Bài", "Ảnh", "UBND", "HĐND", "MTTQ",
    "Đồng", "Hội", "Văn", "Đại", "Công", "Nông", "Thường", "Kế", "Tổ", "Nhân", "Đoàn", "Mặt", "Tập", "Lãnh",
    "Quyết", "Phát", "Tham", "Thực", "Hoạt", "Ông", "Bà", "Thành", "Giao", "Chương", "Trực", "Năm", "Tổng",
}  # fmt: skip
# A commune's or district's number written as a Roman numeral after its name ("Tam Xuân II").
_ROMAN = {"I", "II", "III", "IV", "V"}
_WORD = re.compile(r"\s*(-\s+)?([^\s,.;:()\[\]“”\"!?/]+)")  # "Ia H' Drai": an apostrophe stays in a word
_LIST_OF_UNITS = re.compile(r"\bcác (" + UNIT_WORDS + r") ")
_PLACE = re.compile(r"(?<![\w])(" + UNIT_WORDS + r"|TP\.|TX\.?)\s*(?=\w)")
_CITY_PREFIX = re.compile(r"\s*(?:TP\.?|Thành phố)\s*(?=[^\W\d_])")
_NUMBERED = re.compile(r"\s*(?:(?:Quận|Phường|Xã|quận|phường|xã)\s+)?(\d{1,2})(?!\d|[.,/:]\d)")
_LIST_SEPARATOR = re.compile(r",\s*|\s+và\s+")
# The unit word an organ stands for ("Quận ủy Ninh Kiều" -> a district-level "Ninh Kiều").
_LEVEL_WORD = {
    "province": "tỉnh",
    "city": "thành phố",
    "district": "huyện",
    "town": "thị xã",
    "commune": "xã",
}
_LEVEL_WORDS = {
    "city": ("thành phố",), "district": ("huyện", "quận"), "town": ("thị xã",),
    "commune": ("xã", "phường", "thị trấn"),
}  # fmt: skip
_COMMUNE_WORD = {"xã": "xã", "phường": "phường", "trấn": "thị trấn"}
_EXACT = 3  # weight of a unit whose name has the very tone marks written, against one that folds alike
_TYPE_LEVEL = {"huyện": "district", "quận": "district", "thị xã": "town", "thành phố": "city"}
_TITLE_PLACE = re.compile(
    r"^([^\W\d_][\w ]{1,30}?)(?::| (?=kỷ niệm|tổ chức|triển khai|sơ kết|tổng kết|giao ban))"
)


@dataclass
class Place:
    """Where the article's committee sits."""

    province: Unit | None = None
    level: str | None = None
    locality: str | None = None
    locality_code: str | None = None


def unit_word(word: str) -> str:
    """The unit word spelled out: "TP." -> "thành phố", "TX" -> "thị xã"."""
    return {"tp": "thành phố", "tp.": "thành phố", "tx": "thị xã", "tx.": "thị xã"}.get(
        word.lower(), word.lower()
    )


def _name_words(text: str, pos: int, level: str | None = None) -> list[tuple[str, int]]:
    """The capitalised words starting at `pos` that may make a place name, each with where it ends.
    A district or commune may be a number ("Quận ủy Quận 1", "phường 5"); "TP." before a city's name and a
    known abbreviation ("TP.HCM") are read too."""
    prefix = _CITY_PREFIX.match(text, pos)
    if prefix and level in ("province", "city", None):
        pos = prefix.end()
    words: list[tuple[str, int]] = []
    end = pos
    number = _NUMBERED.match(text, pos)
    if number and level in ("district", "commune", None):  # "phường 3", "phường 3 Bảo Lộc"
        words.append((str(int(number.group(1))), number.end()))
        end = number.end()
    while len(words) < 5:
        m = _WORD.match(text, end)
        if not m:
            break
        dash, word = m.group(1), m.group(2)
        if not words and word.isupper() and len(word) <= 5 and _province_named(word) is not None:
            return [(word, m.end())]  # "TP.HCM", "TPHCM"
        if words and word.isdigit() and len(word) <= 2:  # "Móng Cái 3": kept only if the gazetteer knows it
            words.append((word, m.end()))
            break
        numeral = bool(words) and word in _ROMAN
        letters = word.strip("'’")
        if (
            not word[0].isupper()
            or (dash and not words)
            or (letters.isupper() and len(letters) > 1 and not numeral)
        ):
            break
        words.append((("- " if dash else "") + word, m.end()))
        end = m.end()
    return words


def name_after(text: str, pos: int, level: str | None) -> tuple[str | None, int]:
    """The place name starting at `pos` ("Trà Cú", "Bà Rịa - Vũng Tàu") and where it ends: the longest run
    of capitalised words the gazetteer knows at that level ("Trà Vinh" in "Tỉnh ủy Trà Vinh Ngô Chí
    Cường"), else a short run that does not look like a person's name."""
    words = _name_words(text, pos, level)
    for n in range(len(words), 0, -1):
        name = " ".join(w for w, _ in words[:n])
        if _known(name, level):
            return name, words[n - 1][1]
    if words and words[-1][0].isdigit():
        words = words[:-1]
    # Unknown to the gazetteer: kept when short and not like a person's name or a common phrase.
    if words and len(words) <= 3 and words[0][0] not in _SURNAMES and words[0][0] not in _PHRASE_START:
        return " ".join(w for w, _ in words), words[-1][1]
    return None, pos


@lru_cache(maxsize=8192)
def _known(name: str, level: str | None) -> bool:
    """Whether the gazetteer has a unit called `name` that an organ or unit word of `level` may name."""
    if level in ("province", "city", None) and _province_named(name) is not None:
        return True
    if level in ("city", "district", "town", "province", None) and gazetteer.find_districts(name):
        return True
    return level in ("commune", None) and bool(gazetteer.find_communes(name))


def _era(date: dt.date | None) -> str:
    return "2025" if date is not None and date >= _MERGER else "2023"


def _province_of(unit_code: str, era: str) -> Unit | None:
    u = gazetteer.unit(unit_code)
    if u is None:
        return None
    province = gazetteer.unit(u.province)
    if era == "2025":
        return gazetteer.successor_2025(province.code) if province else None
    return province


def _central_city(name: str | None) -> Unit | None:
    u = _province_named(name) if name else None
    return u if u is not None and u.type == "thành phố" else None


# Lookups are cached: the same few names recur in every article. Bounded, so memory stays flat.
@lru_cache(maxsize=4096)
def _province_named(name: str) -> Unit | None:
    return gazetteer.find_province(name)


@lru_cache(maxsize=4096)
def _districts(name: str, level: str | None = None) -> tuple[Unit, ...]:
    """District-level units called `name`, those of the organ's type first choice ("Thị ủy Sơn Tây" is the
    thị xã in Hà Nội, not the huyện in Quảng Ngãi)."""
    units = gazetteer.find_districts(name)
    typed = [u for u in units if u.type in _DISTRICT_TYPES.get(level or "", ())]
    return tuple(typed or units)


def _province_from_url(url: str) -> Unit | None:
    try:
        return gazetteer.province_from_domain(url)
    except ValueError:  # urlsplit refuses some malformed URLs ("http://[")
        return None


@cache
def _province_names() -> re.Pattern:
    """Every province's folded name, longest first, as whole words."""
    names = {fold(u.name) for era in ("2025", "2023") for u in gazetteer.provinces(era)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![a-z])(" + alternatives + r")(?![a-z])")


def _provinces_in(text: str, after_unit_word: bool) -> list[Unit]:
    """Provinces named in free text of any case ("ĐẢNG BỘ TỈNH BẾN TRE", "Báo Đồng Tháp"); with
    `after_unit_word` only those written after "tỉnh"/"thành phố"."""
    folded = fold(text)
    found = []
    for m in _province_names().finditer(folded):
        if after_unit_word and not re.search(
            r"(?:tinh|thanh pho|tp) $", folded[max(0, m.start() - 10) : m.start()]
        ):
            continue
        u = _province_named(m.group(1))
        if u is not None:
            found.append(u)
    return found


@cache
def _initials() -> dict[str, tuple[Unit, ...]]:
    by_initials: dict[str, list[Unit]] = defaultdict(list)
    for u in gazetteer.provinces("2023"):
        by_initials["".join(w[0] for w in fold(u.name).split())].append(u)
    return {k: tuple(v) for k, v in by_initials.items()}


@lru_cache(maxsize=1024)
def _source_provinces(tag: str) -> tuple[Unit, ...]:
    """Provinces a publisher's tag may stand for: "ĐTO" (Đồng Tháp Online), "QBĐT" (Quảng Bình Điện tử),
    "LĐ online", "Baonghean.vn". Several when the initials are shared ("ĐNĐT": Đà Nẵng, Đồng Nai...)."""
    if "." in tag:
        u = _province_from_url(tag)
        return (u,) if u else ()
    key = fold(tag).replace(" online", "").replace(" ", "")
    # "Báo ..." and "Đài ..." (radio and television) may lead: "BQN", "ĐTGO" (Đài Tiền Giang Online).
    keys = {key, key.removeprefix("bao"), key.removeprefix("b"), key.removeprefix("d")}
    for suffix in ("o", "dt", "tv", "online"):
        keys |= {k.removesuffix(suffix) for k in list(keys)}
    table = _initials()
    return tuple(u for k in sorted(keys) if len(k) >= 2 for u in table.get(k, ()))


def _mentions(texts: Sequence[str], organs: Sequence[Organ]) -> list[tuple[str, str]]:
    """(unit word, name) for every place the texts name ("tỉnh Trà Vinh", "các huyện Trà Cú, Cầu Kè"),
    then for every organ written with its unit's name ("Huyện ủy Tháp Mười")."""
    found = []
    for text in texts:
        for m in _PLACE.finditer(text):
            word = unit_word(m.group(1))
            level = WORD_LEVEL.get(word)
            name, end = name_after(text, m.end(), level)
            if not name:
                continue
            found.append((word, name))
            if _LIST_OF_UNITS.match(text, max(0, m.start() - 4)):  # "các huyện Trà Cú, Cầu Kè, Tiểu Cần"
                while sep := _LIST_SEPARATOR.match(text, end):
                    more, end = name_after(text, sep.end(), level)
                    if not more:
                        break
                    found.append((word, more))
    found += [(_LEVEL_WORD[organ.level], organ.name) for organ in organs if organ.name]
    return found


def locate(
    organ: Organ | None,
    organs: Sequence[Organ],
    title: str,
    body: str,
    *,
    date: dt.date | None = None,
    hints: dict | None = None,
    source_hint: str | None = None,
    site_lines: list[str] | None = None,
    credited: str | None = None,
) -> Place:
    """Level, province and locality of the central committee `organ`, voting on the evidence for the
    province; `organs` are all those the headline and body name."""
    era = _era(date)
    votes: dict[str, float] = defaultdict(float)

    def vote(u: Unit | None, weight: float) -> None:
        p = _province_of(u.code, era) if u is not None else None
        if p is not None:
            votes[p.code] += weight

    hints = hints or {}
    if hints.get("province"):
        vote(_province_named(str(hints["province"])), 8)
    if hints.get("url"):
        vote(_province_from_url(str(hints["url"])), 8)
    for source in (str(hints.get("source") or ""), credited or ""):  # "Báo Đồng Tháp", "Theo Báo Cà Mau"
        for u in _provinces_in(source, after_unit_word=False)[:1]:
            vote(u, 6)
    if credited and "." in credited:  # "Nguồn: baocamau.vn"
        vote(_province_from_url(credited.split()[-1].strip("().")), 6)
    found = _source_provinces(source_hint) if source_hint else ()
    for u in found:
        vote(u, 8 / len(found))
    for u in set(_provinces_in(" | ".join(site_lines or []), after_unit_word=True)):
        vote(u, 4)
    title_place = _TITLE_PLACE.match(title)
    if title_place:
        vote(_province_named(title_place.group(1)), 3)
    mentions = _mentions((title, body), organs)
    for word, name in mentions:
        if word in ("tỉnh", "thành phố"):
            vote(_province_named(name), 2)
        if word not in ("tỉnh", "xã", "phường", "thị trấn"):
            units = _districts(name, WORD_LEVEL.get(word))
            for u in units:
                vote(u, 1 / len(units))

    place = Place()
    if organ is not None:
        place.level = organ.level
        _place_organ(place, organ, votes, era, organs, mentions)
    if place.province is None and votes:
        place.province = gazetteer.unit(max(votes, key=votes.get))
    if place.level is None and title_place and place.province is not None:
        place.level = _level_of_name(title_place.group(1), place.province)
    if place.level is None and place.province is not None and organ is None:
        place.level = "province"
    return place


def _place_organ(
    place: Place,
    organ: Organ,
    votes: dict[str, float],
    era: str,
    organs: Sequence[Organ],
    mentions: list[tuple[str, str]],
) -> None:
    name = organ.name
    if organ.level == "province":
        u = _province_named(name) if name else None
        if u is not None:
            place.province = _province_of(u.code, era)
        return
    if organ.level == "city":
        city = _central_city(name)
        if city is None and not name:
            # "Thành ủy" with no name: a centrally-run city's when the article is about one.
            top = gazetteer.unit(max(votes, key=votes.get)) if votes else None
            name = _name_elsewhere(organ, organs, mentions)
            if top is not None and top.type == "thành phố" and not (name and _districts(name, "city")):
                city = top
        if city is not None:
            place.level = "province"
            place.province = _province_of(city.code, era)
            return
    name = name or _name_elsewhere(organ, organs, mentions)
    if not name:
        return
    place.locality = name
    if organ.level in ("city", "district", "town"):
        # "Văn Lăng" is not "Văn Lang" (they fold alike): the name as written counts, after the evidence.
        u = max(
            _districts(name, organ.level),
            key=lambda u: votes.get(_province_of(u.code, era).code, 0.0) + _EXACT * (u.name == name),
            default=None,
        )
        if u is not None:
            place.locality_code = u.code
            place.locality = _numbered(u.type, u.name) if u.name.isdigit() else name
            place.province = _province_of(u.code, era)
    elif organ.level == "commune":
        rows = gazetteer.find_communes(name) + (
            gazetteer.find_communes(name.zfill(2)) if name.isdigit() else []
        )
        rows = [r for r in rows if r[4] == era] or rows
        # A district named beside the commune ("xã Hòa Lợi (huyện Châu Thành)") settles which one it is;
        # the name as written ("Tân Thành", not "Tân Thạnh") counts after the evidence.
        districts = {name for word, name in mentions if word in ("huyện", "quận", "thị xã", "thành phố")}
        row = max(
            rows,
            key=lambda r: (
                votes.get(_province_of(r[5], era).code, 0.0)
                + 10 * (_parent_name(r) in districts)
                + _EXACT * (r[1] == name)
            ),
            default=None,
        )
        if row is not None:
            place.locality = _numbered(row[2], row[1]) if row[1].isdigit() else name
            place.province = _province_of(row[5], era)
        elif name.isdigit():
            place.locality = _numbered(_COMMUNE_WORD.get(organ.text.split()[-2], "phường"), name)


def _parent_name(row: tuple) -> str | None:
    parent = gazetteer.unit(row[3])
    return parent.name if parent is not None and parent.level == "district" else None


def _numbered(unit_type: str, name: str) -> str:
    """A numbered unit is written with its unit word ("Phường 5", "Quận 1"); others by name alone."""
    return f"{unit_type.capitalize()} {int(name)}" if name.isdigit() else name


def _name_elsewhere(organ: Organ, organs: Sequence[Organ], mentions: list[tuple[str, str]]) -> str | None:
    """The name of an organ written without one ("Ban Thường vụ Quận ủy"), from another mention of the same
    kind of committee or unit ("Quận ủy Ninh Kiều", "quận Ninh Kiều")."""
    for other in organs:
        if other.name and other.level == organ.level and other.party == organ.party:
            return other.name
    words = _LEVEL_WORDS.get(organ.level or "", ())
    return next((name for word, name in mentions if word in words), None)


def _level_of_name(name: str, province: Unit) -> str | None:
    """ "Cà Mau: ..." names a province; "Vũ Thư: ..." a district."""
    if _province_named(name) is not None:
        return "province"
    units = gazetteer.find_districts(name, province.code)
    return _TYPE_LEVEL[units[0].type] if units else None

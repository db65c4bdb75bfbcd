"""Stage 5: the Party committee an article is about, where it sits, and the meetings it reports.

The committee at the centre is the one the headline names, else the one that holds the meeting in the
lead, else the lead's subject ("Huyện ủy Tháp Mười xây dựng kế hoạch"), skipping committees named only
inside someone's title ("Ủy viên Ban Thường vụ Tỉnh ủy") or a document's ("Chương trình hành động Tỉnh ủy").
Its level follows EXTRACTION.md; its place is looked up in the gazetteer, and the province is voted on
from the committee's own unit, the places the text names, the publisher's tag, the page's header or
footer and the hints (url, source, province).

A meeting is reported when a Party body holds it in the headline or lead: "<organ> tổ chức hội nghị",
"<organ> họp / giao ban / sơ kết", "Hội nghị (lần thứ N) <organ>", "Đại hội đại biểu Đảng bộ <unit>".
A People's Council or Committee session, a ceremony or a chi bộ meeting is no meeting of a Party committee.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import gazetteer
from .gazetteer import Unit, fold

_MERGER = dt.date(2025, 7, 1)

# Committees and the bodies in front of them. Names follow as capitalised words (read by `_name_after`).
_UNIT_WORDS = r"tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn"
# The lookahead lets the engine skip every position that cannot start a committee (speed on long texts).
_COMMITTEE = re.compile(
    r"(?=[TQHĐBUỦ])(?:(?P<uy>Tỉnh|Thành|Huyện|Quận|Thị) [ủỦ]y"
    r"|(?P<du>Đảng [ủỦ]y) (?P<duw>xã|phường|thị trấn)"
    r"|(?P<fn>Đảng [ủỦ]y (?:Khối|Quân sự|Công an|Bộ đội Biên phòng|Biên phòng|các cơ quan|Cơ quan)[\w ]{0,40}?)"
    r" (?P<fnw>tỉnh|thành phố|huyện|quận|thị xã)"
    r"|(?P<db>(?:Ban Chấp hành |BCH )?Đảng bộ) (?P<dbw>" + _UNIT_WORDS + r")"
    r"|(?P<state>HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân) (?P<sw>" + _UNIT_WORDS + r"))(?!\w)"
)
# The body of the committee written in front of it: "Ban Thường vụ (BTV) Huyện ủy".
_BODY_BEFORE = re.compile(r"(?:Ban [Tt]hường vụ|BTV|Thường trực|Ban Chấp hành|BCH)(?: \(BTV\)| \(BCH\))? $")
_UY_LEVEL = {"Tỉnh": "province", "Thành": "city", "Huyện": "district", "Quận": "district", "Thị": "town"}
_WORD_LEVEL = {
    "tỉnh": "province", "thành phố": "city", "huyện": "district", "quận": "district", "thị xã": "town",
    "xã": "commune", "phường": "commune", "thị trấn": "commune",
}  # fmt: skip
_DISTRICT_TYPES = {"city": ("thành phố",), "district": ("huyện", "quận"), "town": ("thị xã",)}
# Words before a committee that make it part of someone's title or of a document, not the article's subject.
_GENITIVE = re.compile(
    r"(?:Bí thư|Phó Bí thư|Ủy viên|[Uu]ỷ viên|viên|Trưởng [Bb]an|Phó Trưởng [Bb]an|Chánh Văn phòng|Văn phòng"
    r"|Ban Tổ chức|Ban Tuyên giáo|Ban Dân vận|Ban Nội chính|Ban Kinh tế|Ủy ban Kiểm tra|Chủ nhiệm|Chủ tịch"
    r"|Phó Chủ tịch|Thường trực|hội trường|Hội trường|trụ sở|của|thuộc|các|với|Chương trình[\w ]{0,20}"
    r"|Nghị quyết[\w ]{0,20}|Kế hoạch|Chỉ thị|Kết luận|Quyết định|Đề án|Quy chế|Quy hoạch|Ban Chỉ đạo"
    r"|Ban cán sự đảng|Đảng đoàn|Tổ chức|Tuyên giáo|Dân vận|Kiểm tra)\s*,?\s*$"
)
# Capitalised words that start something else, never a place name.
_NOT_NAME = {
    "Đảng", "Ban", "Ủy", "Bí", "Phó", "Chủ", "Trưởng", "Khóa", "Nhiệm", "Lần", "Về", "Tại", "Trong", "Năm",
    "Quý", "Tháng", "Nghị", "Chương", "Cùng", "Dự", "Và", "Với", "Các", "Theo", "Sáng", "Chiều", "Ngày",
    "Ông", "Bà", "Đ/c", "Thành", "Tỉnh", "Huyện", "Quận", "Thị", "Xã", "Phường", "Kết", "Báo", "Trực",
    "Triển", "Sơ", "Tổng", "Giao", "Cổng", "Trang", "Tin", "Bài", "Ảnh", "UBND", "HĐND", "MTTQ",
}  # fmt: skip
# Words that start a place name ("Đồng Hới", "Hội An", "Văn Giang", "Đại Lộc") or a phrase ("Đồng chí",
# "Hội nghị", "Văn phòng", "Đại hội"): a name only when the next word is capitalised too.
# Family names: a run of capitalised words starting with one that the gazetteer does not know is a person.
_SURNAMES = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Đào", "Cao", "Lương", "Tạ", "Hà", "Thái",
    "Lưu", "Châu", "Quách", "Tô", "Từ", "Triệu", "Kiều", "Lò", "Thạch", "Kim", "Sơn", "Danh",
}  # fmt: skip
_NAME_IF_FOLLOWED = {
    "Đồng", "Hội", "Văn", "Đại", "Công", "Nông", "Thường", "Kế", "Tổ", "Nhân", "Đoàn", "Mặt", "Tập", "Lãnh",
    "Quyết", "Phát", "Tham", "Thực", "Hoạt",
}  # fmt: skip
_WORD = re.compile(r"\s*(-\s+)?([^\s,.;:()\[\]“”\"'!?/]+)")

_MEETING_NOUN = (
    r"(?:[Hh]ội nghị|HỘI NGHỊ|cuộc họp|phiên họp|[Đđ]ại hội|ĐẠI HỘI|buổi giao ban|hội nghị giao ban)"
)
_AFTER_ORGAN = (
    r"(?:\s+(?:\(mở rộng\)|mở rộng|khóa [IVXLC\d]+|lần thứ \w+|\([^()]{1,60}\)))*,?(?:\s+(?:đã|vừa|sẽ))?"
)
_SUBJECT_VERB = re.compile(
    _AFTER_ORGAN + r"\s+(?P<verb>tổ chức|tiến hành|họp|giao ban|sơ kết|tổng kết|khai mạc|bế mạc|"
    r"long trọng tổ chức|đồng chủ trì|chủ trì)(?P<rest>.{0,80})",
)
_MEETING_OBJECT = re.compile(r"\s*(?:" + _MEETING_NOUN + r")")
_CONGRESS = re.compile(r"\s*(?:[Đđ]ại hội|ĐẠI HỘI)")
_OTHER_EVENT = re.compile(
    r"\s*(?:[Ll]ễ|buổi lễ|[Kk]ỳ họp|hội thảo|[Hh]ội thi|tọa đàm|buổi sinh hoạt|sinh hoạt)"
)
_NOUN_FIRST = re.compile(
    r"(?P<noun>[Hh]ội nghị|[Đđ]ại hội|[Kk]ỳ họp|[Pp]hiên họp|[Gg]iao ban)(?: giao ban)?(?: đại biểu)?"
    r"(?: (?:lần thứ|thứ) [\w]+)?(?: \(mở rộng\))?(?: giữa)? $"
)
_KIND = re.compile(r"giao ban|sơ kết|tổng kết", re.IGNORECASE)
_NOT_KIND_BEFORE = re.compile(r"(?:chuẩn bị|tiến tới|hướng tới|để|cho|các|việc)\s+$")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[^\W\d_])")
_LIST_OF_UNITS = re.compile(r"\bcác (" + _UNIT_WORDS + r") ")
_PLACE = re.compile(r"(?<![\w])(" + _UNIT_WORDS + r"|TP\.|TX\.?)\s*(?=\w)")
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
_TYPE_LEVEL = {"huyện": "district", "quận": "district", "thị xã": "town", "thành phố": "city"}
_TITLE_PLACE = re.compile(
    r"^([^\W\d_][\w ]{1,30}?)(?::| (?=kỷ niệm|tổ chức|triển khai|sơ kết|tổng kết|giao ban))"
)


@dataclass
class Organ:
    """A committee (or People's Council/Committee) named in the text, with the unit it belongs to."""

    text: str  # as written: "Ban Thường vụ Huyện ủy Trà Cú"
    start: int
    end: int
    level: str | None  # its unit's level (EXTRACTION.md); "city" may become "province" for the five cities
    name: str | None  # the unit's name when written after the organ
    party: bool


@dataclass
class MeetingMention:
    organ: Organ
    kind: str
    sentence: str  # where to read its date


@dataclass
class Place:
    province: Unit | None = None
    level: str | None = None
    locality: str | None = None
    locality_code: str | None = None


@dataclass
class Reading:
    """What this stage reads: the central committee, its meetings and its place."""

    organ: Organ | None = None
    meetings: list[MeetingMention] = field(default_factory=list)


def _name_words(text: str, pos: int, level: str | None = None) -> list[tuple[str, int]]:
    """The capitalised words starting at `pos` that may make a place name, each with where it ends.
    A district or commune may be a number ("Quận ủy Quận 1", "phường 5"); "TP." before a city's name and a
    known abbreviation ("TP.HCM") are read too."""
    prefix = _CITY_PREFIX.match(text, pos)
    if prefix and level in ("province", "city", None):
        pos = prefix.end()
    number = _NUMBERED.match(text, pos)
    if number and level in ("district", "commune", None):
        return [(str(int(number.group(1))), number.end())]
    words: list[tuple[str, int]] = []
    end = pos
    while len(words) < 5:
        m = _WORD.match(text, end)
        if not m:
            break
        dash, word = m.group(1), m.group(2)
        if not words and word.isupper() and len(word) <= 5 and _province_named(word) is not None:
            return [(word, m.end())]  # "TP.HCM", "TPHCM"
        if not word[0].isupper() or (dash and not words) or (word.isupper() and len(word) > 1):
            break
        if not words and word in _NOT_NAME:
            break
        if word in _NAME_IF_FOLLOWED:
            after = _WORD.match(text, m.end())
            if not after or after.group(1) or not after.group(2)[0].isupper() or text[m.end()] != " ":
                break
        words.append((("- " if dash else "") + word, m.end()))
        end = m.end()
    return words


def _name_after(text: str, pos: int, level: str | None) -> tuple[str | None, int]:
    """The place name starting at `pos` ("Trà Cú", "Bà Rịa - Vũng Tàu") and where it ends: the longest run
    of capitalised words the gazetteer knows at that level ("Trà Vinh" in "Tỉnh ủy Trà Vinh Ngô Chí
    Cường"), else a short run that does not look like a person's name."""
    words = _name_words(text, pos, level)
    for n in range(len(words), 0, -1):
        name = " ".join(w for w, _ in words[:n])
        if _known(name, level):
            return name, words[n - 1][1]
    if words and len(words) <= 3 and words[0][0] not in _SURNAMES:
        return " ".join(w for w, _ in words), words[-1][1]
    return None, pos


@lru_cache(maxsize=8192)
def _known(name: str, level: str | None) -> bool:
    if level in ("province", "city", None) and _province_named(name) is not None:
        return True
    if level in ("city", "district", "town", "province", None) and gazetteer.find_districts(name):
        return True
    return level in ("commune", None) and bool(gazetteer.find_communes(name))


def _unit_word(word: str) -> str:
    return {"tp": "thành phố", "tp.": "thành phố", "tx": "thị xã", "tx.": "thị xã"}.get(
        word.lower(), word.lower()
    )


def find_organs(text: str) -> list[Organ]:
    """Every committee (and HĐND/UBND) named in `text`, in order."""
    organs = []
    for m in _COMMITTEE.finditer(text):
        if m.group("uy"):
            level, party = _UY_LEVEL[m.group("uy")], True
        elif m.group("du"):
            level, party = "commune", True
        elif m.group("fn"):  # "Đảng ủy Khối các cơ quan tỉnh": a committee at its unit's level
            level, party = _WORD_LEVEL[m.group("fnw")], True
        elif m.group("db"):
            level, party = _WORD_LEVEL[_unit_word(m.group("dbw"))], True
        else:
            level, party = _WORD_LEVEL[_unit_word(m.group("sw"))], False
        name, end = _name_after(text, m.end(), level)
        body = _BODY_BEFORE.search(text, max(0, m.start() - 30), m.start()) if party else None
        start = body.start() if body else m.start()
        organs.append(Organ(text[start:end], start, end, level, name, party))
    return organs


def _is_genitive(text: str, organ: Organ) -> bool:
    before = text[max(0, organ.start - 40) : organ.start]
    return bool(_GENITIVE.search(before))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s]


_ORGANISE = ("tổ chức", "tiến hành", "long trọng tổ chức", "khai mạc", "bế mạc", "chủ trì", "đồng chủ trì")


def _meeting_in(sentence: str) -> tuple[MeetingMention | None, bool]:
    """The meeting a sentence reports (or None), and whether it reports another kind of event instead
    (a council session, a ceremony), which ends the search."""
    for organ in find_organs(sentence):
        noun = _NOUN_FIRST.search(sentence, max(0, organ.start - 60), organ.start)
        if noun:  # "Hội nghị lần thứ 19 Ban Chấp hành ...", "Đại hội đại biểu Đảng bộ tỉnh ..."
            word = noun.group("noun").lower()
            if not organ.party or word == "kỳ họp":
                return None, True
            kind = "đại hội" if word == "đại hội" else _kind(sentence[noun.start() :])
            return MeetingMention(organ, kind, sentence), False
        m = _SUBJECT_VERB.match(sentence, organ.end)
        if not m or _is_genitive(sentence, organ):
            continue
        verb, rest = m.group("verb"), m.group("rest")
        holder = organ
        if verb in _ORGANISE:
            if _OTHER_EVENT.match(rest):
                return None, True
            if not (_MEETING_OBJECT.match(rest) or verb.endswith("mạc")):
                continue
            # "Thường trực Thành ủy Trà Vinh tổ chức Hội nghị Ban Chấp hành Đảng bộ thành phố": the body
            # whose meeting it is, named after the organiser's unit.
            inner = next((o for o in find_organs(rest[:60]) if o.start < 30 and o.party), None)
            if inner is not None:
                inner.name = inner.name or organ.name
                holder = inner
        if not organ.party:
            return None, True
        kind = "đại hội" if _CONGRESS.match(rest) else _kind(sentence[organ.start :])
        return MeetingMention(holder, kind, sentence), False
    return None, False


def _kind(text: str) -> str:
    for m in _KIND.finditer(text[:160]):
        if not _NOT_KIND_BEFORE.search(text[max(0, m.start() - 15) : m.start()]):
            return m.group(0).lower()
    return "hội nghị"


_LEAD_CHARS = 2000  # a lead paragraph longer than this is not one


def read_committee(title: str, paragraphs: list[str]) -> Reading:
    """Find the central committee and the meetings reported in the headline and lead."""
    reading = Reading()
    if title.isupper():  # a headline in capitals hides which words are names: read the lead instead
        title = ""
    lead = [s for p in paragraphs[:2] for s in sentences(p[:_LEAD_CHARS])]
    first_meeting = None
    blocked = False
    for sentence in [title, *lead[:4]]:
        meeting, other = _meeting_in(sentence)
        if meeting:
            first_meeting = meeting
            break
        if other:
            blocked = True
            break
    if first_meeting is not None:
        # The lead's sentence gives the date; the headline may only name the meeting.
        if first_meeting.sentence is title:
            lead_meeting = next((m for m in map(lambda s: _meeting_in(s)[0], lead[:2]) if m), None)
            if lead_meeting is not None:
                first_meeting = lead_meeting
            elif lead:
                first_meeting.sentence = lead[0]
        reading.meetings.append(first_meeting)
        reading.meetings += _more_meetings(paragraphs, first_meeting)
    reading.organ = _central_organ(title, paragraphs, first_meeting, blocked)
    return reading


_TIME_OPENER = re.compile(
    r"(?:Cũng trong|Ngay sau|Trước đó|Sau đó|Tiếp đó|Chiều cùng ngày|Sáng cùng ngày|(?:Sáng|Chiều|Tối|Ngày)\s+\d)"
)


def _more_meetings(paragraphs: list[str], first: MeetingMention) -> list[MeetingMention]:
    """Further meetings the article reports in sentences of their own ("Cũng trong chiều 15/10, Ban Chấp
    hành Đảng bộ tỉnh khóa XVII đã tiến hành Hội nghị lần thứ nhất")."""
    found = []
    for paragraph in paragraphs[1:]:
        for sentence in sentences(paragraph):
            if sentence is first.sentence or not _TIME_OPENER.match(sentence):
                continue
            meeting, _ = _meeting_in(sentence)
            if meeting and meeting.organ.text != first.organ.text:
                found.append(meeting)
    return found


def _central_organ(
    title: str, paragraphs: list[str], meeting: MeetingMention | None, blocked: bool
) -> Organ | None:
    for organ in find_organs(title):
        if not _is_genitive(title, organ):
            return organ
    if meeting is not None:
        return meeting.organ
    for paragraph in paragraphs[:2]:
        for organ in find_organs(paragraph):
            if not _is_genitive(paragraph, organ):
                return organ
    return None


# ---------------------------------------------------------------------------------------------------
# Place


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
    names = {fold(u.name): u.code for era in ("2025", "2023") for u in gazetteer.provinces(era)}
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
    keys = {key, key.removeprefix("bao"), key.removeprefix("b")}
    for suffix in ("o", "dt", "tv", "online"):
        keys |= {k.removesuffix(suffix) for k in list(keys)}
    table = _initials()
    return tuple(u for k in sorted(keys) if len(k) >= 2 for u in table.get(k, ()))


def _mentions(text: str, organs: list[Organ]) -> list[tuple[str, str]]:
    """(unit word, name) for every place the text names: "tỉnh Trà Vinh", "các huyện Trà Cú, Cầu Kè",
    "Huyện ủy Tháp Mười"."""
    found = []
    for m in _PLACE.finditer(text):
        word = _unit_word(m.group(1))
        level = _WORD_LEVEL.get(word)
        name, end = _name_after(text, m.end(), level)
        if not name:
            continue
        found.append((word, name))
        if _LIST_OF_UNITS.match(text, max(0, m.start() - 4)):  # "các huyện Trà Cú, Cầu Kè, Tiểu Cần"
            while sep := _LIST_SEPARATOR.match(text, end):
                more, end = _name_after(text, sep.end(), level)
                if not more:
                    break
                found.append((word, more))
    for organ in organs:
        if organ.name:
            found.append((_LEVEL_WORD[organ.level], organ.name))
    return found


def locate(
    reading: Reading,
    title: str,
    body: str,
    *,
    date: dt.date | None = None,
    hints: dict | None = None,
    source_hint: str | None = None,
    site_lines: list[str] | None = None,
    credited: str | None = None,
) -> Place:
    """Level, province and locality of the central committee, voting on the evidence for the province."""
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
    organs = find_organs(title) + find_organs(body)
    mentions = _mentions(title, []) + _mentions(body, []) + _mentions("", organs)
    for word, name in mentions:
        if word in ("tỉnh", "thành phố"):
            vote(_province_named(name), 2)
        if word not in ("tỉnh", "xã", "phường", "thị trấn"):
            units = _districts(name, _WORD_LEVEL.get(word))
            for u in units:
                vote(u, 1 / len(units))

    place = Place()
    organ = reading.organ
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


def _best(units, province_of, votes: dict[str, float]):
    return max(units, key=lambda u: votes.get(province_of(u), 0.0)) if units else None


def _place_organ(
    place: Place,
    organ: Organ,
    votes: dict[str, float],
    era: str,
    organs: list[Organ],
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
        u = _best(_districts(name, organ.level), lambda u: _province_of(u.code, era).code, votes)
        if u is not None:
            place.locality, place.locality_code = _numbered(u.type, u.name), u.code
            place.province = _province_of(u.code, era)
    elif organ.level == "commune":
        rows = gazetteer.find_communes(name) + (
            gazetteer.find_communes(name.zfill(2)) if name.isdigit() else []
        )
        if era == "2025":
            rows = [r for r in rows if r[4] == "2025"] or rows
        row = _best(rows, lambda r: _province_of(r[5], era).code, votes)
        if row is not None:
            place.locality = _numbered(row[2], row[1])
            place.province = _province_of(row[5], era)
        elif name.isdigit():
            place.locality = _numbered(_COMMUNE_WORD.get(organ.text.split()[-2], "phường"), name)


def _numbered(unit_type: str, name: str) -> str:
    """A numbered unit is written with its unit word ("Phường 5", "Quận 1"); others by name alone."""
    return f"{unit_type.capitalize()} {int(name)}" if name.isdigit() else name


def _name_elsewhere(organ: Organ, organs: list[Organ], mentions: list[tuple[str, str]]) -> str | None:
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

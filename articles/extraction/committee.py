"""Stage 5: the Party committee an article is about and the meetings it reports.

The committee at the centre is the one the headline names, else the one that holds the meeting in the
lead, else the lead's subject ("Huyện ủy Tháp Mười xây dựng kế hoạch"), skipping committees named only
inside someone's title ("Ủy viên Ban Thường vụ Tỉnh ủy") or a document's ("Chương trình hành động Tỉnh ủy").
Where it sits (level, province, locality) is `places.locate`'s work.

A meeting is reported when a Party body holds it in the headline or lead: "<organ> tổ chức hội nghị",
"<organ> họp / giao ban / sơ kết", "Hội nghị (lần thứ N) <organ>", "Đại hội đại biểu Đảng bộ <unit>".
A People's Council or Committee session, a ceremony or a chi bộ meeting is no meeting of a Party committee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .places import UNIT_WORDS, WORD_LEVEL, name_after, unit_word

# Committees; their unit's name follows as capitalised words (read by `places.name_after`).
# The lookahead lets the engine skip every position that cannot start a committee (speed on long texts).
_COMMITTEE = re.compile(
    r"(?=[TQHĐBUỦ])(?:(?P<uy>Tỉnh|Thành|Huyện|Quận|Thị) [ủỦ]y"
    r"|(?P<du>Đảng [ủỦ]y) (?P<duw>xã|phường|thị trấn)"
    r"|(?P<fn>Đảng [ủỦ]y (?:Khối|Quân sự|Công an|Bộ đội Biên phòng|Biên phòng|các cơ quan|Cơ quan)[\w ]{0,40}?)"
    r" (?P<fnw>tỉnh|thành phố|huyện|quận|thị xã)"
    r"|(?P<db>(?:Ban Chấp hành |BCH )?Đảng bộ) (?P<dbw>" + UNIT_WORDS + r")"
    r"|(?P<state>HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân) (?P<sw>" + UNIT_WORDS + r"))(?!\w)"
)
# The body of the committee written in front of it: "Ban Thường vụ (BTV) Huyện ủy".
_BODY_BEFORE = re.compile(r"(?:Ban [Tt]hường vụ|BTV|Thường trực|Ban Chấp hành|BCH)(?: \(BTV\)| \(BCH\))? $")
_UY_LEVEL = {"Tỉnh": "province", "Thành": "city", "Huyện": "district", "Quận": "district", "Thị": "town"}
# Words before a committee that make it part of someone's title or of a document, not the article's subject.
_GENITIVE = re.compile(
    r"(?:Bí thư|Phó Bí thư|Ủy viên|viên|Trưởng [Bb]an|Phó Trưởng [Bb]an|Chánh Văn phòng|Văn phòng"
    r"|Ban Tổ chức|Ban Tuyên giáo|Ban Dân vận|Ban Nội chính|Ban Kinh tế|Ủy ban Kiểm tra|Chủ nhiệm|Chủ tịch"
    r"|Phó Chủ tịch|Thường trực|hội trường|Hội trường|trụ sở|của|thuộc|các|với|Chương trình[\w ]{0,20}"
    r"|Nghị quyết[\w ]{0,20}|Kế hoạch|Chỉ thị|Kết luận|Quyết định|Đề án|Quy chế|Quy hoạch|Ban Chỉ đạo"
    r"|Ban cán sự đảng|Đảng đoàn|Tổ chức|Tuyên giáo|Dân vận|Kiểm tra)\s*,?\s*$"
)
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
_OWNED_MEETING = re.compile(r"(?:[Hh]ội nghị|[Cc]uộc họp|buổi giao ban)(?: [\w/,-]+){0,12} của $")
_KIND = re.compile(r"giao ban|sơ kết|tổng kết", re.IGNORECASE)
_NOT_KIND_BEFORE = re.compile(r"(?:chuẩn bị|tiến tới|hướng tới|để|cho|các|việc)\s+$")
# A sentence ends at a stop before a letter, but not after an abbreviation ("TP. Cao Lãnh", "ThS. Lê A").
_SENTENCE = re.compile(
    r"(?<=[.!?…])(?<!\bTP\.)(?<!\bTX\.)(?<!\bTT\.)(?<!\bTS\.)(?<!\bGS\.)(?<!\bThS\.)(?<!\bPGS\.)"
    r"(?<!\b[A-ZĐ]\.)\s+(?=[^\W\d_])"
)


@dataclass(frozen=True)
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
class Reading:
    """What this stage reads: the committee at the article's centre and the meetings it reports."""

    organ: Organ | None = None
    meetings: list[MeetingMention] = field(default_factory=list)


@lru_cache(maxsize=64)  # the headline and lead are read several times per article
def find_organs(text: str) -> tuple[Organ, ...]:
    """Every committee (and HĐND/UBND) named in `text`, in order."""
    organs = []
    for m in _COMMITTEE.finditer(text):
        if m.group("uy"):
            level, party = _UY_LEVEL[m.group("uy")], True
        elif m.group("du"):
            level, party = "commune", True
        elif m.group("fn"):  # "Đảng ủy Khối các cơ quan tỉnh": a committee at its unit's level
            level, party = WORD_LEVEL[m.group("fnw")], True
        elif m.group("db"):
            level, party = WORD_LEVEL[unit_word(m.group("dbw"))], True
        else:
            level, party = WORD_LEVEL[unit_word(m.group("sw"))], False
        name, end = name_after(text, m.end(), level)
        body = _BODY_BEFORE.search(text, max(0, m.start() - 30), m.start()) if party else None
        start = body.start() if body else m.start()
        organs.append(Organ(text[start:end], start, end, level, name, party))
    return tuple(organs)


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
        owned = _OWNED_MEETING.search(sentence, max(0, organ.start - 100), organ.start)
        if owned and organ.party:  # "chủ trì hội nghị sơ kết công tác quý I của Ban Thường vụ Huyện ủy"
            return MeetingMention(organ, _kind(sentence[owned.start() :]), sentence), False
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
                holder = replace(inner, name=inner.name or organ.name)
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


def read_committee(title: str, paragraphs: list[str]) -> Reading:
    """Find the central committee and the meetings reported in the headline and lead."""
    reading = Reading()
    if title.isupper():  # a headline in capitals hides which words are names: read the lead instead
        title = ""
    lead = [s for p in paragraphs[:2] for s in sentences(p)]
    first_meeting = None
    for sentence in [title, *lead[:4]]:
        meeting, other_event = _meeting_in(sentence)
        if meeting or other_event:
            first_meeting = meeting
            break
    if first_meeting is not None:
        # The lead's sentence gives the date; the headline may only name the meeting.
        if first_meeting.sentence is title:
            lead_meeting = next((m for m in (_meeting_in(s)[0] for s in lead[:2]) if m), None)
            if lead_meeting is not None:
                first_meeting = lead_meeting
            elif lead:
                first_meeting.sentence = lead[0]
        reading.meetings.append(first_meeting)
        reading.meetings += _more_meetings(paragraphs, first_meeting)
    reading.organ = _central_organ(title, paragraphs, first_meeting)
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


def _central_organ(title: str, paragraphs: list[str], meeting: MeetingMention | None) -> Organ | None:
    """The headline's committee, else the meeting's holder, else the lead's subject."""
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

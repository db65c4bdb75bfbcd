"""Stage 4: dates in running text, the years they leave out, and the period a report covers.

Dates come in many hands: "Sáng ngày 1/12", "Ngày 10-12", "Chiều nay 12.4", "Ngày 17 – 9",
"ngày 26 tháng 6 năm 2020", "05/01/2024". A day and month with no year must be read as a date only
after a cue ("ngày", "sáng", "chiều", "từ", "đến"...) since "9/9 tiêu chí" is a ratio. A missing year
comes from the publication date, else from the reported period (a review follows its period: "Ngày
05/01" on the year 2023 is 2024), else from the other dates and years the article writes.

The period ("quý II/2024", "6 tháng đầu năm", "tháng 11", "năm 2023") is read from the headline, then
the lead; a period named as the next one's plans ("phương hướng nhiệm vụ tháng 6") is not the report's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .types import Period

_MIN_YEAR, _MAX_YEAR = 1945, 2100
LEAD_CHARS = 2000  # a headline or lead paragraph longer than this is not one: read no further

# A day and a month: "1/12", "10-12", "12.4", "17 – 9", optionally a year: "05/01/2024", "15-10-2024".
_DMY = re.compile(
    r"(?<![\d/.,-])(\d{1,2})(?:([/.-])|\s?[–—-]\s?)(\d{1,2})(?:([/.-])(\d{4}|\d{2}(?![\d/])))?(?![\d%]|[.,/-]\d)"
)
# "ngày 26 tháng 6 năm 2020", "26 tháng 6".
_WORDS = re.compile(r"(?<!\d)(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?(?!\d)", re.IGNORECASE)
# "ngày 5 và 6/12/2023", "ngày 5-6/12": a meeting over several days is dated by its first.
_DAYS = re.compile(
    r"(?<![\d/.,-])(\d{1,2})(?:\s*(?:,|và|-|–)\s*\d{1,2})+\s*([/.])\s*(\d{1,2})(?:\2(\d{4}))?(?![\d%]|[.,/-]\d)"
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# Words after which a bare day/month is a date.
_CUE = re.compile(
    r"(?:ngày|sáng|chiều|trưa|tối|đêm|nay|hôm|từ|đến|tới|trước|sau|vào|mùng|mồng|đầu|cuối|qua|đến hết"
    r"|thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)"
    r"\s*(?:ngày)?\s*[(]?\s*$",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\b(?:sáng|chiều|trưa|tối|hôm|đêm) nay\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\b(?:hôm qua|(?:sáng|chiều|trưa|tối|đêm) (?:hôm )?qua)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text; `year` is None when the text leaves it out."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    def resolve(self, year: int) -> dt.date | None:
        return _date(self.year or year, self.month, self.day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    if year < 100:
        year += 2000
    return year if _MIN_YEAR <= year <= _MAX_YEAR else None


def find_dates(text: str, need_cue: bool = True) -> list[DateMention]:
    """Every date in `text`, in order. A day/month without a year needs a cue word unless `need_cue`
    is false (a stamp line)."""
    found: list[DateMention] = []
    for m in _WORDS.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if _valid(day, month):
            found.append(DateMention(m.start(), m.end(), day, month, _year(m.group(3))))
    for m in _DAYS.finditer(text):
        day, month = int(m.group(1)), int(m.group(3))
        if _valid(day, month) and _CUE.search(text, max(0, m.start() - 24), m.start()):
            found.append(DateMention(m.start(), m.end(), day, month, _year(m.group(4))))
    for m in _ISO.finditer(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(day, month) and _MIN_YEAR <= year <= _MAX_YEAR:
            found.append(DateMention(m.start(), m.end(), day, month, year))
    for m in _DMY.finditer(text):
        if any(d.start <= m.start() < d.end for d in found):
            continue
        day, month = int(m.group(1)), int(m.group(3))
        year = _year(m.group(5)) if m.group(4) and (m.group(2) in (None, m.group(4))) else None
        if m.group(5) and year is None:
            continue
        if not _valid(day, month):
            continue
        # Without a year "9/9 tiêu chí" is a ratio and "2.2022" a quarter: a date needs a cue word,
        # and a spaced dash ("17 – 9") needs one even in a stamp.
        needs_cue = year is None and (need_cue or not m.group(2))
        if needs_cue and not _CUE.search(text, max(0, m.start() - 24), m.start()):
            continue
        found.append(DateMention(m.start(), m.end(), day, month, year))
    found.sort(key=lambda d: d.start)
    return found


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


# "Kế hoạch số 12-KH/TU ngày 5/1/2024": a document's date, not the meeting's.
_DOCUMENT_DATE = re.compile(r"(?:số\s*[\w/.-]+|ban hành|ký)\s*,?\s*(?:ngày\s*)?$", re.IGNORECASE)


def relative_day(text: str, published: dt.date | None) -> dt.date | None:
    """ "Sáng nay", "hôm nay" mean the day of publication; "hôm qua" the day before."""
    if published is None:
        return None
    if _TODAY.search(text):
        return published
    if _YESTERDAY.search(text):
        return published - dt.timedelta(days=1)
    return None


# ---------------------------------------------------------------------------------------------------
# Periods

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUMBER_WORDS = {
    "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mười một": 11, "mười hai": 12,
}  # fmt: skip
_YEAR_TAIL = r"(?:\s*(?:/|\.|-|năm|,? năm)\s*(?P<year>(?:19|20)\d{2}))?(?!\d)"
# The lookahead lets the engine skip positions that cannot start a period (speed on long texts).
_PERIOD = re.compile(
    r"(?<!\w)(?=[\dqtnhbscm])(?:(?P<quarter>quý\s+(?P<q>IV|I{1,3}|[1-4])(?![\w]))"
    + _YEAR_TAIL.replace("year", "qy")
    + r"|(?P<months>(?P<n>\d{1,2}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s+tháng"
    r"(?P<part>\s+(?:đầu|cuối)(?:\s+năm(?!\s+(?:19|20)\d{2}))?|\s+năm(?!\s+(?:19|20)\d{2})|\s+qua)?)(?!\s*(?:tuổi|qua,))"
    + _YEAR_TAIL.replace("year", "ny")
    + r"|(?P<month>(?<![\d] )tháng\s+(?P<m>\d{1,2})(?!\d))"
    + _YEAR_TAIL.replace("year", "my")
    + r"|(?P<year>(?<!đến )(?<!tới )(?<!từ )năm\s+(?P<yy>(?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)))",
    re.IGNORECASE,
)
# The last cue word before a period in its clause tells whether it is the report's or the next period's
# plans: "sơ kết tình hình tháng 5, đề ra phương hướng nhiệm vụ tháng 6". A bare "nhiệm vụ" makes it
# the next period only when no report word comes before it ("thực hiện nhiệm vụ năm 2023" is reported).
_CUE_WORDS = re.compile(
    r"\b(?:(?P<next>phương hướng|triển khai|kế hoạch|chương trình|đề ra|xây dựng|(?<!địa )bàn|dự kiến|phấn đấu"
    r"|chuẩn bị|định hướng|mục tiêu|thời gian tới|thống nhất|cho|cuối năm)"
    r"|(?P<report>sơ kết|tổng kết|đánh giá|kết quả|tình hình|thực hiện|trong|giao ban|báo cáo|lũy kế)"
    r"|(?P<task>nhiệm vụ))\b",
    re.IGNORECASE,
)
# Spans that are not periods at all: terms of office, plans to a horizon, dates.
_NOT_PERIOD_BEFORE = re.compile(
    r"(?:nhiệm kỳ|giai đoạn|thời kỳ|tầm nhìn|đến năm|khóa|ngày \d{1,2}|\d{1,2})\s*$", re.IGNORECASE
)


_REVIEWED = re.compile(
    r"(?:sơ kết|tổng kết|công tác|tình hình|kết quả|lũy kế|đánh giá|trong)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    kind: str
    number: int | None  # month, quarter, half or count of months
    year: int | None
    is_next: bool

    def period(self, year: int) -> Period | None:
        year = self.year or year
        if self.kind == "month":
            return Period("month", year, month=self.number)
        if self.kind == "quarter":
            return Period("quarter", year, quarter=self.number)
        if self.kind == "half":
            return Period("half", year, half=self.number)
        if self.kind == "months":
            return Period("months", year, months=self.number)
        return Period("year", year)


def _is_next(clause: str) -> bool:
    last = None
    seen_report = False
    for m in _CUE_WORDS.finditer(clause):
        if m.group("report"):
            seen_report = True
        last = m.lastgroup if m.lastgroup != "task" or not seen_report else last
    return last in ("next", "task")


def find_periods(text: str) -> list[PeriodMention]:
    """Every period named in `text`, with whether it is the next period's plans."""
    found = []
    for m in _PERIOD.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        clause = re.split(r"[.;:!?\n]|, (?=(?:và|đồng thời|sơ kết|tổng kết|đánh giá)\b)", before)[-1]
        if _NOT_PERIOD_BEFORE.search(before[-20:]) and not m.group("months"):
            continue
        mention = _mention(m, bare_count=bool(_REVIEWED.search(before)))
        if mention is None:
            continue
        is_next = _is_next(clause)
        if mention.kind == "half" and mention.number == 2 or re.match(r"\s+cuối", m.group("part") or ""):
            is_next = True
        found.append(PeriodMention(m.start(), m.end(), mention.kind, mention.number, mention.year, is_next))
    return found


def _mention(m: re.Match, bare_count: bool = False) -> PeriodMention | None:
    """The period a match names; a bare count of months ("9 tháng") only when `bare_count` (it follows a
    word of review: "sơ kết công tác 9 tháng"), since "sau 3 tháng triển khai" is a duration."""
    if m.group("quarter"):
        q = m.group("q").lower()
        number = _ROMAN.get(q) or int(q)
        return PeriodMention(0, 0, "quarter", number, _year(m.group("qy")), False)
    if m.group("months"):
        n = m.group("n").lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        part = (m.group("part") or "").strip().lower()
        year = _year(m.group("ny"))
        if part.startswith("cuối"):  # "6 tháng cuối năm", "3 tháng cuối năm": what is left of the year
            return {
                6: PeriodMention(0, 0, "half", 2, year, True),
                3: PeriodMention(0, 0, "quarter", 4, year, True),
            }.get(count)
        if count == 6:
            return PeriodMention(0, 0, "half", 1, year, False)
        if count == 3 and part.startswith("đầu"):
            return PeriodMention(0, 0, "quarter", 1, year, False)
        if 2 <= count <= 11 and (part or year or bare_count):
            return PeriodMention(0, 0, "months", count, year, False)
        return None
    if m.group("month"):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            return None
        return PeriodMention(0, 0, "month", month, _year(m.group("my")), False)
    return PeriodMention(0, 0, "year", None, _year(m.group("yy")), False)


_MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_YEAR_WORD = re.compile(r"(?<!đến )(?<!tới )năm\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)", re.IGNORECASE)


def text_anchor(text: str) -> dt.date | None:
    """For an article without a stamp: the latest full date or month/year it writes ("24/11/2023",
    "tháng 12/2023"), else the end of the year it names most often ("Nghị quyết năm 2022")."""
    dates = [d.resolve(0) for d in find_dates(text) if d.year]
    dates += [_date(int(m.group(2)), int(m.group(1)), 1) for m in _MONTH_YEAR.finditer(text)]
    dates = [d for d in dates if d]
    if dates:
        return max(dates)
    years = [int(m.group(1)) for m in _YEAR_WORD.finditer(text)]
    if years:
        year = max(set(years), key=lambda y: (years.count(y), -y))
        return dt.date(year, 12, 31)
    return None


def choose_period(title: str, paragraphs: list[str]) -> tuple[PeriodMention | None, list[PeriodMention]]:
    """The period the report covers: the first one named in the headline that is not the next period's
    plans, else in the lead; a bare "năm 2023" counts only in the headline and the first paragraph.
    Returns it with the periods named after it in the headline and lead (to infer a missing year from
    the next one's: "Sơ kết quý I" over "... đề ra nhiệm vụ quý II/2024")."""
    chosen, after, source = None, [], -1
    for i, text in enumerate((title[:LEAD_CHARS], *paragraphs[:2])):
        for m in find_periods(text):
            if chosen is not None:
                # Next periods, the chosen one's neighbours and the same period restated with its year
                # ("tháng 3" in the headline, "tháng 3 năm 2024" in the lead) tell the year.
                if m.is_next or i == source or (m.kind, m.number) == (chosen.kind, chosen.number):
                    after.append(m)
            elif not m.is_next and not (m.kind == "year" and i > 1):
                chosen, source = m, i
    return chosen, after


def _year_from_next(chosen: PeriodMention, after: list[PeriodMention]) -> int | None:
    """ "tháng 11, ... nhiệm vụ tháng 12 năm 2024": the year that ends the reported period just before the
    next one named after it begins ("tháng 12 ... tháng 1/2025" is December 2024); a period reported
    alongside gives its own year."""
    for m in after:
        if not m.year:
            continue
        if not m.is_next:  # "sơ kết quý III và 9 tháng năm 2024": reported together, the same year
            return m.year
        begins = m.period(m.year).bounds()[0]
        for year in (m.year, m.year - 1):
            if chosen.period(year).bounds()[1] < begins:
                return year
    return None


def _end_of(p: Period) -> dt.date:
    return p.bounds()[1]


def period_year_from(mention: PeriodMention, meeting: dt.date) -> int:
    """The year that puts the period's end shortly before the meeting (a review follows its period; a
    quarter or a year may be reviewed in its last month: "sơ kết quý IV" on 10 December)."""
    early = dt.timedelta(days=15 if mention.kind == "month" else 31)
    for year in (meeting.year, meeting.year - 1):
        if _end_of(mention.period(year)) <= meeting + early:
            return year
    return meeting.year - 1


def year_near(mention: DateMention, anchor: dt.date) -> int:
    """The year that puts a day/month on or shortly before the anchor date (publication)."""
    for year in (anchor.year, anchor.year - 1):
        d = mention.resolve(year)
        if d and d <= anchor + dt.timedelta(days=2):
            return year
    return anchor.year


def year_after(mention: DateMention, period: Period) -> int:
    """The year that puts a meeting just after the period it reviews ("Ngày 05/01" on 2023 is 2024)."""
    end = _end_of(period)
    for year in (period.year, period.year + 1):
        d = mention.resolve(year)
        if d and end - dt.timedelta(days=45) <= d <= end + dt.timedelta(days=330):
            return year
    return period.year


_CONGRESS_TERM = re.compile(
    r"(?<!quyết )(?<!Quyết )(?<!chuẩn bị )[Đđ]ại hội\b[^.;]{0,160}?nhiệm kỳ\s*((?:19|20)\d{2})\s*[-–—]\s*(?:19|20)\d{2}",
    re.IGNORECASE,
)


def _congress_year(title: str, meeting_texts: list[str]) -> dt.date | None:
    """A congress is held in the first year of the term it opens ("Đại hội ... nhiệm kỳ 2020 - 2025"); a
    resolution of one ("Nghị quyết Đại hội ... nhiệm kỳ 2020 - 2025") dates nothing."""
    for text in (*meeting_texts, title):
        m = _CONGRESS_TERM.search(text[:LEAD_CHARS])
        if m:
            return dt.date(int(m.group(1)), 12, 31)
    return None


@dataclass
class Dating:
    period: Period | None
    dates: list[dt.date | None]  # one per meeting text given, in order


def read_dates(
    title: str,
    paragraphs: list[str],
    meeting_texts: list[str],
    published: dt.date | None,
    body: str,
) -> Dating:
    """Resolve the reported period and the date of each meeting (from the sentence that reports it)."""
    chosen, after = choose_period(title, paragraphs)
    raw_dates: list[DateMention | dt.date | None] = []
    for text in meeting_texts:
        found = [
            d
            for d in find_dates(text[:300])
            if not _DOCUMENT_DATE.search(text, max(0, d.start - 40), d.start)
        ]
        if found and found[0].start < 120:
            raw_dates.append(found[0])
        else:
            raw_dates.append(relative_day(text[:80], published))
    explicit = next((d for d in raw_dates if isinstance(d, DateMention) and d.year), None)
    anchor = published or (explicit.resolve(0) if explicit else None)

    year = None
    if chosen is not None:
        year = chosen.year or _year_from_next(chosen, after)
        if year is None and anchor is not None:
            year = period_year_from(chosen, anchor)
    period = chosen.period(year) if chosen is not None and year is not None else None

    fallback = None if (anchor or period) else _congress_year(title, meeting_texts) or text_anchor(body)
    dates: list[dt.date | None] = []
    for d in raw_dates:
        if isinstance(d, DateMention):
            if d.year:
                dates.append(d.resolve(d.year))
            elif published is not None:
                dates.append(d.resolve(year_near(d, published)))
            elif period is not None:
                dates.append(d.resolve(year_after(d, period)))
            elif anchor or fallback:
                dates.append(d.resolve(year_near(d, anchor or fallback)))
            else:
                dates.append(None)
        else:
            dates.append(d)
    if chosen is not None and period is None:
        first = next((d for d in dates if d), None)
        if first is not None:
            period = chosen.period(period_year_from(chosen, first))
        elif fallback is not None:
            period = chosen.period(period_year_from(chosen, fallback))
    return Dating(period, dates)

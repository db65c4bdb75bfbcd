"""Stage 3: headline, publication stamp and byline; what is left is the body.

The headline is the first substantial line. The stamp is a line near it made only of a date, a time,
a weekday and words such as "Cập nhật ngày:" ("Cập nhật ngày: 23/01/2024 18:19:34", "21:27 27/06/2020",
"Thứ Năm, 18/07/2024 - 09:15"), sometimes glued to the lead ("14/12/2021Ngày 13/12, ..."). The byline
is the last line when it is labelled ("Tin, ảnh: MINH ĐỨC", "Thực hiện: ...") or is a name alone
("Vy Trần", "QUỐC BẢO", "Ngọc Diệp (Văn phòng Tỉnh ủy)", "Nhóm phóng viên"). Bylines are authors,
never people named in the article, so they leave the body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .clean import Cleaned
from .dates import LEAD_CHARS, find_dates

_FULL_DATE = re.compile(
    r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
)
_WORDS_DATE = re.compile(r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
_TIME = re.compile(
    r"(?<!\d)\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:AM|PM|SA|CH))?(?!\d)", re.IGNORECASE
)
_STAMP_WORDS = re.compile(
    r"cập nhật(?: lúc| ngày)?|ngày đăng|đăng lúc|đăng ngày|ngày xuất bản|xuất bản|thời gian đăng|thời gian"
    r"|posted|updated|published|\(?gmt\s*\+\s*7\)?|thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|\bcn\b"
    r"|(?:view count|lượt xem|lượt đọc|views?)\s*:?\s*[\d.,]+|ngày|lúc|đăng",
    re.IGNORECASE,
)
_STAMP_REST = re.compile(r"[\s|,:;()\[\]/–—-]*")
_GLUED_STAMP = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})(?:\s*[-|]?\s*\d{1,2}:\d{2})?(?=[^\W\d_])")

_BYLINE_LABEL = re.compile(
    r"(?:tin(?:,| và)? ảnh|bài(?:,| và)? ảnh|tin|bài|thực hiện|tác giả|người viết|phóng viên|pv|nhóm pv"
    r"|nhóm phóng viên|nhóm tác giả|biên tập|thông tin|video|clip)\s*:\s*(?P<name>\S.{0,80})",
    re.IGNORECASE,
)
_GROUP_BYLINE = re.compile(
    r"(?:nhóm (?:phóng viên|pv|tác giả|pv\w*)|phóng viên|pv|ban biên tập|bbt|ctv|nhóm ctv)(?:\s.*)?",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(r"(?:Theo|Nguồn|Báo|Tạp chí|Đài|Cổng|Trang|Thông tấn|TTXVN|VOV|VTV)\b")
_SOURCE_LINE = re.compile(r"\(?(?:Theo|Nguồn)\b:?\s*[^.!?]{2,80}?\)?\.?")
_PHOTO_CREDIT = re.compile(r"\(?(?:Ảnh|Video|Đồ họa)\s*:\s*[^.!?]{2,60}\)?", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"\s+[-–—&]\s+|\s*,\s+|\s+và\s+")
_PARENTHESIS = re.compile(r"\s*\([^()]{1,60}\)$")


@dataclass
class Header:
    """What the page says about the article, and the article's body without headline, stamp and byline."""

    title: str
    published: dt.date | None
    author: str | None
    body: str
    captions: list[tuple[int, int]] = field(default_factory=list)  # spans of photo captions in `body`
    source: str | None = None  # a publisher credited under the article ("Theo Báo Cà Mau")

    def paragraphs(self) -> list[str]:
        """The body's paragraphs of running text, captions left out, each cut at LEAD_CHARS (a paragraph
        longer than that is no paragraph, and the stages that read paragraphs need not read it all)."""
        captions = {start for start, _ in self.captions}
        found, offset = [], 0
        for line in self.body.split("\n"):
            if line and offset not in captions:
                found.append(line[:LEAD_CHARS])
            offset += len(line) + 1
        return found


def parse_stamp(line: str) -> dt.date | None:
    """The date of a publication stamp line, or None when the line is anything else."""
    if len(line) > 90:
        return None
    m = _FULL_DATE.search(line) or _WORDS_DATE.search(line)
    if not m:
        return None
    rest = _WORDS_DATE.sub(" ", line)
    rest = _FULL_DATE.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _STAMP_WORDS.sub(" ", rest)
    if not _STAMP_REST.fullmatch(rest):
        return None
    found = find_dates(line, need_cue=False)
    return next((d.resolve(d.year) for d in found if d.year), None)


def _name_alone(line: str) -> bool:
    """ "Vy Trần", "QUỐC BẢO", "Gia Huy - Bảo Trâm", "K'THÁI", "Ngọc Diệp (Văn phòng Tỉnh ủy)"."""
    if len(line) > 70 or any(c.isdigit() for c in line) or line.endswith((".", ":", ";", ",")):
        return False
    line = _PARENTHESIS.sub("", line)
    names = _NAME_SEPARATORS.split(line)
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5:
            return False
        for word in words:
            letters = [c for c in word if c.isalpha()]
            if not letters or not letters[0].isupper() or not all(c.isalpha() or c in "'’.-" for c in word):
                return False
    # One capitalised word alone ("Tin") is not a byline unless set in capitals ("PV" aside).
    return len(names) > 1 or len(line.split()) > 1 or line.isupper() and len(line) > 2


def parse_byline(line: str) -> str | None:
    """The author named by a byline line, or None."""
    m = _BYLINE_LABEL.fullmatch(line)
    if m:
        name = m.group("name").strip(" .")
        return name or None
    if _GROUP_BYLINE.fullmatch(line) and len(line) < 40:
        return line.strip(" .")
    if _PUBLISHER.match(line):  # "Báo Sài Gòn Giải Phóng", "Theo TTXVN": a source, not an author
        return None
    if _name_alone(line):
        return line.strip()
    return None


def _is_title(line: str) -> bool:
    return len(line.split()) >= 4 and parse_stamp(line) is None  # "Xây dựng Đảng" is a section


def read_header(cleaned: Cleaned, published_hint: dt.date | None = None) -> Header:
    """Split the cleaned lines into headline, stamp, byline and body."""
    lines = list(cleaned.lines)
    captions = set(cleaned.captions)
    title_at = next((i for i, line in enumerate(lines) if line and _is_title(line)), None)
    title = lines[title_at] if title_at is not None else ""
    drop: set[int] = {title_at} if title_at is not None else set()

    published = None
    stamp_at = None
    start = title_at + 1 if title_at is not None else 0
    # Stamps under the headline first: a portal's header may show today's date above it.
    after, before = range(start, min(len(lines), start + 4)), range(start - 2, max(-1, start - 5), -1)
    window = [i for i in (*after, *before) if i != title_at and lines[i]]
    for i in window:
        published = parse_stamp(lines[i])
        if published:
            drop.add(i)
            stamp_at = i
            break
        m = _GLUED_STAMP.match(lines[i])
        if m:
            published = find_dates(m.group(1), need_cue=False)[0].resolve(0)
            lines[i] = lines[i][m.end() :]
            break

    author = None
    source = None
    tail = [i for i in range(len(lines) - 1, start - 1, -1) if lines[i] and i not in drop][:3]
    for i in tail:
        stamp = parse_stamp(lines[i])
        if stamp:  # a stamp printed under the article
            published = published or stamp
            drop.add(i)
            continue
        if _SOURCE_LINE.fullmatch(lines[i]) and source is None:  # "Theo Báo Cà Mau", "Nguồn: baocamau.vn"
            source = lines[i]
            drop.add(i)
            continue
        if _PHOTO_CREDIT.fullmatch(lines[i]):  # "Ảnh: Thu Hà" under the writer's byline
            drop.add(i)
            continue
        if author is not None:
            break
        author = parse_byline(lines[i])
        if author is None:
            break
        drop.add(i)
    if author is None:  # "Bài và ảnh: X" under the headline, or a name alone beside the stamp
        for i in window:
            m = _BYLINE_LABEL.fullmatch(lines[i])
            beside_stamp = (
                stamp_at is not None and abs(i - stamp_at) == 1 and i >= start and i + 1 < len(lines)
            )
            if i not in drop and (m or (beside_stamp and _name_alone(lines[i]))):
                author = m.group("name").strip(" .") if m else lines[i]
                drop.add(i)
                break

    body_lines: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for i in range(start, len(lines)):
        if i in drop or (not lines[i] and (not body_lines or not body_lines[-1])):
            continue
        if lines[i] == title and i < start + 3:  # the headline printed twice (page title and heading)
            continue
        if i in captions:
            spans.append((offset, offset + len(lines[i])))
        body_lines.append(lines[i])
        offset += len(lines[i]) + 1
    while body_lines and not body_lines[-1]:
        body_lines.pop()
    return Header(
        title=title,
        published=published or published_hint,
        author=author,
        body="\n".join(body_lines),
        captions=spans,
        source=source,
    )

"""Stage 2: keep the article, drop the page around it.

Web pages pasted as text carry view counters, share bars, "Tin khác" lists, visitor statistics,
portal headers and footers, leaked image file names and pagination. This stage drops them, cuts
everything after a related-links or footer marker, marks photo captions (kept: they name people),
and takes the publisher's prefix off the lead ("ĐTO - ", "(QBĐT) - ") as a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A line that starts what follows the article: related links, visitor statistics, the site footer.
_END = re.compile(
    r"(?:tin|bài|các tin|các bài|các bài viết|bài viết|tin tức) (?:khác|liên quan|cùng chuyên mục|mới hơn"
    r"|cũ hơn|đã đưa|mới nhất|xem nhiều|đọc nhiều|nổi bật)\b|ý kiến bình luận|gửi cho bạn bè|gửi ý kiến"
    r"|liên kết website|thư viện (?:ảnh|video)"
    r"|xem thêm\b|thống kê truy cập|bản đồ hành chính|đăng nhập$|gửi bình luận|ý kiến bạn đọc|bình luận \(|"
    r"< ?trở về|trở về trang trước|quay lại trang trước|cơ quan chủ quản|đơn vị quản lý|designed by|"
    r"bản quyền thuộc|copyright|©|ghi rõ nguồn|chịu trách nhiệm (?:nội dung|xuất bản)|giấy phép (?:số|xuất bản)|"
    r"(?:trang|cổng) thông tin điện tử|từ khóa:|tags?:",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"(?:lượt xem|lượt đọc|đã xem|số lượt xem|lượt truy cập|view count|views?|intnumviewtotal|đang online|hôm nay"
    r"|trong tuần|trong tháng|tất cả|tổng truy cập|tổng số)\s*[:=]?\s*[\d.,  ]+",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"(?:a\s*a|a-?\s*a\s*a\+?|cỡ chữ.*|in bài(?: viết)?|in trang|gửi (?:email|bài viết)|lưu(?: bài)?|chia sẻ:?.*"
    r"|facebook|zalo|twitter|tweet|like|share|email|bình luận|nghe (?:đọc )?bài(?: viết)?|nghe audio"
    r"|theo dõi .* trên google news|quay lại|trở về|trang chủ\b.*|đầu trang|lên đầu trang|tải về|download"
    r"|bản in|xem cỡ chữ.*|tìm kiếm|cỡ chữ"
    r"|chung nhan tin nhiem mang|chứng nhận tín nhiệm mạng|font size.*|print|in)[.:]?",
    re.IGNORECASE,
)
# A line that is only a link, a file name or a slug ("anh-hoi-nghi_0.jpg", "Anh-tin-bai").
_LINK = re.compile(
    r"(?:https?://|www\.)\S*|\S+\.(?:jpe?g|png|gif|webp|bmp|svg|mp3|mp4|wav|pdf|docx?|xlsx?)"
    r"|[^\W_]+(?:[-_][^\W_]+)+",
    re.IGNORECASE,
)
# Pagination and arrows: "1 2 3 4 5 ...", "1 2 3 4 › »".
_PAGINATION = re.compile(r"[\d\s.…›»«‹<>|/-]*")
_NAV_SEPARATOR = re.compile(r"\s*[|›»]\s*|\s+>\s+")
_SECTION_SEPARATOR = re.compile(r"\s+[-–/]\s+")
_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_SENTENCE_BREAK = re.compile(r"[.!?…] (\w)")
_ELLIPSIS = re.compile(r"\.\.\.|…")
# Portal headers are set in capitals and name the site.
_PORTAL = re.compile(
    r"CỔNG THÔNG TIN|TRANG THÔNG TIN|TRANG TIN|BÁO ĐIỆN TỬ|WEBSITE|ĐẢNG BỘ (?:TỈNH|THÀNH PHỐ|HUYỆN)"
)
# The publisher's tag before the lead: "ĐTO - ", "(QBĐT) - ", "(TTV) - ", "(LĐ online) - ", "(Baonghean.vn) - ".
_SOURCE_PREFIX = re.compile(
    r"(?:\((?P<p>[A-ZĐ][\wĐđ.]{1,24}(?: [Oo]nline)?)\)|(?P<b>[A-ZĐ]{2,8}(?: [Oo]nline)?))"
    r"(?:\s*[-–—]\s*|(?<=\))\s+)(?=\S)"
)
_SOURCE_ALONE = re.compile(r"\(([A-ZĐ][\wĐđ.]{1,24}(?: [Oo]nline)?)\)\s*[-–—]?|([A-ZĐ]{2,8})\s*[-–—]")
# Organ abbreviations that can open a lead ("HĐND - UBND ...") and are not publishers.
_NOT_SOURCES = {"HĐND", "UBND", "MTTQ", "BCH", "BTV", "TP", "TX"}
# Photo captions: a credit, "Quang cảnh ...", or one short line about who speaks, chairs or attends.
_CAPTION_CUE = re.compile(
    r"\bẢnh:|\(Ảnh|^Quang cảnh|^Toàn cảnh|^Các đại biểu|^Đại biểu|phát biểu(?: [\w ]{0,30})?\.?$"
    r"|(?:hội nghị|buổi lễ|đại hội|kỳ họp|cuộc họp|phiên họp|buổi làm việc|buổi sinh hoạt)\.?$",
    re.IGNORECASE,
)


@dataclass
class Cleaned:
    """The article's own lines (blank lines collapsed), which of them are captions, and what was cut."""

    lines: list[str]
    captions: set[int] = field(default_factory=set)
    source_hint: str | None = None
    site_lines: list[str] = field(default_factory=list)  # portal headers and footers: they name the site


def _is_furniture(line: str) -> bool:
    if len(line) > 200:  # furniture is short; running text is not
        return False
    if _COUNTER.fullmatch(line) or _FURNITURE.fullmatch(line) or _LINK.fullmatch(line):
        return True
    if _DATE.search(line):  # a stamp, or running text
        return False
    if _PAGINATION.fullmatch(line):
        return True
    parts = _NAV_SEPARATOR.split(line)
    if len(parts) > 1 and all(len(p) <= 30 and not re.search(r"[.,;]", p) for p in parts):
        return True
    # "Tin tức - Sự kiện": section names of a few words each, joined by dashes or slashes; unlike a byline
    # ("Minh Anh - Thu Hà") not every word is capitalised.
    parts = _SECTION_SEPARATOR.split(line)
    return (
        len(parts) > 1
        and all(0 < len(p.split()) <= 3 and p[:1].isupper() for p in parts)
        and any(word[:1].islower() for word in line.split())
    )


def _is_portal(line: str) -> bool:
    return line.isupper() and bool(_PORTAL.search(line))


def _several_sentences(line: str) -> bool:
    return any(m.group(1).isupper() for m in _SENTENCE_BREAK.finditer(line))


def _is_caption(line: str) -> bool:
    if len(line) > 260 or _several_sentences(line.split("Ảnh:")[0]):
        return False
    if len(line) < 60 and _DATE.search(line):  # a date stamp, not a caption
        return False
    return bool(_CAPTION_CUE.search(line)) or (
        not line.endswith((".", "!", "?", "…", ":", ";", '"', "”")) and len(line.split()) >= 4
    )


def clean(text: str) -> Cleaned:
    """Split normalised `text` into the article's lines, dropping page furniture (see module doc)."""
    lines: list[str] = []
    site: list[str] = []
    raw = text.split("\n")
    substantial = 0  # lines of running text seen so far: end markers count only after the article began
    for i, line in enumerate(raw):
        if not line:
            if lines and lines[-1]:
                lines.append("")
            continue
        if substantial and _END.match(line):
            site.extend(x for x in raw[i:] if x)
            break
        if _is_portal(line) and not substantial:
            site.append(line)
            continue
        if _is_furniture(line):
            continue
        lines.append(line)
        if len(line) > 120:
            substantial += 1
    while lines and not lines[-1]:
        lines.pop()
    source_hint = _take_source_prefix(lines)
    _cut_listing(lines)
    captions = _captions(lines)
    return Cleaned(lines=lines, captions=captions, source_hint=source_hint, site_lines=site)


def _take_source_prefix(lines: list[str]) -> str | None:
    """Remove a publisher's tag from the first lines that carry one; return it."""
    for i, line in enumerate(lines[:8]):
        alone = _SOURCE_ALONE.fullmatch(line)  # "(HCM)" on a line of its own
        if alone and i > 0 and (tag := alone.group(1) or alone.group(2)) not in _NOT_SOURCES:
            lines[i] = ""
            return tag
        m = _SOURCE_PREFIX.match(line)
        if m and len(line) > m.end() + 20:
            tag = m.group("p") or m.group("b")
            if tag in _NOT_SOURCES:
                continue
            lines[i] = line[m.end() :]
            return tag
    return None


def _cut_listing(lines: list[str]) -> None:
    """On a listing page keep the first item: cut at the second stand-alone date stamp."""
    stamps = [
        i for i, line in enumerate(lines) if len(line) < 40 and _DATE.search(line) and len(line.split()) <= 6
    ]
    # Each item is a headline, its stamp and a teaser: the first stamp follows a headline.
    if len(stamps) < 2 or stamps[0] == 0 or stamps[1] - stamps[0] < 2 or stamps[1] == len(lines) - 1:
        return
    cut = stamps[1]
    # The next item's headline is often glued to the previous teaser: "...lúa chiêm xuân...Thị ủy Nghi Sơn".
    previous = lines[cut - 1]
    glued = next((m for m in _ELLIPSIS.finditer(previous) if previous[m.end() : m.end() + 1].isupper()), None)
    del lines[cut:]
    if glued:
        lines[cut - 1] = previous[: glued.end()]
    elif cut - 1 > stamps[0] + 1:
        del lines[cut - 1]


def _captions(lines: list[str]) -> set[int]:
    last = max((i for i, line in enumerate(lines) if line), default=-1)
    return {i for i, line in enumerate(lines) if line and 0 < i < last and _is_caption(line)}

"""Reported figures in an article body: money, percentages, x/y ratios and counts of a noun.

A number counts only with what it measures right after it: "%", a money unit ("tỷ đồng",
"triệu đồng/người/năm", "triệu USD"), a measure ("ha", "km", "tấn/ha") or a counted noun ("17 doanh
nghiệp", "21/22 chỉ tiêu"). Dates, years, times, ordinals and numbers that are part of a name ("Khóm 3",
"Nghị quyết số 12", "Hội nghị Trung ương 4", "lần thứ 16") are left out. Every percentage counts, comparisons
included ("tăng 8,7% so với cùng kỳ", "100% chi bộ"). `label` is the subject before the figure (or the
counted noun phrase), `text` the evidence from the verb or qualifier before it to its unit and comparison.
"""

from __future__ import annotations

import re
from decimal import Decimal

from articles.extraction.numbers import NUMBER, value_of
from articles.extraction.titles import words
from articles.extraction.types import Indicator

_WORD = r"[^\W\d_]"
_PER = rf"((?:/{_WORD}+)*)"
# "5 trên 10 chỉ tiêu": a ratio in words (but "trên 10 chỉ tiêu" alone is "more than 10").
_RATIO_IN_WORDS = re.compile(r" trên (\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)")
_RATIO = re.compile(r"/(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)")
_PERCENT = re.compile(rf" ?%{_PER}")
_MONEY = re.compile(
    r"\s*((?:(?:nghìn|ngàn)\s+)?(?:tỷ|tỉ|triệu|nghìn|ngàn)\s+)?(đồng|dồng|USD|usd|đô la(?: Mỹ)?)"
    rf"(?!{_WORD})(?!\s+(?:chí|bào)\b){_PER}"
)
_MEASURE = re.compile(rf" ?(km2|m2|m3|ha|km|kg|tấn|tạ|MW|kW|kWh|lít|hecta|héc-ta|m)(?!{_WORD}|\d){_PER}")
# "1.200 tỷ" with no noun after it: billions of đồng.
_BARE_BILLION = re.compile(rf" (tỷ|tỉ)(?!{_WORD})(?: ({_WORD}+))?")
# "1 tỷ 200 triệu đồng", "2 triệu 500 nghìn đồng": one amount written in two magnitudes.
_COMPOUND_MONEY = re.compile(
    rf" (?:(?P<big>tỷ|tỉ) (?P<rest>\d{{1,3}}) triệu|(?P<mid>triệu) (?P<rest2>\d{{1,3}}) (?:nghìn|ngàn)) đồng"
    rf"(?!{_WORD}){_PER}"
)
# "5-7%", "6,5 - 7 %", "3-4 tỷ đồng": a range; it is one figure, read by its lower bound.
_RANGE = re.compile(r" ?[-–] ?(\d+(?:,\d+)?)(?= ?%| (?:tỷ|tỉ|triệu|nghìn|ngàn)? ?(?:đồng|USD))")
# "tăng 1,5 lần", "gấp 2 lần": a multiple, a figure in its own right (but "lần thứ 3" is an ordinal).
_TIMES = re.compile(r" (lần)(?! thứ)(?!{_WORD})".replace("{_WORD}", _WORD))
_MULTIPLYING = words("gấp tăng giảm")
_MAGNITUDE = re.compile(r" (nghìn|ngàn|triệu|tỷ|tỉ|vạn) (?=[^\W\d_])")
_NOUN = re.compile(rf" ({_WORD}+)(?: ({_WORD}+))?(?: ({_WORD}+))?")
_TIME = re.compile(r"h\d|:\d|-\d| ?[–-] ?\d|giờ")
_ZERO_SPACE = re.compile(r"(?<![\w.,])0 $")

# Words after a number that are not what it counts: time, ordinals, and function words.
_NOT_UNITS = words(
    """
    tháng năm ngày quý tuần giờ phút giây lần kỳ khóa đợt thứ tuổi nhiệm giai thế
    và hoặc với của cho là tại trong trên dưới đến tới từ so được đã đang sẽ có không bằng đạt tăng giảm còn
    lên xuống về theo do bởi để nên thì mà nhưng các những mỗi này đó ở vào ra rồi cùng như khi sau trước
    qua gần hơn khoảng trở đều cũng vẫn rất hay hết nay tới
    """
)
# Capitalised codes after a number that are document or body codes, not counted things.
_NOT_UNIT_CODES = words("NQ TW TU QĐ UBND HĐND BTV BCH CP KH CT QH TB BC HD KL ĐH")
# Words before a number that make it a date, an ordinal or part of a name.
_NAMING_WORDS = words(
    """
    ngày tháng năm quý sáng chiều tối trưa đêm hôm lúc hồi đợt lần thứ khóa kỳ số khu ấp khóm tổ đội phường
    quận lô thôn xóm bản điều khoản chương mục phần đường lộ tuyến lớp hạng loại nhóm cấp mức phiên phố phòng tầng
    top
    """
)
# Capitalised pairs before a number that name a document or body ("Chỉ thị 35", "Trung ương 4", "Quận ủy 12").
_NAMING_PAIRS = frozenset(
    {
        "trung ương",
        "quốc lộ",
        "tỉnh lộ",
        "chỉ thị",
        "nghị quyết",
        "quyết định",
        "nghị định",
        "thông tư",
        "chỉ đạo",
        "kết luận",
        "quy định",
        "công văn",
        "hội nghị",
        "kỳ họp",
        "đại hội",
        "chương trình",
        "đề án",
        "thông báo",
        "quận ủy",
        "đảng ủy",
        "đảng bộ",
        "chi bộ",
        "quân khu",
        "sư đoàn",
        "trung đoàn",
        "lữ đoàn",
        "tiểu đoàn",
        "binh đoàn",
        "hải đoàn",
    }
)
# Words before a day/month: "vào 15/8", "từ 1/7", "trước 30/4".
_TIME_WORDS = words("vào từ đến tới trước sau đầu cuối dịp hôm đêm nay tối trưa")
_QUALIFIERS = {
    "gần": "gần",
    "trên": "trên",
    "hơn": "hơn",
    "khoảng": "khoảng",
    "chừng": "khoảng",
    "xấp": "khoảng",
    "ước": "ước",
}
_VERBS = words("đạt được tăng giảm bằng còn chiếm có với gồm lên xuống đón tính là xỉ gấp")
_COMPLEMENT = re.compile(
    r" (?:so (?:với )?(?:cùng kỳ|năm trước|tháng trước|kế hoạch|dự toán)(?: năm \d{4})?"
    r"|(?:dự toán|kế hoạch|chỉ tiêu|Nghị quyết|nghị quyết)(?: năm| vốn giao| đề ra)?)"
)
_LEAD = re.compile(
    r"^(?:và|trong đó|riêng|đồng thời|theo đó|đến nay|hiện|hiện nay|toàn (?:tỉnh|huyện|thành phố|thị xã|xã))\s+",
    re.IGNORECASE,
)
# Words closing a clause before its figure: verbs and qualifiers, not part of the subject.
_TAIL_WORDS = words(
    "ước đạt được tăng giảm bằng còn chiếm có với gồm lên xuống đón tính là trên hơn gần khoảng hiện xấp xỉ mới"
    " chỉ vẫn đã thêm cho"
)
_TRAILING_TIME = re.compile(
    r"\s+(?:đến|tính đến|trong|từ|lũy kế|năm|tháng)\s+(?:ngày|tháng|năm|nay|đầu)\b.*$"
)
_MAX_LABEL_WORDS = 14  # Vietnamese words are syllables: "Tỷ lệ bao phủ bảo hiểm y tế trong dân cư" is 11
_PHRASE_END = re.compile(r"[,.;:()\n]| (?:đạt|được|với|của|cho|trong|tại|và|so|bằng|tăng|giảm)\b")
# Counted nouns of three syllables, by their first two.
_THREE_WORD_UNITS = frozenset(
    {"hợp tác", "tổ chức", "hộ kinh", "hộ gia", "lượt du", "nhóm giải", "đơn vị", "điểm phần"}
)


def _prev_words(body: str, start: int) -> tuple[str, str]:
    """The one or two words right before `start` (with their punctuation), nearest last."""
    window = body[max(0, start - 40) : start]
    if not window[-1:].isspace():
        return "", ""
    words = window.split()
    return (words[-2] if len(words) > 1 else ""), (words[-1] if words else "")


def _names_the_number(body: str, start: int) -> bool:
    """True when the number at `start` is a date, an ordinal or part of a name, not a quantity."""
    before2, before = _prev_words(body, start)
    low = before.casefold()
    if (low in _NAMING_WORDS and before2.casefold() != "tổng") or low.endswith("/"):
        return True
    if before[:1].isupper() and before[-1:].isalpha():
        # "Khóm 3", "Quận 1": a capitalised word not opening a sentence
        k = start - len(before) - 1
        while k > 0 and body[k - 1] == " ":
            k -= 1
        if k > 0 and body[k - 1] not in '.!?\n:"“(':
            return True
    pair = f"{before2} {before}".casefold()
    return pair in _NAMING_PAIRS and before2[:1].isupper()


def _multiplying(body: str, start: int) -> bool:
    """The number is a multiple: "gấp 2", "tăng 1,5", "tăng hơn 2"."""
    before2, before = _prev_words(body, start)
    return before.casefold() in _MULTIPLYING or (
        before.casefold() in _QUALIFIERS and before2.casefold() in _MULTIPLYING
    )


def _after_time_word(body: str, start: int) -> bool:
    return _prev_words(body, start)[1].casefold() in _TIME_WORDS


def _qualifier(body: str, start: int) -> tuple[str | None, int]:
    """The qualifier before a number ("trên", "ước"...) and where the evidence phrase starts."""
    words = body[max(0, start - 30) : start].split()
    first = start
    qualifier = None
    pos = start
    for word in reversed(words[-3:]):
        low = word.casefold()
        if low not in _QUALIFIERS and low not in _VERBS:
            break
        pos = body.rfind(word, 0, pos)
        first = pos
        if qualifier is None and low in _QUALIFIERS:
            qualifier = _QUALIFIERS[low]
    return qualifier, first


def _clause_start(body: str, start: int) -> int:
    """Where the clause holding `start` begins: after ";", ":", "(", a line break, " và ", or a "," or "."
    that is not inside a number."""
    low = max(0, start - 160)
    at = max(body.rfind(c, low, start) for c in ";:!?\n(")
    if at >= 0 and body[at] == "(" and ")" in body[at:start]:
        # "Tốc độ tăng trưởng (GRDP) ước đạt": a closed parenthesis is part of the subject
        at = max(body.rfind(c, low, at) for c in ";:!?\n")
    va = body.rfind(" và ", low, start)
    if va >= 0:
        at = max(at, va + 3)
    for c in ",.":
        k = body.rfind(c, max(at, low), start)
        while k > at and body[k + 1 : k + 2].isdigit():
            k = body.rfind(c, max(at, low), k)
        at = max(at, k)
    return at + 1 if at >= low else low


def _label(body: str, start: int, fallback: str) -> str:
    """The subject before a figure: "Tổng thu ngân sách nhà nước" in "Tổng thu ngân sách nhà nước đạt ..."."""
    words = body[_clause_start(body, start) : start].split()
    while words and words[-1].casefold() in _TAIL_WORDS:
        words.pop()
    text = " ".join(words)
    if any(w in text for w in ("ngày", "tháng", "năm", "nay", "đầu")):
        text = _TRAILING_TIME.sub("", text)
    lead = _LEAD.match(text)
    if lead:
        text = text[lead.end() :]
    words = text.split()
    if not words or len(words) > _MAX_LABEL_WORDS * 2:
        return fallback
    return " ".join(words[-_MAX_LABEL_WORDS:])


def _counted_phrase(body: str, unit_end: int, unit: str) -> str:
    """For a count with no subject before it: the counted noun and what follows it up to the clause's end
    ("2.418 doanh nghiệp thành lập mới" → "doanh nghiệp thành lập mới")."""
    rest = _PHRASE_END.split(body[unit_end : unit_end + 80], 1)[0].split()
    return " ".join([*unit.split(), *rest][:_MAX_LABEL_WORDS])


def _count_unit(body: str, pos: int) -> tuple[str, int] | None:
    """The noun a number counts ("doanh nghiệp", "đảng viên mới"), with where it ends; None if none."""
    mag = _MAGNITUDE.match(body, pos)
    unit_prefix = ""
    if mag:
        unit_prefix = mag.group(1) + " "
        pos = mag.end() - 1
    m = _NOUN.match(body, pos)
    if not m:
        return None
    first = m.group(1)
    if first.casefold() in _NOT_UNITS or first in _NOT_UNIT_CODES:
        return None
    if first.casefold() == "chỉ" and (m.group(2) or "").casefold() != "tiêu":
        return None  # "chỉ" is "only", unless it is "chỉ tiêu"
    words = [first]
    end = m.start(1) + len(first)
    for g in () if first.isupper() else (2, 3):  # "3 HTX": a code stands alone
        w = m.group(g)
        if not w or w.casefold() in _NOT_UNITS or (w[:1].isupper() and not first[:1].isupper()):
            break
        if len(words) == 2 and " ".join(words).casefold() not in _THREE_WORD_UNITS:
            break
        words.append(w)
        end = m.end(g)
    return unit_prefix + " ".join(words), end


def find_indicators(body: str) -> list[Indicator]:
    """Every reported figure in `body`, in order."""
    if not isinstance(body, str) or not body:
        return []
    found: list[Indicator] = []
    skip_until = -1
    for m in NUMBER.finditer(body):
        start, end = m.span()
        if start < skip_until:
            continue
        rg = _RANGE.match(body, end) if body[end : end + 2].strip()[:1] in ("-", "–") else None
        if rg and value_of(m.group(1)) < value_of(rg.group(1)):
            end = rg.end()
        # a unit starts with a letter, "%" or "/": anything else after the number rules it out at once
        after = body[end : end + 2]
        c = after[:1]
        if not (c.isalpha() or c in "%/" or (c == " " and (after[1:].isalpha() or after[1:] == "%"))):
            continue
        value = value_of(m.group(1))
        denominator = None
        unit = None
        measured = unit_class_is_money = False
        unit_end = end
        nxt = body[end : end + 1]
        if nxt == "/":
            r = _RATIO.match(body, end)
            if not r or _names_the_number(body, start):
                continue
            if value <= 31 and int(r.group(1).replace(".", "")) <= 12 and _after_time_word(body, start):
                continue  # "vào 15/8", "từ 1/7": a day and month
            denominator = Decimal(r.group(1).replace(".", ""))
            counted = _count_unit(body, r.end())
            if denominator is None or counted is None:
                continue
            unit, unit_end = counted
        elif (
            (r := _RATIO_IN_WORDS.match(body, end))
            and value <= value_of(r.group(1))
            and (counted := _count_unit(body, r.end())) is not None
            and not _names_the_number(body, start)
        ):
            denominator = value_of(r.group(1))
            unit, unit_end = counted
        elif _TIME.match(body, end):
            continue
        elif cm := _COMPOUND_MONEY.match(body, end):
            value += value_of(cm.group("rest") or cm.group("rest2")) / 1000
            unit = ("tỷ" if cm.group("big") else "triệu") + " đồng" + cm.group(cm.lastindex)
            unit_end = cm.end()
            unit_class_is_money = True
        elif p := _PERCENT.match(body, end):
            unit, unit_end = "%" + p.group(1), p.end()
            if _ZERO_SPACE.search(body, max(0, start - 3), start):  # "0 68%": a lost decimal comma
                value = Decimal("0." + m.group(1).replace(".", "").replace(",", ""))
                start -= 2
        elif (bb := _BARE_BILLION.match(body, end)) and (bb.group(2) or "").casefold() in _NOT_UNITS | {""}:
            unit, unit_end = "tỷ đồng", bb.end(1)
            unit_class_is_money = True
        elif mo := _MONEY.match(body, end):
            unit = (
                (mo.group(1) or "").replace("ngàn", "nghìn").replace("tỉ", "tỷ") + mo.group(2) + mo.group(3)
            )
            unit = " ".join(unit.split())
            unit_end = mo.end()
            unit_class_is_money = True
        else:
            if _names_the_number(body, start):
                continue
            digits = m.group(1)
            if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
                continue  # a year
            if value == 1 and _prev_words(body, start)[1].casefold() in ("quân", "mỗi", "một"):
                continue  # "bình quân 01 ha": a rate's denominator, not a count
            me = _MEASURE.match(body, end)
            times = _TIMES.match(body, end)
            if times and _multiplying(body, start):
                unit, unit_end = "lần", times.end()
                measured = True
            elif me:
                unit, unit_end = me.group(1) + me.group(2), me.end()
                measured = True
            else:
                counted = _count_unit(body, end)
                if counted is None:
                    continue
                unit, unit_end = counted
        qualifier, text_start = _qualifier(body, start)
        c = _COMPLEMENT.match(body, unit_end) if unit.startswith("%") else None
        text_end = c.end() if c else unit_end
        if unit.startswith("%"):
            label = _label(body, text_start, "")
            if not label and found and found[-1].end >= start - 80:
                # "..., tăng 8,7% so với cùng kỳ": the subject of the figure before, compared
                verb = body[text_start:start].split()[:1]
                label = " ".join(
                    [found[-1].label, *(v for v in verb if v.casefold() in ("tăng", "giảm"))]
                    + (
                        [("" if c.group().lstrip().startswith("so") else "so ") + c.group().strip()]
                        if c
                        else []
                    )
                )
        elif measured or unit_class_is_money:
            label = _label(body, text_start, "") or _counted_phrase(body, unit_end, unit)
        else:
            # a count is best named by what is counted: "2.418 doanh nghiệp thành lập mới"
            phrase = _counted_phrase(body, unit_end, unit)
            subject = _label(body, text_start, "")
            label = phrase if phrase != unit or not subject else f"{subject} {unit}"
        found.append(
            Indicator(
                label=label,
                value=value,
                unit=unit,
                denominator=denominator,
                qualifier=qualifier,
                text=body[text_start:text_end],
                start=text_start,
                end=text_end,
            )
        )
        skip_until = unit_end
    return found

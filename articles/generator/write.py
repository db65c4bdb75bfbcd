"""Writes an article's text and its gold labels (the EXTRACTION.md shape the scorer reads)."""

from __future__ import annotations

import datetime as dt
import random

from . import figures
from . import templates as t
from .compose import KIND_WORDS, LIMITS, REVIEWS, TASKS, Composer, _period_for, _style
from .scene import Person, Style, Unit

MEETING_KINDS = (
    "sơ kết",
    "sơ kết",
    "sơ kết",
    "tổng kết",
    "tổng kết",
    "giao ban",
    "giao ban",
    "hội nghị",
    "đại hội",
)
AUTHORS_FAMILY = (
    "Minh",
    "Ngọc",
    "Thanh",
    "Hồng",
    "Hữu",
    "Kim",
    "Bảo",
    "Xuân",
    "Anh",
    "Thu",
    "Quang",
    "Hoàng",
)
AUTHORS_GIVEN = (
    "Khôi",
    "Mai",
    "Nhung",
    "Thọ",
    "Tuấn",
    "Hiệp",
    "Phong",
    "Hạnh",
    "Trang",
    "Thoa",
    "Tâm",
    "Ngân",
)


def _author(rng: random.Random) -> str:
    name = f"{rng.choice(AUTHORS_FAMILY)} {rng.choice(AUTHORS_GIVEN)}"
    return name.upper() if rng.random() < 0.4 else name


def _byline(rng: random.Random, author: str) -> str:
    return rng.choice((author, author, f"Tin, ảnh: {author}", f"Thực hiện: {author}", f" {author}"))


def _agency(rng: random.Random, source: tuple[str, str]) -> str:
    if rng.random() < 0.45:
        return ""
    letters = "".join(w[0] for w in source[0].split()[1:] if w[0].isupper())[:3].upper()
    return rng.choice((f"({letters}O) - ", f"{letters}O - ", "CTTĐT - "))


def old_tones(text: str) -> str:
    for new, old in (
        ("ủy", "uỷ"),
        ("Ủy", "Uỷ"),
        ("hòa", "hoà"),
        ("Hòa", "Hoà"),
        ("thủy", "thuỷ"),
        ("Thủy", "Thuỷ"),
    ):
        text = text.replace(new, old)
    return text


def _organ(rng: random.Random, unit: Unit, kind: str, named: bool) -> str:
    """The body that holds the meeting, as the lead names it."""
    name = f" {unit.name}" if named else ""
    if unit.kind == "commune":
        return rng.choice(
            (f"Đảng ủy {unit.word} {unit.name}", f"Ban Chấp hành Đảng bộ {unit.word} {unit.name}")
        )
    if kind == "giao ban":
        return f"Thường trực {unit.committee}{name}"
    if kind == "tổng kết" and rng.random() < 0.6:
        return f"Ban Chấp hành Đảng bộ {unit.word} {unit.name}"
    return f"Ban Thường vụ {unit.committee}{name}"


def _where(unit: Unit, rng: random.Random) -> str:
    """ "(huyện Chợ Mới)" after a commune, "(tỉnh Gia Lai)" in 2025, else nothing."""
    if unit.kind != "commune" or rng.random() < 0.2:
        return ""
    upper = unit.upper
    if upper.kind == "district":
        return f" ({upper.word} {upper.name})"
    return f" ({upper.word} {upper.name})"


def meeting_article(c: Composer, rng: random.Random) -> tuple[str, dict, Unit, tuple[str, str]]:
    kind = rng.choice(MEETING_KINDS)
    period, held = _period_for(rng, kind)
    levels = ("province", "commune") if kind == "đại hội" and held.year == 2025 else None
    unit = c.scene(rng, held, levels)
    if kind == "đại hội" and unit.kind == "province" and held.year == 2025 and held.month < 9:
        # Provincial congresses of 2025 sat after the merger, so they belong to one of the 34.
        held = held.replace(month=10)
        unit = c.scene(rng, held, ("province",))
    source = c.source_for(rng, unit)
    style = _style(rng)
    cast = c.cast(rng, unit, held, style, kind)
    published = held + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
    has_stamp = rng.random() < 0.65
    date_year = rng.random() < 0.25
    period_year = rng.random() < 0.6 or not (has_stamp or date_year)
    named = unit.kind != "province" or rng.random() < 0.6
    organ = _organ(rng, unit, kind, named)
    noun = "đại hội" if kind == "đại hội" else "hội nghị"

    # Lead.
    if unit.kind == "commune" and rng.random() < 0.1:
        when, meeting_day = "Vừa qua", None
    else:
        when, meeting_day = t.meeting_date(rng, held, date_year), held
    if when.startswith(("Sáng nay", "Chiều nay")):
        published = held
    where = _where(unit, rng) if organ.endswith(unit.name) else ""
    if kind == "đại hội":
        term = f"{held.year} - {held.year + 5}"
        number = "I" if held.year == 2025 and unit.kind == "commune" else t.ROMAN[rng.randint(10, 24)]
        organ = f"Đại hội đại biểu {unit.party} lần thứ {number}"
        lead = f"{when}, {organ}, nhiệm kỳ {term} khai mạc{where} với sự tham dự của các đại biểu chính thức."
        headline = rng.choice((f"Khai mạc {organ}, nhiệm kỳ {term}", f"{organ}, nhiệm kỳ {term}"))
    else:
        what = t.period_phrase(rng, period, period_year)
        nxt = t.next_phrase(rng, period, rng.random() < 0.5)
        if kind == "hội nghị":
            session = rng.choice(("họp phiên thường kỳ", "họp thường lệ", "tổ chức cuộc họp"))
            lead = (
                f"{when}, {organ}{where} {session} nhìn lại kết quả lãnh đạo, điều hành "
                f"{what}, bàn nhiệm vụ trọng tâm {nxt}."
            )
            headline = f"{organ} họp đánh giá kết quả {what}, bàn nhiệm vụ {nxt}"
        else:
            meeting = rng.choice(("hội nghị", "Hội nghị", f"Hội nghị lần thứ {rng.randint(3, 30)}"))
            topic = rng.choice(
                (
                    "kết quả công tác",
                    "việc thực hiện Nghị quyết",
                    "kết quả lãnh đạo, điều hành",
                    "kết quả lãnh đạo xây dựng Đảng, phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh",
                )
            )
            extra = (
                " với Thường trực các huyện ủy, thị ủy, thành ủy"
                if kind == "giao ban" and unit.kind == "province" and unit.code.isdigit()
                else ""
            )
            lead = (
                f"{when}, {organ}{where} đã tổ chức {meeting} {kind}{extra} {topic} {what}, "
                f"đề ra nhiệm vụ {nxt}."
            )
            head_unit = unit.committee_named if unit.kind != "province" or named else organ
            word = KIND_WORDS[kind]
            headline = rng.choice(
                (
                    f"{head_unit} {kind} công tác {t.period_phrase(rng, period, True)}",
                    f"{head_unit} {kind} {what}, bàn nhiệm vụ {nxt}",
                    f"{unit.name}: {word} công tac {what}".replace("công tac", "công tác"),
                    f"{head_unit}: {word} {t.period_phrase(rng, period, True)}",
                )
            )
    agency = _agency(rng, source)
    body: list[str] = []
    sentences = [agency + lead]
    chairs, guests = cast["chairs"], cast["guests"]
    if chairs:
        sentences.append(t.chairs_sentence(rng, chairs, style, noun))
    if guests:
        sentences.append(t.attend_sentence(rng, guests, style, noun))
    body.append(" ".join(sentences))
    caption = t.photo(rng, 0)
    if caption:
        body.append(caption)
    body.append(rng.choice(t.CAPTIONS))

    # Figures, in two or three paragraphs.
    picked = figures.pick(rng, unit.level, rng.randint(4, 7))
    indicators: list[dict] = []
    paragraphs: list[list[str]] = [[rng.choice(REVIEWS) + "."]]
    reporters = cast["reporters"]
    if reporters and rng.random() < 0.5:
        p = reporters[0]
        review = rng.choice(REVIEWS)
        paragraphs[0] = [
            f"Báo cáo do {t.introduce(p, style, rng)} trình bày cho biết, {review[0].lower()}{review[1:]}."
        ]
        p.roles.append("report")
        reporters = []
    for i, (text, found) in enumerate(picked):
        if i == len(picked) // 2 + 1:
            paragraphs.append([])
        paragraphs[-1].append(text)
        indicators += found
    body += [" ".join(p) for p in paragraphs]
    if rng.random() < 0.5:
        body.append(rng.choice(LIMITS) + ".")

    # Reports, speeches, the conclusion.
    for p in reporters:
        body.append(f"{t.introduce(p, style, rng, True)} trình bày báo cáo tại {noun}.")
        p.roles.append("report")
    for p in cast["speakers"]:
        body.append(f"Tại {noun}, {t.introduce(p, style, rng)} phát biểu, kiến nghị {rng.choice(TASKS)}.")
        p.roles.append("speak")
    for p in guests:
        p.roles.append("attend")
        if rng.random() < 0.7:
            body.append(
                f"Chỉ đạo tại {noun}, {t.later_name(p, style, rng)} ghi nhận những kết quả đạt được, "
                f"đề nghị {rng.choice(TASKS)}."
            )
            p.roles.append("speak")
    for p in chairs:
        p.roles.insert(0, "chair")
    if chairs:
        head = chairs[0]
        if rng.random() < 0.4:
            body.append(f"{t.introduce(head, style, rng, True)} phát biểu kết luận {noun}.")
        opener = rng.choice(("Kết luận", "Phát biểu kết luận", "Bế mạc hội nghị"))
        if kind == "đại hội":
            opener = "Phát biểu bế mạc đại hội"
        tasks = "; ".join(rng.sample(TASKS, 3))
        body.append(f"{opener}, {t.later_name(head, style, rng)} yêu cầu các cấp ủy, tổ chức đảng {tasks}.")
        head.roles.append("speak")
    people = chairs + guests + cast["reporters"] + cast["speakers"]
    return _finish(
        rng,
        source,
        unit,
        style,
        headline,
        body,
        published if has_stamp else None,
        period,
        [{"date": meeting_day.isoformat() if meeting_day else None, "organ": organ, "kind": kind}],
        people,
        indicators,
        unit.level,
    )


def other_article(c: Composer, rng: random.Random) -> tuple[str, dict, Unit, tuple[str, str]]:
    """A page that reports no Party meeting: an HĐND session, an UBND monthly session or a ceremony."""
    kind = rng.choice(("hđnd", "ubnd", "ceremony"))
    year = rng.randint(2015, 2025)
    style = _style(rng)
    if kind == "hđnd":
        held = dt.date(year, 7, rng.randint(5, 20)) if year < 2025 else dt.date(year, 6, rng.randint(5, 25))
        period = {"kind": "half", "year": year, "half": 1}
    elif kind == "ubnd":
        month = rng.randint(2, 11)
        held = dt.date(year, month, rng.randint(20, 28))
        period = {"kind": "month", "year": year, "month": month}
    else:
        held = dt.date(year, rng.choice((2, 5, 9, 12)), rng.randint(1, 28))
        period = None
    unit = c.scene(rng, held, ("province", "district"))
    while unit.kind == "commune":
        unit = unit.upper
    source = c.source_for(rng, unit)
    taken: set[str] = set()
    get = c.casting.person
    people: list[Person] = []
    word = unit.word
    when = t.meeting_date(rng, held, rng.random() < 0.3)
    if kind == "hđnd":
        term = f"{2016 if year < 2021 else 2021} - {2021 if year < 2021 else 2026}"
        number = rng.randint(4, 24)
        headline = f"Khai mạc Kỳ họp thứ {number} HĐND {word} {unit.name}"
        lead = (
            f"{when}, HĐND {word} {unit.name}, nhiệm kỳ {term} khai mạc Kỳ họp thứ {number} để xem xét kết "
            f"quả phát triển kinh tế - xã hội 6 tháng đầu năm {year} và bàn giải pháp cho những tháng còn lại."
        )
        chair = get(rng, "standing_deputy", unit, held, style, False, taken)
        noun = "kỳ họp"
    elif kind == "ubnd":
        headline = f"UBND {word} họp phiên thường kỳ tháng {period['month']}"
        lead = (
            f"{when}, UBND {word} {unit.name} tổ chức phiên họp thường kỳ tháng {period['month']} năm {year} "
            f"nghe báo cáo kinh tế - xã hội và bàn việc của tháng tới."
        )
        chair = get(rng, "deputy_chair", unit, held, style, False, taken)
        noun = "phiên họp"
    else:
        headline = f"{unit.committee_named} tổ chức lễ công bố quyết định công nhận đạt chuẩn nông thôn mới"
        lead = (
            f"{when}, {unit.committee_named} tổ chức lễ công bố quyết định công nhận các xã đạt chuẩn nông thôn "
            f"mới, nông thôn mới nâng cao và trao bằng khen cho các tập thể, cá nhân có thành tích."
        )
        chair = get(rng, "secretary", unit, held, style, False, taken)
        noun = "buổi lễ"
    sentences = [lead]
    if chair:
        chair.roles.append("chair")
        people.append(chair)
        sentences.append(f"{t.introduce(chair, style, rng, True)} chủ trì {noun}.")
    guest = get(
        rng,
        "secretary" if kind != "ceremony" else "organisation",
        unit if kind != "ceremony" else (unit.upper or unit),
        held,
        style,
        False,
        taken,
    )
    if guest:
        guest.roles.append("attend")
        people.append(guest)
        sentences.append(f"Dự {noun} có {t.introduce(guest, style, rng)}.")
    body = [" ".join(sentences)]
    indicators: list[dict] = []
    picked = figures.pick(rng, unit.level, rng.randint(3, 5))
    body.append(" ".join(text for text, _ in picked))
    for _, found in picked:
        indicators += found
    if guest and rng.random() < 0.7:
        body.append(f"Phát biểu tại {noun}, {t.later_name(guest, style, rng)} đề nghị {rng.choice(TASKS)}.")
        guest.roles.append("speak")
    return _finish(rng, source, unit, style, headline, body, held, period, [], people, indicators, unit.level)


def _finish(
    rng,
    source,
    unit: Unit,
    style: Style,
    headline,
    body,
    published,
    period,
    meetings,
    people,
    indicators,
    level,
):
    lines = [headline]
    lines += t.header_noise(rng, source[0])
    if lines[1:]:
        lines = [*lines[1:], headline]
    if published:
        lines.append(t.stamp(rng, published))
    elif rng.random() < 0.3:
        lines.append(t.view_counter(rng))
    if rng.random() < 0.5:
        lines.append("")
    sep = "\n\n" if rng.random() < 0.7 else "\n"
    author = _author(rng)
    text = "\n".join(lines) + "\n" + sep.join(body) + sep + _byline(rng, author)
    footer = t.footer_noise(rng, source[0], f"UBND {unit.word} {unit.name}")
    if footer:
        text += "\n" + "\n".join(footer)
    if style.old_tones:
        text = old_tones(text)
    province = unit
    while province.upper is not None:
        province = province.upper
    gold = {
        "title": headline,
        "published": published.isoformat() if published else None,
        "author": author,
        "province": province.name,
        "level": level,
        "locality": None if unit.kind == "province" else unit.name,
        "period": period,
        "meetings": meetings,
        "people": [p.gold() for p in people],
        "indicators": indicators,
    }
    return text, gold, unit, source

"""The phrases articles are written from: dates in every format, periods, meeting leads, sentences
naming people (both orders, co-chair lists, abbreviations) and the noise of real pages."""

from __future__ import annotations

import datetime as dt
import random

from .scene import Person, Style

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
ROMAN = (
    "",
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
    "XXI",
    "XXII",
    "XXIII",
    "XXIV",
    "XXV",
)
ORDINAL_WORDS = (
    "",
    "nhất",
    "hai",
    "ba",
    "tư",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "mười một",
    "mười hai",
    "mười ba",
    "mười bốn",
    "mười lăm",
    "mười sáu",
    "mười bảy",
    "mười tám",
    "mười chín",
)


# --- dates -----------------------------------------------------------------------------------------


def meeting_date(rng: random.Random, date: dt.date, with_year: bool) -> str:
    """The day a meeting was held, as a lead writes it: "Ngày 05/01", "Sáng 12/1", "Chiều nay 12.4",
    "Ngày 10-12", "Ngày 26 tháng 6 năm 2020", "Sáng ngày 15/10/2024"."""
    d, m, y = date.day, date.month, date.year
    when = rng.choice(("Ngày", "Ngày", "Sáng", "Chiều", "Sáng ngày", "Chiều ngày", "Sáng nay", "Chiều nay"))
    if when.endswith("nay"):
        return f"{when} {d}.{m}" if rng.random() < 0.5 else f"{when} ({d}/{m})"
    style = rng.randrange(5)
    if style == 0:
        day = f"{d:02d}/{m:02d}" if rng.random() < 0.5 else f"{d}/{m}"
        return f"{when} {day}/{y}" if with_year else f"{when} {day}"
    if style == 1:
        return f"{when} {d}-{m}-{y}" if with_year else f"{when} {d}-{m}"
    if style == 2:
        return f"{when} {d}.{m}.{y}" if with_year else f"{when} {d}.{m}"
    if style == 3:
        return f"{when} {d} tháng {m} năm {y}" if with_year else f"{when} {d} tháng {m}"
    return f"{when} {d}/{m}/{y}" if with_year else f"{when} {d}/{m}"


def stamp(rng: random.Random, date: dt.date) -> str:
    """The publication line of a page."""
    t = f"{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"
    s = f"{rng.randint(0, 59):02d}"
    day = f"{date.day:02d}/{date.month:02d}/{date.year}"
    weekday = WEEKDAYS[date.weekday()]
    return rng.choice(
        (
            f"Cập nhật ngày: {day} {t}:{s}",
            f"Ngày đăng {day} | {t} | View count: {rng.randint(40, 3000)}",
            f"{weekday}, {day} | {t}",
            f"Cập nhật lúc {t}, {weekday}, {day}",
            f"{t}, {day}",
            f"{t} {day}",
            f"{day} - {t}",
            f"{weekday}, {day} - {t}",
            f"Ngày đăng: {day}",
            f"Cập nhật: {day} {t}",
            f"Cập nhật lúc {t} ngày {day}",
        )
    )


# --- periods ---------------------------------------------------------------------------------------


def period_phrase(rng: random.Random, period: dict, with_year: bool) -> str:
    """ "tháng 11", "tháng 11/2023", "quý I/2024", "quý 2.2022", "6 tháng đầu năm 2020", "9 tháng năm 2024",
    "năm 2023"."""
    kind, year = period["kind"], period["year"]
    if kind == "month":
        m = period["month"]
        if not with_year:
            return f"tháng {m}"
        return rng.choice((f"tháng {m}/{year}", f"tháng {m} năm {year}", f"tháng {m:02d}/{year}"))
    if kind == "quarter":
        q = period["quarter"]
        name = ROMAN[q] if rng.random() < 0.7 else str(q)
        if not with_year:
            return f"quý {name}"
        return rng.choice((f"quý {name}/{year}", f"quý {name} năm {year}", f"quý {q}.{year}"))
    if kind == "half":
        return "6 tháng đầu năm" + (f" {year}" if with_year else "")
    if kind == "months":
        first = rng.choice(("", " đầu năm"))
        return f"{period['months']} tháng{first}" + (f" năm {year}" if with_year else "")
    return f"năm {year}"


def next_phrase(rng: random.Random, period: dict, with_year: bool) -> str:
    """The period the meeting plans for: "tháng 12/2023", "quý II", "6 tháng cuối năm 2020", "năm 2024"."""
    kind, year = period["kind"], period["year"]
    if kind == "month":
        m, y = (period["month"] % 12) + 1, year + (period["month"] == 12)
        return f"tháng {m}/{y}" if with_year else f"tháng {m}"
    if kind == "quarter":
        q, y = period["quarter"] % 4 + 1, year + (period["quarter"] == 4)
        return f"quý {ROMAN[q]}/{y}" if with_year else f"quý {ROMAN[q]}"
    if kind == "half":
        return "6 tháng cuối năm" + (f" {year}" if with_year else "")
    if kind == "months":
        return f"{12 - period['months']} tháng cuối năm" + (f" {year}" if with_year else "")
    return f"năm {year + 1}"


# --- people ----------------------------------------------------------------------------------------


def who(p: Person, style: Style, rng: random.Random) -> str:
    """ "đồng chí Ngô Chí Cường, Ủy viên…, Bí thư Tỉnh ủy" or with a dash before the titles."""
    sep = " - " if style.dash_titles else ", "
    titles = ", ".join(p.titles)
    return f"{p.intro}{sep}{titles}" if titles else p.intro


def address(p: Person, style: Style, rng: random.Random, capital: bool = False) -> str:
    """How a person is introduced: "đồng chí", "Đ/c", "ông"/"bà" (or a rank)."""
    if p.rank:
        return ""
    word = ("bà" if p.official.woman else "ông") if style.mister else style.comrade
    return word[0].upper() + word[1:] if capital else word


def introduce(p: Person, style: Style, rng: random.Random, capital: bool = False) -> str:
    """ "Đồng chí Nguyễn Văn Hiếu, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy"."""
    word = address(p, style, rng, capital)
    return f"{word} {who(p, style, rng)}".strip()


def chairs_sentence(rng: random.Random, chairs: list[Person], style: Style, noun: str) -> str:
    """One chair, or a list of co-chairs in one of the forms articles use."""
    if len(chairs) == 1:
        p = chairs[0]
        form = rng.randrange(3)
        if form == 0:
            return f"{introduce(p, style, rng, True)} chủ trì {noun}."
        if form == 1 and len(p.titles) == 1:
            # Title before the name: "Bí thư Tỉnh ủy Ngô Chí Cường chủ trì hội nghị." (only for a
            # single title: the gold lists every title, and this form writes one)
            return f"{p.titles[-1]} {p.name} chủ trì {noun}."
        return f"Chủ trì {noun} có {introduce(p, style, rng)}."
    form = rng.randrange(3)
    if form == 0:
        items = "; ".join(f"{p.intro} - {', '.join(p.titles)}" for p in chairs)
        return f"Các đồng chí: {items} cùng chủ trì {noun}."
    if form == 1:
        items = "; ".join(introduce(p, style, rng) for p in chairs)
        return f"Chủ trì và đồng chủ trì {noun} gồm {items}."
    first, rest = chairs[0], chairs[1:]
    others = " và ".join(introduce(p, style, rng) for p in rest)
    return f"{introduce(first, style, rng, True)} chủ trì {noun}. Cùng chủ trì có {others}."


def attend_sentence(rng: random.Random, guests: list[Person], style: Style, noun: str) -> str:
    items = "; ".join(introduce(p, style, rng) for p in guests)
    return rng.choice(
        (
            f"Dự {noun} có {items}.",
            f"Đến dự có {items}.",
            f"Tham dự {noun} có {items}.",
            f"Cùng dự có {items}.",
        )
    )


def later_name(p: Person, style: Style, rng: random.Random) -> str:
    """A later mention: "đồng chí Nguyễn Văn Hiếu", "Bí thư Huyện ủy Nguyễn Hữu Khiêm", "bà Hân"."""
    roll = rng.random()
    if roll < 0.4 and p.titles:
        return f"{p.titles[-1]} {p.name}"
    word = address(p, style, rng) or p.rank
    return f"{word} {p.name}"


# --- page noise ------------------------------------------------------------------------------------

OTHER_HEADLINES = (
    "Ra quân làm sạch môi trường đầu xuân",
    "Gặp mặt cán bộ hưu trí nhân dịp năm mới",
    "Trao quà cho hộ nghèo, gia đình chính sách",
    "Hội thi tuyên truyền viên giỏi cấp cơ sở",
    "Khánh thành nhà văn hóa khu dân cư",
    "Tập huấn nghiệp vụ công tác kiểm tra, giám sát",
    "Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư",
    "Bàn giao nhà đại đoàn kết cho hộ khó khăn",
    "Phát động phong trào thi đua chào mừng đại hội",
    "Tọa đàm về chuyển đổi số trong cơ quan đảng",
    "Đối thoại với Nhân dân về công tác bồi thường, tái định cư",
    "Kiểm tra tiến độ xây dựng nông thôn mới nâng cao",
)
CAPTIONS = (
    "Quang cảnh hội nghị",
    "Quang cảnh hội nghị.",
    "Các đại biểu tham dự hội nghị.",
    "Toàn cảnh hội nghị",
)
PHOTO_FILES = ("anh-hoi-nghi_{i}.jpg", "Anh-tin-bai", "IMG_{n}.jpg", "hn-{n}.jpg")


def photo(rng: random.Random, i: int) -> str:
    name = rng.choice(PHOTO_FILES).format(i=i, n=rng.randint(1000, 9999))
    return name if rng.random() < 0.4 else ""


def header_noise(rng: random.Random, site: str) -> list[str]:
    roll = rng.random()
    if roll < 0.12:
        return [site.upper(), "Trang chủ | Hoạt động | Xây dựng Đảng | Tư liệu | Liên hệ"]
    if roll < 0.2:
        return ["Chính trị | Xây dựng Đảng"]
    if roll < 0.26:
        return ["Trang chủ › Tin tức › Xây dựng Đảng"]
    return []


def footer_noise(rng: random.Random, site: str, place: str) -> list[str]:
    lines: list[str] = []
    roll = rng.random()
    if roll < 0.2:
        lines += ["", "Tin khác", *rng.sample(OTHER_HEADLINES, 3)]
    elif roll < 0.35:
        lines += ["", "Chia sẻ: Facebook | Zalo | Email"]
    elif roll < 0.45:
        lines += ["", "< Trở về trang trước", "In bài viết"]
    elif roll < 0.5:
        lines += ["", "Gửi bình luận của bạn"]
    if rng.random() < 0.25:
        online = rng.randint(3, 300)
        lines += [
            "",
            "Thống kê truy cập",
            f"  • Đang online: {online}",
            f"  • Hôm nay: {rng.randint(100, 9000)}",
            f"  • Tất cả: {rng.randint(100_000, 9_000_000):,}".replace(",", "."),
        ]
    if rng.random() < 0.15:
        lines += ["", site.upper(), f"Cơ quan quản lý website: {place}", "Designed by VNPT"]
    return lines


def view_counter(rng: random.Random) -> str:
    return rng.choice(
        (f"Lượt xem: {rng.randint(30, 4000)}", f"intNumViewTotal={rng.randint(30, 4000)}", "A A")
    )

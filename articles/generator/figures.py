"""Reported figures in every format the extractor reads, each with its gold indicator.

A figure sentence is a template with slots; a slot draws a value and writes it the Vietnamese way
("2.900 tỷ đồng", "94,36%", "1.097,8", "02 tổ chức đảng", "1.500ha", "21/22 chỉ tiêu"), maybe after
a qualifier (gần / trên / hơn / khoảng / ước), and yields the indicator the scorer compares.

Slots: {M:key} money in tỷ đồng scaled by level, {I} income in triệu đồng/người/năm, {P:lo-hi} a
percentage, {C:lo-hi:noun} a count of a noun, {R:lo-hi:noun} a ratio x/y of a noun. A leading "q"
({qM:budget}) lets a qualifier come before the figure.
"""

from __future__ import annotations

import random
import re

QUALIFIERS = ("ước", "trên", "gần", "hơn", "khoảng")

# Money by key, in tỷ đồng for a district; other levels scale it.
MONEY = {
    "industry": (300, 9000),
    "retail": (400, 12000),
    "budget": (60, 1500),
    "invest": (80, 2500),
    "capital": (50, 3000),
    "production": (1500, 20000),
    "tour": (20, 900),
    "gifts": (0.4, 9),
    "compensation": (8, 300),
    "credit": (40, 1800),
}
LEVEL_SCALE = {"province": 12.0, "city": 1.6, "district": 1.0, "town": 1.0, "commune": 0.05}

_SLOT = re.compile(r"\{(q?)([MIPCR])(?::([^}]*))?\}")


def _group(digits: str) -> str:
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return ".".join(out)


def number(value: float, places: int = 0) -> str:
    """Vietnamese style: dots between thousands, a comma before decimals ("1.097,8")."""
    if places == 0:
        return _group(str(int(round(value))))
    whole, frac = f"{value:.{places}f}".split(".")
    return f"{_group(whole)},{frac}"


def _money(rng: random.Random, key: str, level: str) -> tuple[str, float, str]:
    lo, hi = MONEY[key]
    scale = LEVEL_SCALE[level]
    value = rng.uniform(lo * scale, hi * scale)
    if value < 1:
        millions = round(value * 1000 / 10) * 10 or 10
        return f"{number(millions)} triệu đồng", millions, "triệu đồng"
    unit = "tỉ đồng" if rng.random() < 0.08 else "tỷ đồng"
    if value >= 1000 and rng.random() < 0.7 or value >= 100 and rng.random() < 0.5:
        return f"{number(value)} {unit}", int(round(value)), unit
    places = rng.choice((1, 1, 2, 3)) if value < 1000 else 1
    shown = round(value, places)
    if shown == int(shown):
        return f"{number(shown)} {unit}", int(shown), unit
    return f"{number(shown, places)} {unit}", shown, unit


def _percent(rng: random.Random, spec: str) -> tuple[str, float]:
    lo, hi = (float(x) for x in spec.split("-")) if "-" in spec else (float(spec), float(spec))
    value = rng.uniform(lo, hi)
    places = 0 if lo == hi else rng.choice((0, 1, 1, 2))
    value = round(value, places)
    if value == int(value):
        text = number(value)
        value = int(value)
    else:
        text = number(value, places)
    return text + (" %" if rng.random() < 0.04 else "%"), value


def _count(rng: random.Random, spec: str, level: str) -> tuple[int, str]:
    lo, hi = (int(x) for x in spec.split("-"))
    if level == "commune" and hi > 50:
        lo, hi = max(1, lo // 20), max(2, hi // 20)
    elif level == "province" and hi > 50:
        lo, hi = lo * 5, hi * 8
    value = rng.randint(lo, hi)
    text = number(value)
    if value < 10 and rng.random() < 0.35:
        text = f"0{value}"
    return value, text


def render(template: str, label: str, rng: random.Random, level: str) -> tuple[str, list[dict]]:
    """The sentence with its slots filled, and one gold indicator per slot."""
    out: list[str] = []
    indicators: list[dict] = []
    pos = 0
    for m in _SLOT.finditer(template):
        out.append(template[pos : m.start()])
        pos = m.end()
        qualified, kind, arg = m.group(1), m.group(2), m.group(3) or ""
        qualifier = rng.choice(QUALIFIERS) if qualified and rng.random() < 0.55 else None
        if qualifier == "ước" and not out[-1].endswith(("đạt ", "được ")):
            qualifier = rng.choice(QUALIFIERS[1:])
        denominator = None
        if kind == "M":
            text, value, unit = _money(rng, arg, level)
        elif kind == "I":
            value = rng.randint(28, 95) if level != "province" else rng.randint(40, 140)
            if rng.random() < 0.3:
                value = round(value + rng.random(), 1)
                text = f"{number(value, 1)} triệu đồng/người/năm"
            else:
                text = f"{value} triệu đồng/người/năm"
            unit = "triệu đồng/người/năm"
        elif kind == "P":
            text, value = _percent(rng, arg)
            unit = "%"
        elif kind == "C":
            spec, unit = arg.split(":", 1)
            value, digits = _count(rng, spec, level)
            glue = "" if unit in ("ha", "km") and rng.random() < 0.5 else " "
            text = f"{digits}{glue}{unit}"
        else:  # R
            spec, unit = arg.split(":", 1)
            lo, hi = (int(x) for x in spec.split("-"))
            denominator = rng.randint(lo, hi)
            value = denominator if rng.random() < 0.4 else rng.randint(max(1, denominator // 2), denominator)
            text = f"{value}/{denominator} {unit}"
        if qualifier:
            text = f"{qualifier} {text}" if qualifier != "ước" else f"ước đạt {text}"
            # "ước đạt" replaces the template's own verb.
            if qualifier == "ước" and out[-1].endswith(("đạt ", "được ")):
                out[-1] = out[-1].rsplit(" ", 2)[0] + " "
        out.append(text)
        indicators.append(
            {
                "label": label,
                "value": value,
                "unit": unit,
                "denominator": denominator,
                "qualifier": qualifier,
                "text": text,
            }
        )
    out.append(template[pos:])
    return "".join(out), indicators


# (label, template) by topic. The words around each figure say what it counts; years and terms in
# these sentences are never figures.
ECONOMY = (
    (
        "Giá trị sản xuất công nghiệp",
        "Giá trị sản xuất công nghiệp đạt {qM:industry}, tăng {P:3-18} so với cùng kỳ.",
    ),
    (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        "Doanh thu bán lẻ hàng hóa, dịch vụ tiêu dùng đạt {qM:retail}, tăng {P:4-16} so cùng kỳ.",
    ),
    (
        "Thu ngân sách nhà nước",
        "Tổng thu ngân sách trên địa bàn đạt {qM:budget}, bằng {P:35-125} dự toán.",
    ),
    ("Thu ngân sách", "Thu ngân sách được {M:budget}, đạt {P:30-110} kế hoạch năm."),
    (
        "Giải ngân vốn đầu tư công",
        "Giải ngân vốn đầu tư công được {M:invest}, đạt {P:25-100} kế hoạch vốn giao.",
    ),
    ("Tốc độ tăng trưởng kinh tế", "Tốc độ tăng trưởng kinh tế đạt {qP:4-11}, cao hơn bình quân chung."),
    (
        "Tổng giá trị sản xuất",
        "Tổng giá trị sản xuất đạt {qM:production}, tăng {P:5-17} so với cùng kỳ và đạt {P:95-108} Nghị quyết.",
    ),
    ("Thu nhập bình quân đầu người", "Thu nhập bình quân đầu người đạt {qI}."),
    (
        "Doanh nghiệp thành lập mới",
        "Có thêm {C:15-400:doanh nghiệp} thành lập mới với tổng vốn đăng ký {qM:capital}.",
    ),
    ("Hộ kinh doanh cấp mới", "Cấp mới giấy chứng nhận đăng ký cho {C:40-1500:hộ kinh doanh} cá thể."),
    ("Diện tích xuống giống lúa", "Toàn địa bàn đã xuống giống {qC:800-30000:ha} lúa, vượt lịch thời vụ."),
    ("Sản lượng lương thực", "Sản lượng lương thực đạt {qC:5000-90000:tấn}, tăng so với vụ trước."),
    (
        "Đường giao thông nông thôn",
        "Nâng cấp, làm mới {C:4-60:km} đường giao thông nông thôn từ nguồn vốn xã hội hóa.",
    ),
    (
        "Xã đạt chuẩn nông thôn mới",
        "Đến nay có {R:8-22:xã} đạt chuẩn nông thôn mới, {C:1-9:xã} đạt chuẩn nông thôn mới nâng cao.",
    ),
    ("Chỉ tiêu Nghị quyết đạt và vượt", "Có {R:12-26:chỉ tiêu} chủ yếu đạt và vượt kế hoạch đề ra."),
    (
        "Dự án thu hút đầu tư",
        "Có thêm {C:2-30:dự án} được chấp thuận chủ trương đầu tư, vốn đăng ký {qM:capital}.",
    ),
    ("Lượt khách du lịch", "Các điểm du lịch đón {qC:8000-900000:lượt khách}, doanh thu đạt {qM:tour}."),
    (
        "Dư nợ tín dụng chính sách",
        "Dư nợ cho vay ưu đãi hộ nghèo và các đối tượng chính sách đạt {M:credit}.",
    ),
    (
        "Bồi thường giải phóng mặt bằng",
        "Chi trả bồi thường cho {C:20-600:hộ dân} với tổng số tiền {qM:compensation}.",
    ),
    ("Công trình xây dựng cơ bản", "Hoàn thành {R:20-140:công trình} xây dựng cơ bản theo kế hoạch."),
)
SOCIAL = (
    (
        "Giải quyết việc làm",
        "Tạo việc làm mới cho {C:600-9000:lao động}, trong đó {C:20-400:lao động} đi làm việc ở nước ngoài.",
    ),
    ("Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo giảm còn {P:0.4-4.5}, hộ cận nghèo còn {P:1-5}."),
    ("Bảo hiểm y tế", "Tỷ lệ bao phủ bảo hiểm y tế trong dân cư đạt {P:86-99}."),
    (
        "Quà Tết",
        "Các ngành, đoàn thể trao {C:400-9000:phần quà} cho hộ nghèo, gia đình chính sách, tổng trị giá {qM:gifts}.",
    ),
    ("Nhà đại đoàn kết", "Xây mới, sửa chữa {C:8-260:căn nhà} đại đoàn kết cho hộ khó khăn về nhà ở."),
    ("Trường đạt chuẩn quốc gia", "Công nhận mới và công nhận lại {C:2-25:trường} đạt chuẩn quốc gia."),
    (
        "Hồ sơ thủ tục hành chính",
        "Bộ phận một cửa tiếp nhận, giải quyết {C:800-40000:hồ sơ}, tỷ lệ đúng hạn đạt {P:95-100}.",
    ),
    ("Tiếp công dân", "Các cấp tiếp {C:30-900:lượt công dân} đến kiến nghị, phản ánh."),
)
PARTY = (
    ("Kết nạp đảng viên mới", "Kết nạp {C:15-450:đảng viên} mới, đạt {P:40-125} chỉ tiêu năm."),
    (
        "Kiểm tra khi có dấu hiệu vi phạm",
        "Ủy ban Kiểm tra các cấp đã tiến hành kiểm tra {C:1-6:tổ chức đảng} và {C:1-14:đảng viên} khi có dấu hiệu vi phạm.",
    ),
    (
        "Lớp bồi dưỡng",
        "Mở {C:3-30:lớp} bồi dưỡng lý luận chính trị, nghiệp vụ công tác đảng, có {C:150-3000:đồng chí} dự.",
    ),
    ("Sinh hoạt chuyên đề", "Có {P:100} tổ chức cơ sở đảng duy trì sinh hoạt chuyên đề hằng quý."),
    (
        "Tuyên truyền, quán triệt",
        "Tổ chức {C:20-900:cuộc} tuyên truyền, quán triệt nghị quyết, có {qC:900-60000:lượt người} tham dự.",
    ),
    ("Chuẩn y kết nạp", "Chuẩn y kết nạp đến nay được {R:40-400:đồng chí}, đạt {P:20-110} Nghị quyết."),
    (
        "Đảng viên hoàn thành tốt nhiệm vụ",
        "Qua đánh giá cuối năm, {P:85-97} đảng viên được xếp mức hoàn thành tốt nhiệm vụ hoặc cao hơn.",
    ),
    (
        "Tổ chức cơ sở đảng hoàn thành quy hoạch",
        "Có {R:8-40:tổ chức cơ sở đảng} hoàn thành rà soát, bổ sung quy hoạch cán bộ.",
    ),
)
# Small figures that fit a commune's report.
COMMUNE = (
    ("Thu ngân sách", "Thu ngân sách trên địa bàn đạt {qM:budget}, bằng {P:40-130} dự toán."),
    ("Diện tích gieo trồng", "Diện tích gieo trồng cây hằng năm đạt {qC:200-4000:ha}."),
    ("Hộ kinh doanh cấp mới", "Cấp mới đăng ký cho {C:10-300:hộ kinh doanh}."),
    ("Kết nạp đảng viên mới", "Đảng bộ kết nạp {C:3-40:đảng viên} mới."),
    (
        "Hồ sơ hành chính",
        "Tiếp nhận, giải quyết {C:300-6000:hồ sơ} thủ tục hành chính, tỷ lệ đúng hạn đạt {P:96-100}.",
    ),
    (
        "Đường giao thông nông thôn",
        "Nhân dân hiến đất, góp công làm mới {C:1-12:km} đường giao thông nông thôn.",
    ),
    ("Tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo còn {P:0.3-5}."),
    ("Tiêu chí nông thôn mới", "Xã giữ vững {R:19-19:tiêu chí} nông thôn mới."),
    ("Bảo hiểm y tế", "Tỷ lệ bao phủ bảo hiểm y tế trong dân cư đạt {P:88-99}."),
)


def pick(rng: random.Random, level: str, count: int) -> list[tuple[str, list[dict]]]:
    """`count` figure sentences from the topics that fit the level, with their indicators."""
    bank = COMMUNE + SOCIAL[:3] + PARTY[:2] if level == "commune" else ECONOMY + SOCIAL + PARTY
    chosen = rng.sample(bank, min(count, len(bank)))
    return [render(template, label, rng, level) for label, template in chosen]

"""One article from a scene: headline, stamp, lead, people, figures, speeches, byline and page noise,
with the gold labels of what it says."""

from __future__ import annotations

import datetime as dt
import random

from articles.extraction.gazetteer import fold

from .people import MERGER
from .scene import Casting, Person, Style, Unit, commune_unit, district_unit, province_unit

TASKS = (
    "đẩy nhanh giải ngân vốn đầu tư công và tăng thu ngân sách",
    "chăm lo đời sống Nhân dân, nhất là hộ nghèo, gia đình chính sách",
    "giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn",
    "nâng cao chất lượng sinh hoạt chi bộ, công tác phát triển đảng viên",
    "đẩy mạnh cải cách hành chính, chuyển đổi số trong các cơ quan",
    "sẵn sàng các phương án ứng phó thiên tai, dịch bệnh",
    "soát xét những chỉ tiêu còn chậm để tìm cách khắc phục",
    "làm tốt công tác tư tưởng, nắm bắt dư luận xã hội",
    "tăng cường kiểm tra, giám sát, kỷ luật đảng",
    "chuẩn bị chu đáo văn kiện, nhân sự đại hội đảng bộ các cấp",
    "tháo gỡ vướng mắc trong giải phóng mặt bằng các dự án trọng điểm",
    "chỉnh trang đô thị, giữ gìn vệ sinh môi trường",
)
REVIEWS = (
    "Các cấp ủy đã bám sát chương trình công tác, lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ chính trị",
    "Kinh tế của địa phương duy trì đà tăng trưởng, quốc phòng, an ninh ổn định",
    "Công tác xây dựng Đảng và hệ thống chính trị được quan tâm, các nhiệm vụ trọng tâm cơ bản hoàn thành",
    "Cấp ủy, chính quyền các cấp chủ động, linh hoạt trong lãnh đạo, điều hành, nhiều chỉ tiêu đạt khá",
)
LIMITS = (
    "Hội nghị thẳng thắn nêu những mặt còn hạn chế: tiến độ giải phóng mặt bằng còn chậm; thu ngân sách một số khoản chưa đạt",
    "Bên cạnh kết quả đạt được, việc thu hút đầu tư còn khó khăn, chất lượng sinh hoạt một số chi bộ chưa cao",
    "Tuy nhiên, công tác quản lý đất đai, trật tự xây dựng ở một số nơi còn hạn chế",
)
KIND_WORDS = {"sơ kết": "Sơ kết", "tổng kết": "Tổng kết", "giao ban": "Giao ban"}


def _period_for(rng: random.Random, kind: str) -> tuple[dict | None, dt.date]:
    """A period of the given meeting kind and the day its meeting was held."""
    if kind == "đại hội":
        year = rng.choice((2015, 2020, 2020, 2025))
        start = dt.date(year, rng.choice((5, 6, 7, 9, 10)), rng.randint(1, 28))
        return None, start
    period_kind = {
        "sơ kết": ("month", "quarter", "half", "months", "month", "quarter"),
        "tổng kết": ("year",),
        "giao ban": ("month", "quarter", "month"),
        "hội nghị": ("month", "months", "quarter", "year"),
    }[kind]
    pk = rng.choice(period_kind)
    year = rng.randint(2015, 2025)
    if pk == "month":
        month = rng.randint(1, 12)
        period = {"kind": "month", "year": year, "month": month}
        last = month
    elif pk == "quarter":
        q = rng.randint(1, 4)
        period = {"kind": "quarter", "year": year, "quarter": q}
        last = 3 * q
    elif pk == "half":
        period = {"kind": "half", "year": year, "half": 1}
        last = 6
    elif pk == "months":
        n = rng.choice((8, 9, 9, 9, 10, 11))
        period = {"kind": "months", "year": year, "months": n}
        last = n
    else:
        period = {"kind": "year", "year": year}
        last = 12
    if rng.random() < 0.45 or (year == 2025 and last == 12):
        held = dt.date(year, last, rng.randint(20 if last != 12 else 10, 28))
    else:
        y, m = (year + 1, 1) if last == 12 else (year, last + 1)
        held = dt.date(y, m, rng.randint(2, 15 if pk != "year" else 20))
    return period, held


def _style(rng: random.Random) -> Style:
    return Style(
        abbreviate=rng.random() < 0.2,
        comrade=rng.choice(("đồng chí",) * 6 + ("Đ/c", "đ.c")),
        mister=rng.random() < 0.08,
        old_tones=rng.random() < 0.1,
        dash_titles=rng.random() < 0.2,
    )


class Composer:
    def __init__(self, places, pool):
        self.places = places
        self.pool = pool
        self.casting = Casting(places, pool)

    # --- where and when -------------------------------------------------------------------------------

    def scene(self, rng: random.Random, date: dt.date, levels: tuple[str, ...] | None = None) -> Unit:
        month = date.year * 12 + date.month - 1
        if month >= MERGER:
            province = rng.choice(self.places.provinces_2025)
            upper = province_unit(province)
            communes = self.places.staffed_communes_2025(province.code)
            if rng.random() < 0.5 and communes and (levels is None or "commune" in levels):
                return commune_unit(rng.choice(communes), upper)
            return upper
        province = rng.choice(self.places.provinces_2023)
        upper = province_unit(province)
        level = rng.choices(("province", "district", "commune"), (0.32, 0.5, 0.18))[0]
        if levels and level not in levels:
            level = levels[0]
        if level == "province" or not province.districts:
            return upper
        district = rng.choice(province.districts)
        unit = district_unit(district, upper)
        if level == "commune" and district.staffed_communes:
            return commune_unit(rng.choice(district.staffed_communes), unit)
        return unit

    def source_for(self, rng: random.Random, unit: Unit) -> tuple[str, str]:
        """(name, domain) of a site that publishes this unit's news: the province's paper or portals, or
        the district's own page."""
        province = unit
        while province.upper is not None:
            province = province.upper
        sources = self.places.province_by_code[province.code].sources
        if unit.kind == "district" and rng.random() < 0.2:
            key = fold(unit.name).replace(" ", "")
            return (
                f"Trang thông tin điện tử {unit.word} {unit.name}",
                f"{key}.{sources[1][1].split('.')[0]}.gov.vn",
            )
        return rng.choice(sources)

    # --- the cast ---------------------------------------------------------------------------------------

    def cast(self, rng, unit: Unit, date: dt.date, style: Style, kind: str) -> dict[str, list[Person]]:
        taken: set[str] = set()
        get = self.casting.person
        chairs = [p for p in [get(rng, "secretary", unit, date, style, False, taken)] if p]
        if kind in ("giao ban", "tổng kết", "đại hội") or rng.random() < 0.4:
            for office in ("standing_deputy", "deputy_chair")[: rng.randint(1, 2)]:
                p = get(rng, office, unit, date, style, False, taken)
                if p:
                    chairs.append(p)
        guests: list[Person] = []
        upper = unit.upper
        if upper is not None and rng.random() < 0.75:
            offices = (
                "organisation",
                "propaganda",
                "inspection",
                "mass",
                "deputy_organisation",
                "vice_chair",
            )
            if upper.kind == "district":
                offices = ("secretary", "standing_deputy", "organisation", "propaganda", "inspection")
            p = get(rng, rng.choice(offices), upper, date, style, upper.kind == "district", taken)
            if p:
                guests.append(p)
        elif unit.kind == "province" and rng.random() < 0.3:
            p = get(rng, "police", unit, date, style, False, taken)
            if p:
                guests.append(p)
        reporters = []
        if rng.random() < 0.55:
            office = rng.choice(("standing_deputy", "office", "propaganda", "organisation"))
            p = get(rng, office, unit, date, style, False, taken)
            if p:
                reporters.append(p)
        speakers = []
        if rng.random() < 0.6:
            below = self._below(rng, unit)
            if below is not None:
                p = get(rng, "secretary", below, date, style, True, taken)
                if p:
                    speakers.append(p)
        return {"chairs": chairs, "guests": guests, "reporters": reporters, "speakers": speakers}

    def _below(self, rng, unit: Unit) -> Unit | None:
        """A unit under this one whose leader may speak: a district of a province, a commune of a
        district (or of a 2025 province)."""
        if unit.kind == "province":
            province = self.places.province_by_code[unit.code]
            if province.districts:
                return district_unit(rng.choice(province.districts), unit)
            communes = self.places.staffed_communes_2025(unit.code)
            return commune_unit(rng.choice(communes), unit) if communes else None
        if unit.kind == "district":
            district = next(
                (d for d in self.places.province_by_code[unit.upper.code].districts if d.code == unit.code),
                None,
            )
            if district and district.staffed_communes:
                return commune_unit(rng.choice(district.staffed_communes), unit)
        return None

"""A pool of invented officials whose posts change over the years.

Every post ("seat") of a committee is held by a chain of people from 2015 to 2025; a seat that falls
vacant is often filled by someone whose lower post has just ended in the same province, so careers
climb (Phó Bí thư Huyện ủy → Bí thư Huyện ủy → Trưởng Ban Tổ chức Tỉnh ủy), and on 1 July 2025
district leaders move to the new communes and provincial leaders to the merged provinces.
Names are built from our own lists of family, middle and given names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .places import Places

FAMILY = [
    "Nguyễn",
    "Nguyễn",
    "Nguyễn",
    "Nguyễn",
    "Trần",
    "Trần",
    "Lê",
    "Lê",
    "Phạm",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Đoàn",
    "Trương",
    "Lâm",
    "Mai",
    "Tạ",
    "Hà",
    "Cao",
    "Lương",
    "Thái",
    "Châu",
    "Quách",
    "Tô",
    "Triệu",
    "Lưu",
    "Chu",
    "Kiều",
    "Phùng",
    "Trịnh",
    "La",
    "Thạch",
    "Nông",
    "Hứa",
    "Diệp",
    "Từ",
    "Tăng",
]
MIDDLE_MEN = [
    "Văn",
    "Văn",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quốc",
    "Thanh",
    "Thành",
    "Công",
    "Xuân",
    "Ngọc",
    "Hoàng",
    "Quang",
    "Trọng",
    "Duy",
    "Tấn",
    "Đình",
    "Hồng",
    "Việt",
    "Anh",
    "Phước",
    "Khắc",
    "Mạnh",
    "Hải",
    "Tuấn",
    "Trung",
    "Chí",
    "Vĩnh",
    "Bá",
]
MIDDLE_WOMEN = [
    "Thị",
    "Thị",
    "Thị",
    "Thị",
    "Thu",
    "Ngọc",
    "Thanh",
    "Hồng",
    "Kim",
    "Mỹ",
    "Thúy",
    "Hoài",
    "Bích",
    "Tuyết",
    "Lan",
    "Phương",
    "Diệu",
    "Minh",
]
SECOND_MIDDLE = ["Thanh", "Ngọc", "Kim", "Minh", "Hồng", "Bảo", "Thu", "Mỹ", "Hoài", "Xuân"]
GIVEN_MEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Định",
    "Đông",
    "Duy",
    "Giang",
    "Hải",
    "Hào",
    "Hiếu",
    "Hiển",
    "Hòa",
    "Hoàn",
    "Hùng",
    "Huy",
    "Khải",
    "Khang",
    "Khánh",
    "Khoa",
    "Kiên",
    "Lâm",
    "Lợi",
    "Long",
    "Luân",
    "Lực",
    "Mạnh",
    "Minh",
    "Nam",
    "Nghĩa",
    "Nguyên",
    "Nhân",
    "Phát",
    "Phong",
    "Phú",
    "Phúc",
    "Phương",
    "Quân",
    "Quang",
    "Quyết",
    "Sang",
    "Sơn",
    "Tài",
    "Tâm",
    "Tân",
    "Thắng",
    "Thành",
    "Thạnh",
    "Thiện",
    "Thịnh",
    "Thông",
    "Thuận",
    "Tiến",
    "Toàn",
    "Trí",
    "Triều",
    "Trọng",
    "Trung",
    "Trường",
    "Tuấn",
    "Tùng",
    "Vinh",
    "Vũ",
    "Vương",
    "Hưng",
    "Hiệp",
    "Kha",
    "Lộc",
    "Tín",
    "Nhật",
    "Thái",
    "Bảo",
    "Cảnh",
    "Chiến",
    "Hậu",
]
GIVEN_WOMEN = [
    "Anh",
    "Bích",
    "Châu",
    "Dung",
    "Duyên",
    "Giang",
    "Hà",
    "Hằng",
    "Hạnh",
    "Hiền",
    "Hoa",
    "Hồng",
    "Huệ",
    "Hương",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "My",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phượng",
    "Quyên",
    "Quỳnh",
    "Sương",
    "Tâm",
    "Thảo",
    "Thoa",
    "Thơm",
    "Thu",
    "Thủy",
    "Trang",
    "Trinh",
    "Tuyết",
    "Vân",
    "Xuân",
    "Yến",
    "Diễm",
    "Hân",
    "Nhiên",
    "Thương",
    "Diệu",
    "Hoài",
]


@dataclass(frozen=True)
class Seat:
    """A post in one committee: `kind` names the office, `unit` the place (code and name)."""

    kind: str
    unit_code: str
    rank: int


@dataclass
class Stint:
    seat: Seat
    start: int  # month index: year * 12 + month - 1
    end: int


@dataclass
class Official:
    name: str
    woman: bool
    stints: list[Stint] = field(default_factory=list)

    def seat_at(self, month: int) -> Seat | None:
        for stint in self.stints:
            if stint.start <= month < stint.end:
                return stint.seat
        return None


# Offices by level, with a rank: careers only climb to higher ranks.
PROVINCE_SEATS = (
    ("secretary", 90),
    ("standing_deputy", 80),
    ("deputy_chair", 78),
    ("organisation", 60),
    ("propaganda", 58),
    ("inspection", 56),
    ("mass", 55),
    ("office", 50),
    ("police", 52),
    ("vice_chair", 54),
    ("deputy_organisation", 35),
)
DISTRICT_SEATS = (
    ("secretary", 40),
    ("standing_deputy", 32),
    ("deputy_chair", 30),
    ("propaganda", 20),
    ("organisation", 21),
    ("inspection", 19),
    ("office", 18),
)
COMMUNE_SEATS = (("secretary", 12), ("standing_deputy", 8), ("deputy_chair", 7))

START = 2015 * 12
MERGER = 2025 * 12 + 6  # 1 July 2025
END = 2026 * 12


def _name(rng: random.Random) -> tuple[str, bool]:
    woman = rng.random() < 0.3
    family = rng.choice(FAMILY)
    if rng.random() < 0.03:
        # Two-word names (Khmer and other communities write them so): "Kim Sang", "Thạch Sơn".
        return f"{family} {rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN)}", woman
    middle = rng.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN)
    if rng.random() < 0.25:
        middle = f"{middle} {rng.choice(SECOND_MIDDLE)}" if woman else f"{middle} {rng.choice(MIDDLE_MEN)}"
        if middle.split()[0] == middle.split()[1]:
            middle = middle.split()[0]
    return f"{family} {middle} {rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN)}", woman


def _terms(rng: random.Random, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) into terms of two to five years, ending in a random month."""
    terms = []
    while start < end:
        length = rng.randint(24, 62)
        stop = end if end - (start + length) < 12 else start + length
        terms.append((start, stop))
        start = stop
    return terms


class Pool:
    """All officials, and who holds each seat at a given month."""

    def __init__(self, places: Places, seed: int):
        rng = random.Random(f"people:{seed}")
        self.places = places
        self.officials: list[Official] = []
        self._holders: dict[tuple[str, str], list[tuple[int, int, Official]]] = {}
        self._names: set[str] = set()
        for province in places.provinces_2023:
            self._fill_province(rng, province.code, START, MERGER, province.districts)
        for province in places.provinces_2025:
            self._fill_province(rng, province.code, MERGER, END, [], province.predecessors)

    def _new(self, rng: random.Random) -> Official:
        for _ in range(20):
            name, woman = _name(rng)
            if name not in self._names:
                break
        self._names.add(name)
        official = Official(name, woman)
        self.officials.append(official)
        return official

    def _fill_province(self, rng, code, start, end, districts, predecessors=()):
        """Seats of one province and its districts and communes, filled term by term, higher ranks
        first, each from the people whose lower post has just ended when there is one."""
        seats = [Seat(kind, code, rank) for kind, rank in PROVINCE_SEATS]
        for district in districts:
            seats += [Seat(kind, district.code, rank) for kind, rank in DISTRICT_SEATS]
            for commune in district.staffed_communes:
                seats += [Seat(kind, commune[0], rank) for kind, rank in COMMUNE_SEATS]
        if predecessors:
            for commune in self.places.staffed_communes_2025(code):
                seats += [Seat(kind, commune[0], rank + 30) for kind, rank in COMMUNE_SEATS]
        starts = []
        for seat in seats:
            for term in _terms(rng, start, end):
                starts.append((term[0], -seat.rank, seat, term))
        starts.sort(key=lambda item: (item[0], item[1]))
        # People free to move up: from the merged provinces' last posts, or from posts ending here.
        free: list[tuple[int, Official]] = []
        for old in predecessors:
            for unit_code in [old, *self.places.district_codes(old)]:
                for kind in dict.fromkeys(kind for kind, _rank in PROVINCE_SEATS + DISTRICT_SEATS):
                    holders = self._holders.get((kind, unit_code))
                    if holders and holders[-1][1] == MERGER:
                        free.append((holders[-1][2].seat_at(MERGER - 1).rank, holders[-1][2]))
        rng.shuffle(free)
        ending: dict[int, list[tuple[int, Official]]] = {}
        for month, _, seat, (term_start, term_end) in starts:
            free.extend(ending.pop(month, ()))
            official = None
            if free and rng.random() < 0.7:
                for i, (rank, candidate) in enumerate(free):
                    if rank < seat.rank:
                        official = candidate
                        del free[i]
                        break
            if official is None:
                official = self._new(rng)
            official.stints.append(Stint(seat, term_start, term_end))
            self._holders.setdefault((seat.kind, seat.unit_code), []).append((term_start, term_end, official))
            ending.setdefault(term_end, []).append((seat.rank, official))
            # Cap the waiting list so old leavers do not come back years later.
            del free[40:]

    def holder(self, kind: str, unit_code: str, month: int) -> Official | None:
        for start, end, official in self._holders.get((kind, unit_code), ()):
            if start <= month < end:
                return official
        return None


def unit_kind(unit_code: str) -> str:
    """province (2 digits or "NN-2025"), district (3 digits) or commune (5 digits)."""
    digits = unit_code.split("-")[0]
    return {2: "province", 3: "district"}.get(len(digits), "commune")


# Second titles by office: (the post itself, optional concurrent post). "{c}" is the committee
# ("Tỉnh ủy", "Huyện ủy"…), "{u}" the unit word ("tỉnh", "huyện", "xã"…).
OFFICE_TITLES = {
    "secretary": ("Bí thư {c}", None),
    "standing_deputy": ("Phó Bí thư Thường trực {c}", "Chủ tịch HĐND {u}"),
    "deputy_chair": ("Phó Bí thư {c}", "Chủ tịch UBND {u}"),
    "organisation": ("Trưởng Ban Tổ chức {c}", None),
    "propaganda": ("Trưởng Ban Tuyên giáo {c}", None),
    "inspection": ("Chủ nhiệm Ủy ban Kiểm tra {c}", None),
    "mass": ("Trưởng Ban Dân vận {c}", None),
    "office": ("Chánh Văn phòng {c}", None),
    "police": ("Giám đốc Công an {u}", None),
    "vice_chair": ("Phó Chủ tịch UBND {u}", None),
    "deputy_organisation": ("Phó Trưởng Ban Tổ chức {c}", None),
}
CENTRAL_MEMBER = (
    "Ủy viên Ban Chấp hành Trung ương Đảng",
    "Ủy viên Trung ương Đảng",
    "UV BCH TƯ Đảng",
    "Ủy viên dự khuyết Trung ương Đảng",
)

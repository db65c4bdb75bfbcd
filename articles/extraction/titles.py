"""Word lists for reading people out of an article: family names, honorifics, titles, their organs and
the cue words that give a role.

Everything is lower case (the body is already NFC with modern tone marks); callers compare lowered tokens.
"""

from __future__ import annotations

import re
from functools import cache


def words(text: str) -> frozenset[str]:
    """The set of blank-separated words in `text`."""
    return frozenset(text.split())


# Common Vietnamese family names, plus Khmer and other minority ones seen in Party news (Thạch, Danh, Sơn).
FAMILY_NAMES = words(
    """
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lương trương đinh đoàn đào cao hà
    lâm mai trịnh tạ tô thái châu lưu kiều quách thạch kim giáp nông triệu hứa chu la lò lục mạc nghiêm
    phùng tăng tôn thân từ vi vương khổng khúc lại lã lữ mã phí sầm thiều trình ung âu bế cù cấn chế diệp
    doãn đàm hàn hầu khương kha khuất lăng liêu mạch mẫn nhan nhâm tào tiết tống trầm uông danh sơn lạc
    lường điểu ma quàng cầm điêu bạc giàng sùng thào vừ mùa lầu tráng chảo ksor rmah siu rơ kpă ngụy vy biện
    bành cung đậu bạch đới ưng y giang nay rah rcom niê êban bdap kpă
    """
)

# Middle names: after "đồng chí", a word that usually starts an organ starts a name before one ("Văn Thị Nga").
MIDDLE_NAMES = words("thị đình hữu ngọc")

# Words that introduce a person. Plural forms open a list ("các đồng chí: A, ...; B, ...").
TRIGGERS = (
    (("các", "đồng", "chí"), True),
    (("các", "ông", ",", "bà"), True),
    (("các", "bà", ",", "ông"), True),
    (("các", "ông"), True),
    (("các", "bà"), True),
    (("các", "đ", "/", "c"), True),
    (("đồng", "chí"), False),
    (("đ", "/", "c"), False),
    (("đ", ".", "c"), False),
    (("đc",), False),
    (("ông",), False),
    (("bà",), False),
    (("anh",), False),
    (("chị",), False),
    (("cụ",), False),
    (("gs", ".", "ts"), False),
    (("pgs", ".", "ts"), False),
    (("ts",), False),
    (("ths",), False),
)
# Triggers after which a name need not start with a known family name ("đồng chí K'Thái").
STRONG_TRIGGERS = frozenset({("đồng", "chí"), ("đ", "/", "c"), ("đ", ".", "c"), ("các", "đồng", "chí")})

RANKS = frozenset(
    f"{grade} {rank}" for grade in ("đại", "thượng", "trung", "thiếu") for rank in ("tướng", "tá", "úy")
)

# Words a title starts with, as lowered token tuples (abbreviations as written: "UV BTV", "TUV", "PBT").
_HEADS = """
ủy viên dự khuyết|ủy viên|uv|uvbtv|uvtv|uvtw|uvtư|tuv|pbt|tỉnh ủy viên|thành ủy viên|huyện ủy viên|quận ủy viên
|thị ủy viên|đảng ủy viên|bí thư|phó bí thư|tổng bí thư|chủ tịch|phó chủ tịch|chủ nhiệm|phó chủ nhiệm
|trưởng ban|phó trưởng ban|trưởng đoàn|phó trưởng đoàn|trưởng phòng|phó trưởng phòng|trưởng thôn|trưởng ấp
|trưởng khóm|trưởng khu phố|trưởng bản|trưởng công an|phó trưởng công an|trưởng|phó trưởng|giám đốc|phó giám đốc
|tổng giám đốc|phó tổng giám đốc|chánh văn phòng|phó chánh văn phòng|chánh án|phó chánh án|chánh thanh tra
|phó chánh thanh tra|viện trưởng|phó viện trưởng|chỉ huy trưởng|phó chỉ huy trưởng|chính ủy|phó chính ủy
|tư lệnh|phó tư lệnh|thủ tướng|phó thủ tướng|bộ trưởng|thứ trưởng|đại biểu quốc hội|hiệu trưởng
|phó hiệu trưởng|tổng biên tập|phó tổng biên tập|chủ tịch nước|phó chủ tịch nước|cục trưởng|phó cục trưởng
|chi cục trưởng|tổng cục trưởng|tổng thư ký|thư ký|kiểm sát viên|thẩm phán|người phát ngôn|chủ nhiệm ủy ban
|trưởng đoàn đại biểu quốc hội|thủ trưởng|đbqh|chuyên viên|thường trực ban bí thư|ủy viên bộ chính trị
"""
TITLE_HEADS: dict[str, tuple[tuple[str, ...], ...]] = {}
for _h in sorted({h.strip() for h in _HEADS.replace("\n", "").split("|") if h.strip()} | RANKS):
    _toks = tuple(_h.split())
    TITLE_HEADS.setdefault(_toks[0], ())
    TITLE_HEADS[_toks[0]] = tuple(sorted((*TITLE_HEADS[_toks[0]], _toks), key=len, reverse=True))
HEAD_ABBREVIATIONS = frozenset({"uv", "uvbtv", "uvtv", "uvtw", "uvtư", "tuv", "pbt", "đbqh"})

# Second syllables allowed in lower case inside an organ's name ("Ban Tổ chức", "Ủy ban Kiểm tra").
ORGAN_SECOND_SYLLABLES = words(
    """
    chức tra vận giáo chính phòng trực vụ hành ương ủy ban viên dân đồng an thương nghệ sự huy lịch nghiệp
    triển tư hoạch nguyên dựng thông tải tế dục tạo học pháp trường động binh hội hóa thao tin trận quốc
    biểu sát đội hàng bạc hiểm truyền sách trị phủ đoàn minh niên nữ chiến quan án nhân sản lực lâm thủy lợi
    vực cấp sở hợp tác phố trấn xã bộ khu mại hải lao đạo khoa tịch nhiệm tướng lệnh thư biên ký cục đốc
    trưởng khẩu nội ngoại đảng lý cứu khí tượng chất lương thực phẩm giới thanh tộc tôn nước điện chương ty
    khu em đình trợ phần giao hiệp kê hình tâm thập đỏ gia toán trẻ khối
    """
)
# Lower-case words that may stand anywhere in a title: unit words before a place name.
UNIT_WORDS = words("tỉnh huyện quận xã phường thôn ấp khóm bản xóm")
# Words before a name that make it the name of a place or an institution ("đường Lê Lợi", "THPT Lê Quý Đôn").
PLACE_NOUNS = UNIT_WORDS | words(
    "tp tx tt trường đường phố cầu viện khu làng chợ sông núi tượng đền chùa đình giải quỹ thpt thcs tiểu học"
    " công viên quảng trường kênh bến cảng"
)
LOWER_BIGRAMS = frozenset(
    {
        ("ủy", "viên"),
        ("nông", "thôn"),
        ("dự", "khuyết"),
        ("nhân", "dân"),
        ("đại", "biểu"),
        ("thường", "trực"),
        ("thường", "vụ"),
        ("thị", "xã"),
        ("thị", "trấn"),
        ("thành", "phố"),
        ("khu", "phố"),
        ("cán", "sự"),
        ("sự", "đảng"),
        ("chấp", "hành"),
        ("đảng", "bộ"),
        ("đảng", "ủy"),
        ("ban", "chấp"),
        ("ban", "thường"),
        ("quốc", "hội"),
        ("việt", "nam"),
    }
)
# Lower-case words that end a title even right after a capitalised syllable: verbs and function words.
TITLE_STOP_WORDS = words(
    """
    tham dự chủ phát báo trình kết cho đề yêu nhấn ghi đọc nêu kiến đánh được đã và cùng là có tại về trong
    với khi đến làm lưu cảm chúc trao nhận bế khai giải thảo góp chia nói tiếp đi đang sẽ vừa cũng nhắc ôn
    bày khẳng biểu mong bày gửi hoan tặng thăm dâng đón chứng điều tổ ký chỉ quán thay theo của năm ngày
    tháng này đó ở từ để khẳng trả
    """
) - {"biểu"}
# Bigrams that are verbs although their first syllable may close an organ's name.
VERB_BIGRAMS = frozenset(
    {
        ("thông", "tin"),
        ("thông", "qua"),
        ("thông", "báo"),
        ("ban", "hành"),
        ("chỉ", "đạo"),
        ("kiểm", "tra"),
        ("phát", "biểu"),
        ("tổ", "chức"),
        ("điều", "hành"),
        ("hội", "ý"),
        ("trình", "bày"),
        ("giám", "sát"),
        ("chủ", "trì"),
        ("đồng", "chủ"),
        ("quán", "triệt"),
        ("sơ", "kết"),
        ("tổng", "kết"),
    }
)

# Capitalised words that start organs or documents, never a person ("Ban", "Hội", "Nghị").
NOT_NAME_WORDS = words(
    """
    ban tỉnh huyện thành quận thị đảng hội nghị ủy bí phó chủ trưởng giám tổng thường chánh đoàn sở bộ văn
    trung quốc ubnd hđnd mttq công cục chi khu ấp thôn xã phường khóm tổ tòa viện trường
    """
)

# Words that give a person's role at the meeting ("weak": saying something, speaking only at a meeting).
_CUE_WORDS = {
    "chair": "chủ trì|chủ tọa|đoàn chủ tịch|điều hành",
    "report": "báo cáo|trình bày|tờ trình",
    "attend": "tham dự|đến dự|cùng dự|về dự|dự|tham gia|được bầu|được chỉ định|được bổ nhiệm|trao|nhận|tặng"
    "|dâng hoa|dâng hương|thăm|chứng kiến|cắt băng|bấm nút|động thổ|khánh thành|thắp hương|viếng|trồng cây"
    "|chụp ảnh|làm việc|bầu|bầu bổ sung|chỉ định|bổ nhiệm|điều động|kiện toàn|về phía",
    "speak": "phát biểu|kết luận|chỉ đạo|đề nghị|yêu cầu|nhấn mạnh|ghi nhận|đánh giá|kiến nghị|đề xuất|nêu"
    "|cho rằng|khẳng định|lưu ý|biểu dương|chúc mừng|cảm ơn|bế mạc|khai mạc|tham luận|diễn văn|giải trình"
    "|trao đổi|phát động|quán triệt|góp ý|thảo luận|nhắc lại|ôn lại|mong muốn|đề cập|bày tỏ|hoan nghênh"
    "|gợi mở|tiếp thu|giải đáp|trả lời|phân tích|truyền đạt|gửi lời|công bố|đọc|phổ biến|gợi ý|chỉ rõ"
    "|nhận định|giao nhiệm vụ",
    "weak": "cho biết|chia sẻ|nói|thông tin",
}
ROLE_CUES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): role for role, phrases in _CUE_WORDS.items() for phrase in phrases.split("|")
}
# "dự án", "dự toán", "dự thảo"...: "dự" that is not attending.
NOT_ATTENDING = words("án toán thảo báo kiến khuyết trữ phòng thi tuyển bị định luật")
# Words saying the article is about a meeting, where saying something is speaking at it.
MEETING_WORDS = re.compile(
    r"hội nghị|cuộc họp|phiên họp|kỳ họp|đại hội|buổi lễ|lễ kỷ niệm|hội thảo|buổi làm việc|sinh hoạt|giao ban"
    r"|sơ kết|tổng kết|tọa đàm|diễn đàn|gặp mặt|tiếp xúc cử tri|\bhọp\b"
)
# Honorifics as written in running text, to find the sentences that may name someone.
HONORIFICS = (
    "đồng chí ",
    "Đồng chí ",
    "đồng chí:",  # "các đồng chí:" closing a line before a list
    "đồng chí\n",
    "Đ/c",
    "đ/c",
    "Đ.c",
    "đ.c",
    "ông ",
    "Ông ",
    "bà ",
    "Bà ",
    "anh ",
    "chị ",
    "cụ ",
    "Cụ ",
)
# Vietnamese capital letters, for regex classes ("[A-Z]" misses "Đ", "Ô"...).
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def is_place(name: str) -> bool:
    """A province, district or commune name ("Bố Trạch", "Tân An")."""
    if name.casefold() in place_names():
        return True
    try:
        from articles.extraction import gazetteer
    except ImportError:  # pragma: no cover
        return False
    return bool(gazetteer.find_communes(name))


@cache
def place_names() -> frozenset[str]:
    """Province and district names (lower case): "Lâm Hà" after "Huyện ủy" is a place, not a person."""
    try:
        from articles.extraction import gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return frozenset()
    names = set()
    for unit in gazetteer.units():
        names.add(unit.name.casefold())
        names.update(alias.casefold() for alias in unit.aliases)
    return frozenset(names)

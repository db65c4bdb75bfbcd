"""Short meeting reports written for the ingestion tests (invented events, invented figures)."""


def report(
    province="Trà Vinh",
    person="Nguyễn Văn Hiếu",
    title="Bí thư Tỉnh ủy",
    day="5/7/2024",
    period="6 tháng đầu năm 2024",
    kind="sơ kết",
    figure="Tổng thu ngân sách nhà nước trên địa bàn đạt 2.150 tỷ đồng, bằng 52,3% dự toán.",
):
    """A provincial Standing Committee meeting chaired by `person`, reporting one figure."""
    return f"""Ban Thường vụ Tỉnh ủy {province} {kind} công tác {period}
Ngày {day}, Ban Thường vụ Tỉnh ủy {province} tổ chức hội nghị {kind} công tác {period}.
Đồng chí {person}, {title} chủ trì hội nghị.
Theo báo cáo, {figure[0].lower() + figure[1:]} Toàn tỉnh kết nạp 412 đảng viên mới.
Kết luận hội nghị, đồng chí {person} đề nghị các cấp ủy tập trung hoàn thành các chỉ tiêu cả năm.
Thanh Tâm
"""


TRA_VINH = report()

DONG_THAP = report(
    province="Đồng Tháp",
    person="Nguyễn Văn Hiểu",
    title="Phó Bí thư Tỉnh ủy",
    day="12/10/2023",
    period="9 tháng năm 2023",
    figure="Tốc độ tăng trưởng kinh tế ước đạt 6,8%.",
)

# A page that is not a meeting report: no committee, no meeting, no province.
WEATHER = """Trời nắng nóng kéo dài
Những ngày qua trời nắng gắt, nhiều nơi nhiệt độ ngoài trời lên cao.
Người dân nên uống đủ nước và hạn chế ra đường vào buổi trưa.
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Báo Trà Vinh</title><style>p { color: red }</style>
<script>var views = 1024;</script></head>
<body><h1>Ban Thường vụ Tỉnh ủy Trà Vinh giao ban quý III năm 2024</h1>
<p>Ngày 3/10/2024, Ban Thường vụ Tỉnh ủy Trà Vinh tổ chức hội nghị giao ban quý III năm 2024.
Đồng chí Lâm Thị Hoa, Phó Bí thư Tỉnh ủy chủ trì hội nghị.</p>
<p>Quý III, thu ngân sách đạt 1.240 tỷ đồng &amp; giải ngân đạt 61% kế hoạch.</p>
</body></html>
"""

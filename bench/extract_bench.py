"""The extractor's speed and memory on one core, and its time on pathological input.

Series:
Speeds are per second of this process's CPU time, i.e. one core, however busy the machine is.

  corpus      the labelled articles of ../shared/corpus, repeated (skipped when the corpus is absent)
  generated   3 KB meeting reports built from templates and the gazetteer (always)
  memory      --articles extractions (10,000 by default) with the resident set size and the memory
              tracemalloc sees sampled every tenth of the way: flat figures mean nothing accumulates
  1 MB        one extraction each of 1 MB of "1.1.1.1" and of "đồng chí, " (must stay well under 1 s)

    .venv/bin/python bench/extract_bench.py [--articles 10000] [--seconds 5]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.extraction import extract, gazetteer  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

LEAD = (
    "{when}, Ban Thường vụ Huyện ủy {district} tổ chức hội nghị sơ kết công tác {period}, triển khai nhiệm vụ "
    "thời gian tới. Đồng chí {person}, Ủy viên Ban Thường vụ Tỉnh ủy {province}, Bí thư Huyện ủy chủ trì hội "
    "nghị. Dự hội nghị có đồng chí {person2}, Phó Trưởng Ban Tổ chức Tỉnh ủy."
)
FIGURES = (
    "Theo báo cáo, {period} giá trị sản xuất trên địa bàn ước đạt {n1}.{n2} tỷ đồng, tăng {p1},{p2}% so với "
    "cùng kỳ; thu ngân sách đạt {n3} tỷ đồng, bằng {p3}% dự toán; toàn huyện có {n4} doanh nghiệp thành lập "
    "mới, giải quyết việc làm cho {n5}.{n2} lao động. Huyện có {k}/{m} xã đạt chuẩn nông thôn mới."
)
PARTY = (
    "Về xây dựng Đảng, các cấp ủy kết nạp {n4} đảng viên mới, đạt {p3}% chỉ tiêu; Ủy ban Kiểm tra Huyện ủy "
    "kiểm tra {k} tổ chức đảng và {m} đảng viên khi có dấu hiệu vi phạm. Các chi, đảng bộ cơ sở tổ chức sinh "
    "hoạt chuyên đề đúng hướng dẫn, chuẩn bị chu đáo cho đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030."
)
CLOSE = (
    "Kết luận hội nghị, đồng chí {person} đề nghị các ngành tập trung thu ngân sách, đẩy nhanh tiến độ giải "
    "phóng mặt bằng các dự án trọng điểm, chăm lo đời sống Nhân dân, giữ vững an ninh trật tự trên địa bàn."
)
NAMES = [
    "Nguyễn Văn Hùng",
    "Trần Thị Mai",
    "Lê Đình Khôi",
    "Phạm Minh Tuấn",
    "Huỳnh Thanh Bình",
    "Võ Thị Lan",
]
PERIODS = ["quý I năm 2024", "6 tháng đầu năm 2023", "tháng 11 năm 2022", "9 tháng năm 2024", "năm 2023"]


def generated(count: int, seed: int = 1) -> list[str]:
    """`count` meeting reports of about 3 KB about random districts."""
    rng = random.Random(seed)
    districts = [u for u in gazetteer.units() if u.type == "huyện"]
    texts = []
    for _ in range(count):
        d = rng.choice(districts)
        province = gazetteer.unit(d.province).name
        values = {
            "district": d.name,
            "province": province,
            "period": rng.choice(PERIODS),
            "when": f"Sáng {rng.randint(1, 28)}/{rng.randint(1, 12)}",
            "person": rng.choice(NAMES),
            "person2": rng.choice(NAMES),
            **{f"n{i}": rng.randint(10, 999) for i in range(1, 6)},
            **{f"p{i}": rng.randint(1, 99) for i in range(1, 4)},
            "k": rng.randint(1, 20),
            "m": rng.randint(20, 40),
        }
        paragraphs = [LEAD, FIGURES, PARTY, FIGURES, PARTY, FIGURES, CLOSE]
        body = "\n\n".join(p.format(**values) for p in paragraphs)
        title = f"Huyện ủy {d.name} sơ kết công tác {values['period']}"
        texts.append(f"{title}\nCập nhật ngày: 05/04/2024 10:20:00\n\n{body}\n\nMinh Anh")
    return texts


def rate(texts: list[str], seconds: float) -> tuple[float, float, int]:
    """Articles per CPU second of this process (one core, whatever else the machine runs) and per wall
    second, over `texts` repeated for about `seconds` of CPU time."""
    done, cpu, wall = 0, time.process_time(), time.perf_counter()
    while time.process_time() - cpu < seconds:
        for text in texts:
            extract(text)
        done += len(texts)
    return done / (time.process_time() - cpu), done / (time.perf_counter() - wall), done


def rss_mb() -> float:
    """Resident set size now (Linux), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(texts: list[str], articles: int) -> None:
    step = max(1, articles // 10)
    tracemalloc.start()
    baseline = None
    print(f"{'articles':>10} {'RSS MB':>8} {'traced MB':>10}")
    for i in range(articles):
        extract(texts[i % len(texts)])
        if (i + 1) % step == 0:
            current, _ = tracemalloc.get_traced_memory()
            baseline = baseline if baseline is not None else current
            print(f"{i + 1:>10} {rss_mb():>8.1f} {current / 2**20:>10.2f}")
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"traced growth after the first tenth: {(current - baseline) / 2**10:+.0f} KB (peak {peak / 2**20:.1f} MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000, help="extractions in the memory series")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each speed series")
    args = parser.parse_args()

    extract(generated(1)[0])  # load the gazetteer once, outside the timings
    made = generated(200)
    series = [("generated", made)]
    if CORPUS.is_dir():
        series.insert(0, ("corpus", [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]))
    else:
        print(f"({CORPUS} not found: generated texts only)")
    for name, texts in series:
        per_cpu, per_wall, done = rate(texts, args.seconds)
        size = sum(len(t.encode()) for t in texts) / len(texts) / 1024
        print(
            f"{name:>10}: {per_cpu:5.0f} articles/s of CPU time ({per_wall:.0f} by the clock), "
            f"{done} articles of {size:.1f} KB on average"
        )

    print(f"\nmemory over {args.articles} articles:")
    memory(series[0][1], args.articles)

    print()
    for name, text in (
        ("1 MB of '1.1.1.1'", "1.1.1.1" * 150_000),
        ("1 MB of 'đồng chí, '", "đồng chí, " * 100_000),
    ):
        cpu, wall = time.process_time(), time.perf_counter()
        extract(text)
        print(
            f"{name:>22}: {time.process_time() - cpu:.2f} s CPU ({time.perf_counter() - wall:.2f} s by the clock)"
        )


if __name__ == "__main__":
    main()

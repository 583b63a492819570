"""Deterministic generator of large synthetic corpora, for benchmarks only (never the default data).

Articles are assembled from our own sentence templates and fact tables: a mix of 2+2 and
other dialogues, arms deals, plain news and page chaff, 1 to 6 KB each, many countries and
years. The same seed and N always give the same files.

    python benchmarks/generate.py OUT_DIR N [--format txt|html|jsonl] [--seed 7]
"""

from __future__ import annotations

import argparse
import html
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    ("Mỹ", "Washington"), ("Ấn Độ", "New Delhi"), ("Nhật Bản", "Tokyo"), ("Australia", "Canberra"),
    ("Philippines", "Manila"), ("Nga", "Moscow"), ("Pháp", "Paris"), ("Hàn Quốc", "Seoul"),
    ("Indonesia", "Jakarta"), ("Ba Lan", "Vác-sa-va"), ("Anh", "London"), ("Đức", "Berlin"),
    ("Việt Nam", "Hà Nội"), ("Singapore", "Singapore"), ("Thái Lan", "Bangkok"), ("Malaysia", "Kuala Lumpur"),
    ("Canada", "Ottawa"), ("Brazil", "Brasilia"), ("Ai Cập", "Cairo"), ("Thổ Nhĩ Kỳ", "Ankara"),
]
MECHANISMS = [
    "Đối thoại 2+2", "Đối thoại Chiến lược", "Đối thoại Chính sách Quốc phòng", "Đối thoại An ninh",
]
SYSTEMS = [
    ("máy bay chiến đấu", "Dassault"), ("hệ thống tên lửa phòng không", "Almaz-Antey"),
    ("máy bay không người lái", "General Atomics"), ("xe tăng chiến đấu chủ lực", "Hyundai Rotem"),
    ("tàu hộ vệ tên lửa", "Naval Group"), ("pháo tự hành", "Hanwha"), ("trực thăng vận tải", "Airbus"),
    ("tên lửa hành trình", "BrahMos Aerospace"),
]
FILLER = [
    "Giới phân tích cho rằng quan hệ hai nước đang bước vào giai đoạn phát triển mới.",
    "Hai bên cũng trao đổi về tình hình khu vực và các vấn đề cùng quan tâm.",
    "Các quan chức nhấn mạnh tầm quan trọng của hợp tác kỹ thuật và đào tạo.",
    "Theo các nhà quan sát, kết quả của cuộc gặp sẽ định hình chương trình nghị sự trong những năm tới.",
    "Một số chuyên gia lưu ý rằng tiến độ thực hiện còn phụ thuộc vào ngân sách của hai nước.",
    "Phía chủ nhà khẳng định sẵn sàng mở rộng hợp tác trong các lĩnh vực mới như an ninh mạng và không gian.",
]
TEASERS = [
    ("Hội chợ hàng không thu hút nhiều nhà sản xuất", "Nhiều hãng châu Âu giới thiệu mẫu máy bay mới tại triển lãm năm nay ..."),
    ("Giá dầu biến động mạnh trong tuần", "Thị trường năng lượng tiếp tục chịu sức ép từ nhu cầu suy giảm ..."),
    ("Trung Quốc và Pakistan tập trận chung", "Cuộc tập trận kéo dài một tuần tại vùng biển Ả Rập ..."),
]
OUTLETS = ["Tin Quốc phòng 24 (mẫu)", "Thời báo Đối ngoại (mẫu)", "Báo Thế giới Nay (mẫu)", "Cổng tin An ninh Châu Á (mẫu)"]


@dataclass(frozen=True)
class GeneratedArticle:
    name: str
    source: str
    published: str
    title: str
    paragraphs: tuple[str, ...]
    chaff: tuple[str, ...]

    def as_text(self) -> str:
        return "\n\n".join([self.title, *self.paragraphs, *self.chaff]) + "\n"

    def as_html(self) -> str:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        chaff = "\n".join(f"<li>{html.escape(c)}</li>" for c in self.chaff)
        return (
            f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(self.title)}</title>'
            f'<meta property="article:published_time" content="{self.published}">'
            f'<meta property="og:site_name" content="{html.escape(self.source)}"></head>'
            f"<body><nav><a href='/'>Trang chủ</a></nav><article><h1>{html.escape(self.title)}</h1>{body}</article>"
            f"<aside><ul>{chaff}</ul></aside><footer>Bản quyền thuộc về tòa soạn mẫu.</footer></body></html>"
        )


def _dialogue_paragraphs(rng: random.Random, day: date) -> tuple[str, list[str]]:
    (a, city_a), (b, _) = rng.sample(COUNTRIES, 2)
    mechanism = rng.choice(MECHANISMS)
    title = f"{a} và {b} tổ chức {mechanism} lần thứ {rng.randint(1, 9)}"
    lead = f"Ngày {day.day}/{day.month}, tại {city_a}, {a} và {b} đã tiến hành {mechanism} giữa các bộ trưởng ngoại giao và quốc phòng."
    recall_year = day.year - rng.randint(1, 3)
    body = [
        lead,
        f"Cuộc đối thoại lần trước giữa hai nước diễn ra vào tháng {rng.randint(1, 12)}/{recall_year}.",
        f"Hai bên dự kiến tổ chức vòng tiếp theo tại {rng.choice(COUNTRIES)[1]} vào năm {day.year + 1}.",
    ]
    return title, body


def _deal_paragraphs(rng: random.Random, day: date) -> tuple[str, list[str]]:
    (buyer, _), (seller, _) = rng.sample(COUNTRIES, 2)
    system, maker = rng.choice(SYSTEMS)
    quantity = rng.randint(2, 120)
    value = rng.randint(2, 90) / 10
    title = f"{buyer} mua {quantity} {system} của {seller}"
    body = [
        f"{buyer} đã ký hợp đồng trị giá {str(value).replace('.', ',')} tỷ USD để mua {quantity} {system} do {maker} của {seller} sản xuất.",
        f"Theo kế hoạch, lô đầu tiên sẽ được bàn giao trong năm {day.year + rng.randint(1, 3)}.",
        f"Năm {day.year - 1}, hai nước từng thảo luận về khả năng hợp tác sản xuất {system} trong nước.",
    ]
    return title, body


def _plain_paragraphs(rng: random.Random, day: date) -> tuple[str, list[str]]:
    (a, city), (b, _) = rng.sample(COUNTRIES, 2)
    title = f"Bộ trưởng Quốc phòng {a} thăm {b}"
    body = [
        f"Hôm {day.day}/{day.month}, Bộ trưởng Quốc phòng {a} đã tới {city} trong chuyến thăm chính thức kéo dài ba ngày.",
        "Chuyến thăm nhằm thúc đẩy trao đổi đoàn và hợp tác đào tạo giữa quân đội hai nước.",
    ]
    return title, body


def generate(n: int, seed: int = 7) -> Iterator[GeneratedArticle]:
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    builders = [_dialogue_paragraphs, _deal_paragraphs, _plain_paragraphs]
    for i in range(n):
        day = start + timedelta(days=rng.randrange(0, 8 * 365))
        title, body = rng.choices(builders, weights=[4, 4, 2])[0](rng, day)
        target_bytes = rng.randint(1000, 6000)
        while len("\n".join(body).encode()) < target_bytes:
            body.append(" ".join(rng.sample(FILLER, 3)))
        chaff: list[str] = []
        if rng.random() < 0.5:
            for headline, summary in rng.sample(TEASERS, 2):
                chaff += [headline, headline, summary]
            chaff += ["Đọc thêm", "Phiên bản di động"]
        yield GeneratedArticle(
            name=f"gen_{i:06d}",
            source=rng.choice(OUTLETS),
            published=day.isoformat(),
            title=title,
            paragraphs=tuple(body),
            chaff=tuple(chaff),
        )


def write_corpus(out_dir: Path, n: int, fmt: str = "txt", seed: int = 7) -> Path:
    """Writes N articles under out_dir (txt + manifest.csv, html files, or one jsonl) and returns out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    articles = generate(n, seed)
    if fmt == "jsonl":
        with (out_dir / "corpus.jsonl").open("w", encoding="utf-8") as out:
            for article in articles:
                row = {"title": article.title, "text": article.as_text(), "published": article.published,
                       "source": article.source, "url": f"https://mau.example/gen/{article.name}"}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return out_dir
    manifest_rows = ["file,source,url,published"]
    for article in articles:
        if fmt == "html":
            (out_dir / f"{article.name}.html").write_text(article.as_html(), encoding="utf-8")
            continue
        (out_dir / f"{article.name}.txt").write_text(article.as_text(), encoding="utf-8")
        manifest_rows.append(f"{article.name}.txt,{article.source},,{article.published}")
    if fmt == "txt":
        (out_dir / "manifest.csv").write_text("\n".join(manifest_rows) + "\n", encoding="utf-8")
    return out_dir


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--format", choices=["txt", "html", "jsonl"], default="txt")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    write_corpus(args.out_dir, args.n, args.format, args.seed)
    print(f"wrote {args.n} {args.format} articles to {args.out_dir}")


if __name__ == "__main__":
    main()

"""`reform-archive import` on disk: what it writes, what it keeps, what it refuses."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import build_to_memory
from legacy_encodings import encode_windows_1258

from reform_archive.cli import cli
from reform_archive.importer.output import HASH_KEY, content_hash, with_hash

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "content" / "_raw"

PAGE = """Trang chủ > Tin tức > Cải cách hành chính
Hà Tĩnh đẩy mạnh cải cách hành chính năm 2023
Ngày 27/02/2023 09:04:52 | Lượt xem: 1.204

Sáng 27/2, UBND tỉnh Hà Tĩnh tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2023 với sự tham dự của lãnh đạo các sở, ngành và địa phương trong tỉnh.

Theo báo cáo, năm 2022 toàn tỉnh đã tiếp nhận hơn 300.000 hồ sơ thủ tục hành chính, trong đó 98% được giải quyết đúng hạn; tỷ lệ hồ sơ trực tuyến toàn trình đạt 45%, tăng mạnh so với năm trước.

Phát biểu kết luận, Phó Chủ tịch UBND tỉnh yêu cầu các đơn vị thực hiện nghiêm Kế hoạch số 145/KH-UBND, không để hồ sơ trễ hạn, xin lỗi người dân khi để xảy ra chậm trễ trong giải quyết thủ tục.

HÀ VY
Bài liên quan
Hà Tĩnh công bố chỉ số CCHC năm 2022
Bản quyền thuộc về Báo Hà Tĩnh
"""


def invoke(*args: str):
    return CliRunner().invoke(cli, ["import", *args], catch_exceptions=False)


def site(tmp_path: Path) -> Path:
    """The repository's site.toml: the summary table speaks its language, Vietnamese."""
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    shutil.copy(REPO / "site.toml", root / "site.toml")
    return root


TARGET = "content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md"


def site_and_page(tmp_path: Path) -> tuple[Path, Path]:
    """An empty site and PAGE saved as a raw file beside it."""
    raw = tmp_path / "page.txt"
    raw.write_text(PAGE, "utf-8")
    return site(tmp_path), raw


def articles(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in sorted((root / "content").rglob("*.md"))}


def test_importing_the_kept_raw_pages_reproduces_the_sample_archive(tmp_path):
    root = site(tmp_path)
    result = invoke(str(RAW), "--site", str(root))
    assert result.exit_code == 0, result.output
    assert articles(root) == {
        p.relative_to(REPO).as_posix(): p.read_text("utf-8") for p in sorted((REPO / "content").rglob("*.md"))
    }
    for raw in RAW.rglob("*.txt"):
        assert (root / "content" / "_raw" / raw.relative_to(RAW)).read_bytes() == raw.read_bytes()


def test_the_sample_archive_builds_without_problems():
    files = build_to_memory(REPO)
    assert any(name.endswith("ha-tinh-huong-den-nen-hanh-chinh-hien-dai/index.html") for name in files)


def test_reimporting_changes_nothing_and_never_touches_the_raw_file(tmp_path):
    root, raw = site_and_page(tmp_path)
    before = hashlib.sha256(raw.read_bytes()).hexdigest()
    assert invoke(str(raw), "--site", str(root)).exit_code == 0
    written = {p: p.stat().st_mtime_ns for p in (root / "content").rglob("*") if p.is_file()}
    again = invoke(str(raw), "--site", str(root), "--report", "json")
    assert again.exit_code == 0
    assert [f["status"] for f in json.loads(again.stdout)["files"]] == ["unchanged"]
    assert {p: p.stat().st_mtime_ns for p in (root / "content").rglob("*") if p.is_file()} == written
    assert hashlib.sha256(raw.read_bytes()).hexdigest() == before
    text = articles(root)["content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md"]
    assert (
        f"source_sha256: {before}" in text
        and 'raw: "_raw/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.txt"' in text
    )
    for expected in (
        'author: "Hà Vy"',
        'category: "Cải cách hành chính"',
        'provinces: ["Hà Tĩnh"]',
        'documents: ["145/KH-UBND"]',
        "date: 2023-02-27T09:04:52+07:00",
    ):
        assert expected in text
    assert "Lượt xem" not in text and "Bài liên quan" not in text and "Bản quyền" not in text


def test_hand_edits_are_kept_unless_forced(tmp_path):
    root, raw = site_and_page(tmp_path)
    invoke(str(raw), "--site", str(root))
    target = root / TARGET
    edited = target.read_text("utf-8").replace("HÀ VY", "Hà Vy").replace("Sáng 27/2", "Sáng ngày 27/2")
    target.write_text(edited, "utf-8")
    kept = invoke(str(raw), "--site", str(root))
    assert kept.exit_code == 0
    assert "edited by hand" in kept.stderr and "--force" in kept.stderr
    assert target.read_text("utf-8") == edited
    forced = invoke(str(raw), "--site", str(root), "--force")
    assert forced.exit_code == 0 and "đã cập nhật" in forced.stdout
    assert "Sáng 27/2" in target.read_text("utf-8")


def test_files_the_importer_wrote_are_updated_when_its_output_changes(tmp_path):
    root, raw = site_and_page(tmp_path)
    invoke(str(raw), "--site", str(root))
    target = root / TARGET
    current = target.read_text("utf-8")
    # what an older importer might have written: different, but with its own valid hash
    older = "\n".join(line for line in current.split("\n") if not line.startswith((HASH_KEY, "category:")))
    target.write_text(with_hash(older), "utf-8")
    result = invoke(str(raw), "--site", str(root), "--report", "json")
    assert json.loads(result.stdout)["files"][0]["status"] == "updated"
    assert target.read_text("utf-8") == current
    assert content_hash(current) in current


def test_near_duplicates_are_reported_and_not_imported_twice(tmp_path):
    root = site(tmp_path)
    first, syndicated = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(PAGE, "utf-8")
    copy = PAGE.replace("HÀ VY", "Theo Báo Hà Tĩnh").replace(
        "Trang chủ > Tin tức > Cải cách hành chính", "Thời sự\nChia sẻ"
    )
    syndicated.write_text(copy + "\nÝ kiến bạn đọc\n", "utf-8")
    result = invoke(str(first), str(syndicated), "--site", str(root), "--report", "json")
    statuses = [f["status"] for f in json.loads(result.stdout)["files"]]
    assert statuses == ["imported", "duplicate"]
    assert "near-duplicate of content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md" in result.stderr
    assert len(articles(root)) == 1
    later = invoke(str(syndicated), "--site", str(root), "--report", "json")  # against content/ on disk too
    assert json.loads(later.stdout)["files"][0]["status"] == "duplicate"


def test_dry_run_writes_nothing(tmp_path):
    root, raw = site_and_page(tmp_path)
    result = invoke(str(raw), "--site", str(root), "--dry-run")
    assert result.exit_code == 0 and "Chạy thử" in result.stdout and "đã nhập" in result.stdout
    assert "content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md" in result.stdout  # where it would go
    assert list((root / "content").rglob("*")) == []


def test_json_report(tmp_path):
    root, raw = site_and_page(tmp_path)
    report = json.loads(invoke(str(raw), "--site", str(root), "--report", "json").stdout)
    entry = report["files"][0]
    assert report["dry_run"] is False
    assert entry["status"] == "imported" and entry["title"] == "Hà Tĩnh đẩy mạnh cải cách hành chính năm 2023"
    assert entry["date"] == "2023-02-27T09:04:52+07:00" and entry["encoding"] == "utf-8"
    assert entry["output"] == "content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md"
    assert entry["raw"] == "content/_raw/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.txt"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("cp1258", encode_windows_1258(PAGE)),
        ("utf-16", PAGE.replace("\n", "\r\n").encode("utf-16")),
        ("utf-8", "\ufeff".encode() + PAGE.encode()),
    ],
)
def test_legacy_encodings_are_decoded_and_named(tmp_path, encoding, data):
    root = site(tmp_path)
    (tmp_path / "page.txt").write_bytes(data)
    report = json.loads(invoke(str(tmp_path / "page.txt"), "--site", str(root), "--report", "json").stdout)
    assert [(f["encoding"], f["status"]) for f in report["files"]] == [(encoding, "imported")]
    text = articles(root)["content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md"]
    assert 'title: "Hà Tĩnh đẩy mạnh cải cách hành chính năm 2023"' in text
    assert f"source_encoding: {encoding}" in text
    assert (root / "content/_raw/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.txt").read_bytes() == data


def test_bad_input_gets_a_message_per_file_and_the_good_file_still_imports(tmp_path):
    root = site(tmp_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (bad / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    (bad / "nul.txt").write_bytes(PAGE.encode() + b"\x00\x00")
    (bad / "damaged.txt").write_bytes(PAGE.encode().replace("Hà Tĩnh".encode(), b"H\xe0 T\xff", 1))
    (bad / "chrome.txt").write_text(
        "Trang chủ > Tin tức\nĐăng nhập\nLượt xem: 5\nChia sẻ\nBản quyền thuộc về Sở Nội vụ\n", "utf-8"
    )
    only_bad = invoke(str(bad), "--site", str(root))
    assert only_bad.exit_code == 1
    messages = only_bad.stderr
    for name, message in [
        ("empty.txt:1", "file is empty"),
        ("image.txt:1", "NUL bytes"),
        ("huge.txt:1", "50.0 MB"),
        ("nul.txt:1", "NUL bytes"),
        ("damaged.txt:2", "invalid byte"),
        ("chrome.txt:1", "no article text"),
    ]:
        assert f"{bad / name}: " in messages and message in messages.split(f"{bad / name}: ")[1].split("\n")[0]
    assert list((root / "content").rglob("*")) == []

    (bad / "good.txt").write_text(PAGE, "utf-8")
    mixed = invoke(str(bad), "--site", str(root))
    assert mixed.exit_code == 0
    assert len(articles(root)) == 1 and "6 LỖI" in mixed.stdout


def test_globs_missing_paths_and_url(tmp_path):
    root = site(tmp_path)
    (tmp_path / "a.txt").write_text(PAGE, "utf-8")
    missing = invoke(str(tmp_path / "khong-co.txt"), "--site", str(root))
    assert missing.exit_code == 1 and "no such file or folder" in missing.stderr
    globbed = invoke(str(tmp_path / "*.txt"), "--site", str(root), "--url", "https://baohatinh.vn/cchc/a.html")
    assert globbed.exit_code == 0
    text = articles(root)["content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md"]
    assert 'name: "baohatinh.vn"' in text and 'url: "https://baohatinh.vn/cchc/a.html"' in text
    two = invoke(str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "--site", str(root), "--url", "https://x.vn/")
    assert two.exit_code != 0 and "đúng một tệp" in two.output


@pytest.mark.parametrize("title", ["Hà Tĩnh đẩy mạnh cải cách hành chính năm 2023"])
def test_a_new_page_with_a_taken_name_gets_its_own_file(tmp_path, title):
    root = site(tmp_path)
    (tmp_path / "a.txt").write_text(PAGE, "utf-8")
    other = (
        PAGE.split("\n\n")[0]
        + "\n\nMột bài hoàn toàn khác về chuyển đổi số ở huyện Kỳ Anh, với nhiều kết quả mới trong năm nay.\n"
    )
    (tmp_path / "b.txt").write_text(other, "utf-8")
    invoke(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--site", str(root))
    names = sorted(articles(root))
    assert names == [
        "content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023-2.md",
        "content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md",
    ]
    assert 'slug: "ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023-2"' in articles(root)[names[0]]


def test_an_imported_page_builds_with_its_byline_details(tmp_path):
    root = site(tmp_path)
    page = PAGE.replace("HÀ VY", "ThS. Nguyễn Văn An - Trường Chính trị tỉnh Hà Tĩnh")
    (tmp_path / "a.txt").write_text(page, "utf-8")
    assert invoke(str(tmp_path / "a.txt"), "--site", str(root)).exit_code == 0
    html = build_to_memory(root)["2023/02/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023/index.html"].decode()
    assert "ThS. <a" in html and "Nguyễn Văn An</a> (Trường Chính trị tỉnh Hà Tĩnh)" in html
    assert "(Ngày suy ra" not in html and "Cải cách hành chính" in html


def test_a_page_without_any_date_is_imported_as_an_undated_draft_and_the_build_skips_it(tmp_path):
    root = site(tmp_path)
    raw = tmp_path / "khong-ngay.txt"
    raw.write_text(
        "Huyện đẩy mạnh số hóa hồ sơ thủ tục hành chính\n\n"
        "UBND huyện vừa tổ chức hội nghị triển khai số hóa hồ sơ, kết quả giải quyết thủ tục hành "
        "chính tại Bộ phận một cửa cấp huyện và cấp xã.\n",
        "utf-8",
    )
    result = invoke(str(raw), "--site", str(root))
    assert result.exit_code == 0, result.output
    written = articles(root)
    assert list(written) == ["content/undated/huyen-day-manh-so-hoa-ho-so-thu-tuc-hanh-chinh.md"]
    text = next(iter(written.values()))
    assert "\ndraft: true\n" in text and "\ndate:" not in text
    assert (
        "content/undated/huyen-day-manh-so-hoa-ho-so-thu-tuc-hanh-chinh.md:4: warning: no date" in result.output
    )  # the draft key
    check = CliRunner().invoke(cli, ["check", "--site", str(root)])
    assert check.exit_code == 0, check.output
    assert "draft without a 'date'" in check.output


def test_what_a_form_warns_of_is_a_warning_on_its_line_and_the_page_still_gets_in(tmp_path):
    root = site(tmp_path)
    export = tmp_path / "xuat.jsonl"
    body = (
        "Sáng 13/3/2024, UBND huyện tổ chức hội nghị triển khai số hóa hồ sơ, kết quả giải quyết thủ tục "
        "hành chính tại Bộ phận một cửa cấp huyện và cấp xã."
    )
    export.write_text(
        "\n".join(
            [
                json.dumps(
                    {"title": "Huyện triển khai số hóa hồ sơ", "date": "hôm qua", "body": body}, ensure_ascii=False
                ),
                "{không phải JSON",
            ]
        )
        + "\n",
        "utf-8",
    )
    result = invoke(str(export), "--site", str(root), "--report", "json")
    assert result.exit_code == 0, result.output
    assert f"{export}:1: warning: the date field, 'hôm qua', is not a date" in result.output
    assert f"{export}:2: not valid JSON" in result.output and "line 2:" not in result.output
    files = json.loads(result.output[result.output.index("{\n") :])["files"]
    assert [(f["status"], f["origin"]) for f in files] == [("failed", ""), ("imported", "line 1")]
    assert files[1]["date"] == "2024-03-13"


WORDS = (
    "hồ sơ",
    "thủ tục",
    "công chức",
    "người dân",
    "trực tuyến",
    "một cửa",
    "tiếp nhận",
    "giải quyết",
    "đúng hạn",
    "cấp xã",
    "số hóa",
    "dữ liệu",
    "phần mềm",
    "chữ ký số",
    "thanh toán",
    "lệ phí",
    "đánh giá",
    "hài lòng",
    "kiểm tra",
    "kỷ cương",
    "niêm yết",
    "công khai",
    "hướng dẫn",
    "bồi dưỡng",
    "kết quả",
    "chỉ số",
)


def many_pages(folder: Path, count: int) -> None:
    """``count`` pages in the shape of PAGE with different bodies, and a copy of the first."""
    import random

    folder.mkdir(parents=True)
    for number in range(count):
        pick = random.Random(number)
        paragraphs = ["Trong tháng, " + " ".join(pick.choice(WORDS) for _ in range(24)) + "." for _ in range(3)]
        page = (
            f"Huyện số {number} đẩy mạnh cải cách hành chính năm 2023\n"
            f"Ngày {1 + number % 28:02d}/03/2023 09:04 | Lượt xem: {number}\n\n"
            + "\n\n".join(paragraphs)
            + "\n\nHÀ VY\n"
        )
        (folder / f"page-{number:03d}.txt").write_text(page, "utf-8")
    (folder / "page-zzz-copy.txt").write_text((folder / "page-000.txt").read_text("utf-8") + "\n", "utf-8")


def written(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "content").rglob("*")) if p.is_file()
    }


def test_a_parallel_import_writes_what_a_serial_one_does(tmp_path):
    many_pages(tmp_path / "raw", 130)  # enough files for worker processes
    serial, parallel = site(tmp_path / "one"), site(tmp_path / "two")
    one = invoke(str(tmp_path / "raw"), "--site", str(serial), "--jobs", "1", "--report", "json")
    two = invoke(str(tmp_path / "raw"), "--site", str(parallel), "--jobs", "3", "--report", "json")
    assert one.exit_code == two.exit_code == 0
    assert written(serial) == written(parallel) and len(written(serial)) == 2 * 130
    statuses = [entry["status"] for entry in json.loads(two.stdout)["files"]]
    assert statuses.count("imported") == 130 and statuses.count("duplicate") == 1


def children_of(pid: int) -> set[int]:
    try:
        return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_no_worker_outlives_an_import_killed_with_sigkill(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    many_pages(tmp_path / "raw", 3000)
    root = site(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "reform_archive", "import", str(tmp_path / "raw"), "--site", str(root), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    deadline, workers = time.monotonic() + 30, set()
    while time.monotonic() < deadline and len(workers) < 2 and process.poll() is None:
        workers = children_of(process.pid)
        time.sleep(0.02)
    assert workers, "the import never started its workers"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)

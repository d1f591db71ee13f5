"""The command line speaks the site's language (issue 23, item 3): site.toml's `language`
when the command has a site, else REFORM_ARCHIVE_LANG, else the locale. The problem lines
keep their English level words (`path:line: error: …`), which editors' matchers read."""

from __future__ import annotations

import io
import os
import re
import signal
import socket
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import NOW
from sitemaker import article, make_site

from reform_archive import cli, progress
from reform_archive.build import BuildOptions
from reform_archive.cli_messages import MESSAGES, STEPS, environment_language, say
from reform_archive.serve import Preview
from reform_archive.serve.server import ServeError, bind

LOCALE = ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "REFORM_ARCHIVE_LANG")
PROBLEM = re.compile(r"^\S+:\d+: ")  # then "warning: " or "note: ", or nothing for an error
PAGE = """Hà Tĩnh đẩy mạnh cải cách hành chính năm 2023
Ngày 27/02/2023 09:04:52

Sáng 27/2, UBND tỉnh Hà Tĩnh tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2023 với sự tham dự của lãnh đạo các sở, ngành và địa phương trong tỉnh.

Theo báo cáo, năm 2022 toàn tỉnh đã tiếp nhận hơn 300.000 hồ sơ thủ tục hành chính, trong đó 98% được giải quyết đúng hạn; tỷ lệ hồ sơ trực tuyến toàn trình đạt 45%, tăng mạnh so với năm trước.
"""

# What each language says; the site's articles are the same.
WORDS = {
    "vi": {
        "built": r"đã dựng 2 bài viết, \d+ trang, \d+ tệp vào ",
        "unchanged": r"không có gì thay đổi từ lần dựng trước: .* đã mới nhất \(2 bài viết, \d+ trang\)",
        "checked": r"không có lỗi: 2 bài viết, \d+ trang, 0 cảnh báo$",
        "errors": "reform-archive: 1 lỗi; chưa ghi gì: hãy sửa các lỗi trên rồi chạy lại",
        "yaml": "danh sách mở bằng '[' ở dòng này chưa được đóng",
        "created_draft": "(bản nháp: xóa dòng 'draft: true' để đăng)",
        "article_exists": "đã có sẵn; hãy đặt tiêu đề khác hoặc dùng --slug",
        "profile": "bước           giây  tỉ lệ",
        "total": "tổng",
        "dry_run": "Chạy thử: chưa ghi gì",
        "headings": ["Tệp", "Kết quả", "Tệp nội dung", "Ngày", "Cảnh báo", "Tiêu đề"],
        "import_summary": "1 đã nhập (chạy thử)",
    },
    "en": {
        "built": r"built 2 articles, \d+ pages, \d+ files into ",
        "unchanged": r"nothing changed since the last build: .* is up to date \(2 articles, \d+ pages\)",
        "checked": r"ok: 2 articles, \d+ pages, 0 warning\(s\)$",
        "errors": "reform-archive: 1 error(s); nothing was written",
        "yaml": "the list opened with '[' on this line is not closed",
        "created_draft": "(a draft: remove 'draft: true' to publish it)",
        "article_exists": "already exists; give another title or --slug",
        "profile": "step        seconds  share",
        "total": "total",
        "dry_run": "Dry run: nothing was written",
        "headings": ["File", "Result", "Content file", "Date", "Warnings", "Title"],
        "import_summary": "1 imported (dry run)",
    },
}


def run(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """The real command, in an environment whose only language settings are ``environment``."""
    env = {name: value for name, value in os.environ.items() if name not in LOCALE}
    return subprocess.run(
        [sys.executable, "-m", "reform_archive", *args],
        capture_output=True,
        text=True,
        env={**env, **environment},
        timeout=300,
    )


def site_in(root: Path, language: str) -> Path:
    return make_site(
        root,
        {
            "mot-cua.md": article("Một cửa liên thông", "2024-03-01", topics=["thủ tục hành chính"]),
            "so-hoa.md": article("Số hóa hồ sơ", "2024-03-02", topics=["thủ tục hành chính"]),
        },
        config=f'language = "{language}"\n',
    )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_build_and_check_speak_the_sites_language_whatever_the_environment(tmp_path, language):
    site = site_in(tmp_path / "site", language)
    other = {"REFORM_ARCHIVE_LANG": "en" if language == "vi" else "vi"}  # the site's language comes first
    words = WORDS[language]
    built = run("build", "--site", str(site), "--jobs", "1", **other)
    assert built.returncode == 0, built.stderr
    assert re.match(words["built"], built.stdout), built.stdout
    again = run("build", "--site", str(site), "--jobs", "1", "--profile", **other)
    assert re.match(words["unchanged"], again.stdout), again.stdout
    assert words["profile"] in again.stderr and f"\n{words['total']} " in again.stderr
    checked = run("check", "--site", str(site), **other)
    assert checked.returncode == 0 and re.search(words["checked"], checked.stdout.strip()), checked.stdout


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_failed_build_keeps_the_problem_lines_and_says_the_rest_in_the_sites_language(tmp_path, language):
    site = site_in(tmp_path / "site", language)
    (site / "content" / "hong.md").write_text(
        "---\ntitle: Hỏng\ndate: 2024-03-03\nsummary: Tóm tắt\ntags: [a, b\n---\nThân bài.\n", encoding="utf-8"
    )
    (site / "content" / "thieu.md").write_text(
        "---\ntitle: Thiếu tóm tắt\ndate: 2024-03-04\n---\nThân bài.\n", encoding="utf-8"
    )
    for command in (["build", "--jobs", "1"], ["check"]):
        failed = run(*command, "--site", str(site))
        assert failed.returncode == 1
        lines = failed.stderr.splitlines()
        assert all(PROBLEM.match(line) for line in lines[:-1]), failed.stderr
        # path:line: message for an error, path:line: warning: message: the level words stay English
        broken = [line for line in lines if "hong.md" in line]
        assert broken == [
            f"{site / 'content' / 'hong.md'}:5: {WORDS[language]['yaml']}: "
            + ("hãy thêm ']' vào cuối" if language == "vi" else "end it with ']'")
        ]
        assert any(line.startswith(f"{site / 'content' / 'thieu.md'}:1: warning: ") for line in lines)
        assert lines[-1] == WORDS[language]["errors"]
    assert not (site / "output").exists()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_new_speaks_the_sites_language(tmp_path, language):
    site = site_in(tmp_path / "site", language)
    first = run("new", "Một cửa điện tử", "--site", str(site))
    assert first.returncode == 0 and WORDS[language]["created_draft"] in first.stdout
    again = run("new", "Một cửa điện tử", "--site", str(site))
    assert again.returncode == 1 and WORDS[language]["article_exists"] in again.stderr


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_import_summary_speaks_the_sites_language(tmp_path, language):
    site = site_in(tmp_path / "site", language)
    page = tmp_path / "trang.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run("import", str(page), "--site", str(site), "--dry-run", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == WORDS[language]["dry_run"]
    assert lines[1].split() == " ".join(WORDS[language]["headings"]).split()
    assert "content/2023/ha-tinh-day-manh-cai-cach-hanh-chinh-nam-2023.md" in lines[2]
    assert lines[-1] == WORDS[language]["import_summary"]
    as_json = run("import", str(page), "--site", str(site), "--dry-run", "--report", "json", "--jobs", "1")
    assert '"status": "imported"' in as_json.stdout  # the JSON's words are for scripts: the same in any language


@pytest.mark.parametrize(
    "environment, created",
    [
        ({"REFORM_ARCHIVE_LANG": "vi"}, "đã tạo "),
        ({"REFORM_ARCHIVE_LANG": "en", "LANG": "vi_VN.UTF-8"}, "created "),
        ({"LANG": "vi_VN.UTF-8"}, "đã tạo "),
        ({"LC_ALL": "vi_VN.UTF-8", "LANG": "C.UTF-8"}, "đã tạo "),
        ({"LANG": "C.UTF-8"}, "created "),
        ({"REFORM_ARCHIVE_LANG": "fr", "LANG": "vi_VN.UTF-8"}, "đã tạo "),  # only vi or en are taken from it
    ],
)
def test_init_speaks_the_environments_language(tmp_path, environment, created):
    site = tmp_path / "moi"
    result = run("init", str(site), **environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"{created}{site / 'site.toml'}"
    again = run("init", str(site), **environment)
    assert again.returncode == 1
    assert ("đã có sẵn" if created == "đã tạo " else "already exists; not overwriting a site") in again.stderr


def test_the_environment_rule():
    assert environment_language({}) == "en"
    assert environment_language({"REFORM_ARCHIVE_LANG": "VI"}) == "vi"
    assert environment_language({"REFORM_ARCHIVE_LANG": "en", "LC_ALL": "vi_VN.UTF-8"}) == "en"
    assert environment_language({"LC_MESSAGES": "vi_VN", "LANG": "en_US.UTF-8"}) == "vi"
    assert environment_language({"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}) == "en"  # LC_ALL overrides, as POSIX
    assert environment_language({"LC_ALL": "", "LANG": "vi"}) == "vi"  # set but empty: not set


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_missing_or_broken_site_toml_is_reported_in_the_environments_language(tmp_path, language):
    site = site_in(tmp_path / "site", "vi" if language == "en" else "en")
    config = site / "site.toml"
    config.write_text(config.read_text(encoding="utf-8") + "theme_colour = 1\n", encoding="utf-8")
    broken = run("build", "--site", str(site), REFORM_ARCHIVE_LANG=language)
    # the problem itself speaks the language the same site.toml gives (tests/test_problem_language.py)
    said = "khóa không xác định" if language == "en" else "unknown key"
    assert broken.returncode == 2 and broken.stderr.startswith(f"{config}:4: {said}"), broken.stderr
    assert broken.stderr.splitlines()[-1] == (
        "reform-archive: 1 lỗi; chưa ghi gì: hãy sửa các lỗi trên rồi chạy lại"
        if language == "vi"
        else "reform-archive: 1 error(s); nothing was written"
    )
    missing = run("serve", "--site", str(tmp_path / "khong-co"), "--port", "0", REFORM_ARCHIVE_LANG=language)
    assert missing.returncode == 1
    assert ("không phải thư mục trang" if language == "vi" else "is not a site folder") in missing.stderr


@pytest.mark.parametrize(
    "language, serving, stopped",
    [
        ("vi", "đang chạy tại http://127.0.0.1:", "đã dừng"),
        ("en", "serving http://127.0.0.1:", "stopped"),
    ],
)
def test_serve_speaks_the_sites_language(tmp_path, language, serving, stopped):
    site = site_in(tmp_path / "site", language)
    env = {name: value for name, value in os.environ.items() if name not in LOCALE}
    other = "en" if language == "vi" else "vi"  # the site's language comes first
    process = subprocess.Popen(
        [sys.executable, "-m", "reform_archive", "serve", "--site", str(site), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "PYTHONUNBUFFERED": "1", "REFORM_ARCHIVE_LANG": other},
    )
    assert process.stdout is not None
    lines = [""]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not lines[-1].startswith(serving):
        line = process.stdout.readline()
        if not line:
            break  # the process ended: what it said is checked below
        lines.append(line.rstrip("\n"))
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert lines[-1].startswith(serving), (lines, err)
    assert out.splitlines()[-1] == stopped and process.returncode == 0


def test_the_preview_says_its_rebuilds_in_the_language_it_is_given(tmp_path):
    site = site_in(tmp_path / "site", "vi")
    messages: list[tuple[str, bool]] = []
    preview = Preview(
        site,
        port=0,
        options=BuildOptions(now=NOW),
        language="vi",
        echo=lambda message, err=False: messages.append((message, err)),
    )
    preview.start()
    try:
        assert messages[-2][0].startswith(f"đang dựng {site} cho http://127.0.0.1:")
        assert re.fullmatch(r"đã dựng \d+ tệp trong \d+\.\d\d s", messages[-1][0])
        assert preview.site is not None
        (site / "content" / "mot-cua.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
        preview.site.rebuild()
        assert (
            re.fullmatch(r"dựng không thành sau \d+\.\d\d s: 1 lỗi; vẫn phục vụ bản dựng tốt gần nhất", messages[-1][0])
            and messages[-1][1]
        )
        assert messages[-2][0].startswith(f"{site / 'content' / 'mot-cua.md'}:3: ")  # as build and check say it
    finally:
        preview.stop()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(ServeError, match=f"cổng {taken.getsockname()[1]} trên 127.0.0.1 đang được dùng"):
            bind("127.0.0.1", taken.getsockname()[1], explicit=True, language="vi")


@pytest.mark.parametrize(
    "language, interrupted, internal, bug",
    [
        (
            "vi",
            "reform-archive: đã ngắt; không có gì bị thay đổi",
            "reform-archive: lỗi nội bộ: RuntimeError: hỏng",
            "Đây là lỗi của reform-archive",
        ),
        (
            "en",
            "reform-archive: interrupted; nothing was changed",
            "reform-archive: internal error: RuntimeError: hỏng",
            "This is a bug in reform-archive",
        ),
    ],
)
def test_interruptions_and_bugs_are_said_in_the_sites_language(
    tmp_path, monkeypatch, capsys, language, interrupted, internal, bug
):
    site = site_in(tmp_path / "site", language)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        for raised, code, said in (
            (KeyboardInterrupt(), 130, [interrupted]),
            (RuntimeError("hỏng"), 3, [internal, bug]),
        ):

            def fail(*args, raised=raised, **kwargs):
                raise raised

            monkeypatch.setattr(cli, "profile_build", fail)
            monkeypatch.setattr(sys, "argv", ["reform-archive", "build", "--site", str(site), "--quiet"])
            with pytest.raises(SystemExit) as stopped:
                cli.main()
            assert stopped.value.code == code
            err = capsys.readouterr().err
            assert all(words in err for words in said), err
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_the_progress_bar_names_its_steps_in_the_language_it_is_given(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(progress, "SHOW_AFTER_SECONDS", 0.0)
    terminal = Terminal()
    monkeypatch.setattr(progress.sys, "stderr", terminal)
    with progress.progress_reporter(language="vi") as report:
        report("prepare", 812, 10000)
        assert "xử lý bài" in terminal.getvalue() and "812/10000" in terminal.getvalue()


def test_every_message_has_both_languages_with_the_same_fields():
    fields = lambda text: sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)  # noqa: E731
    for name, wording in MESSAGES.items():
        assert sorted(wording) == ["en", "vi"], name
        assert fields(wording["en"]) == fields(wording["vi"]), name
    assert say("fr", "stopped") == "stopped"  # a language without words: English


def test_every_step_the_build_reports_has_a_name_in_both_languages():
    steps = Path(__file__).resolve().parents[1] / "reform_archive" / "build" / "steps.py"
    reported = set(re.findall(r'report\("(\w+)"', steps.read_text(encoding="utf-8")))
    assert reported and reported <= set(STEPS), sorted(reported - set(STEPS))
    assert all(sorted(names) == ["en", "vi"] for names in STEPS.values())

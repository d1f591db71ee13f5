"""What the command line says in its own words, in Vietnamese or English (pure).

The shape of :mod:`reform_archive.source.messages`: ``MESSAGES[name][language]``, and
:func:`say` to fill one in. It holds every sentence that ``cli.py``, the import summary
(``importer/report.py``), the preview (``serve/``) and the progress display print
themselves. The problem lines (``path:line: level: message``) are not here: their level
words stay English for editors' problem matchers, and their messages belong to the step
that found them.

Which language: the site's ``language`` when a command has a site, else
:func:`environment_language`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from reform_archive.text.wording import say_in

__all__ = ["LANGUAGE_VARIABLE", "MESSAGES", "STEPS", "environment_language", "say", "step_name"]

LANGUAGE_VARIABLE = "REFORM_ARCHIVE_LANG"


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language for a command without a site: ``REFORM_ARCHIVE_LANG`` when it is "vi" or
    "en"; else "vi" when the locale for messages (the first set of ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG``, as POSIX reads them) is Vietnamese; else "en"."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    if chosen in ("vi", "en"):
        return chosen
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return "vi" if locale.lower().startswith("vi") else "en"


def say(language: str, name: str, **fields: object) -> str:
    """The message ``name`` in ``language`` (English when there is no such language)."""
    return say_in(MESSAGES, language, name, **fields)


STEPS: dict[str, dict[str, str]] = {  # the build's steps, as the progress bar and --profile name them
    "load": {"en": "load", "vi": "đọc"},
    "prepare": {"en": "prepare", "vi": "xử lý bài"},
    "model": {"en": "model", "vi": "sắp xếp"},
    "pages": {"en": "pages", "vi": "trang"},
    "feeds": {"en": "feeds", "vi": "nguồn tin"},
    "images": {"en": "images", "vi": "ảnh"},
    "search": {"en": "search", "vi": "tìm kiếm"},
    "static": {"en": "static", "vi": "tệp tĩnh"},
    "links": {"en": "links", "vi": "liên kết"},
    "write": {"en": "write", "vi": "ghi"},
    "total": {"en": "total", "vi": "tổng"},
}


def step_name(step: str, language: str) -> str:
    """A build step's name as shown; a step this table does not know keeps the build's name."""
    return STEPS.get(step, {}).get(language, step)


MESSAGES: dict[str, dict[str, str]] = {
    # init and new
    "created": {"en": "created {path}", "vi": "đã tạo {path}"},
    "site_exists": {
        "en": "{path} already exists; not overwriting a site",
        "vi": "{path} đã có sẵn; không ghi đè lên một trang đã có: hãy chọn thư mục khác",
    },
    "created_draft": {
        "en": "created {path} (a draft: remove 'draft: true' to publish it)",
        "vi": "đã tạo {path} (bản nháp: xóa dòng 'draft: true' để đăng)",
    },
    "no_address": {
        "en": "the title (or --slug) has no letters or digits to make an address from",
        "vi": "tiêu đề (hoặc --slug) không có chữ hay số nào để làm địa chỉ bài: hãy thêm chữ hoặc số",
    },
    "article_exists": {
        "en": "{path} already exists; give another title or --slug",
        "vi": "{path} đã có sẵn; hãy đặt tiêu đề khác hoặc dùng --slug",
    },
    "bad_archetype": {
        "en": "{where}: cannot use this archetype: {detail}",
        "vi": "{where}: không dùng được mẫu bài này: {detail}",
    },
    # build and check
    "built": {
        "en": "built {articles} articles, {pages} pages, {files} files into {output}",
        "vi": "đã dựng {articles} bài viết, {pages} trang, {files} tệp vào {output}",
    },
    "unchanged": {
        "en": "nothing changed since the last build: {output} is up to date ({articles} articles, {pages} pages)",
        "vi": "không có gì thay đổi từ lần dựng trước: {output} đã mới nhất ({articles} bài viết, {pages} trang)",
    },
    "checked": {
        "en": "ok: {articles} articles, {pages} pages, {warnings} warning(s)",
        "vi": "không có lỗi: {articles} bài viết, {pages} trang, {warnings} cảnh báo",
    },
    "checked_notes": {"en": ", {notes} note(s)", "vi": ", {notes} ghi chú"},
    "errors": {
        "en": "{errors} error(s); nothing was written",
        "vi": "{errors} lỗi; chưa ghi gì: hãy sửa các lỗi trên rồi chạy lại",
    },
    "cannot_write": {
        "en": "cannot write the site: {reason}{where}; the output folder was not changed",
        "vi": "không ghi được trang: {reason}{where}; thư mục kết quả vẫn như cũ",
    },
    "not_a_site": {
        "en": "{path} is not a site folder (no site.toml there); give --site the folder that holds site.toml, "
        "or make a site with `reform-archive init`",
        "vi": "{path} không phải thư mục trang (không có site.toml); hãy cho --site thư mục chứa site.toml, "
        "hoặc tạo trang mới bằng `reform-archive init`",
    },
    # --profile
    "profile_header": {"en": "step        seconds  share", "vi": "bước           giây  tỉ lệ"},
    "profile_prepare": {
        "en": "{hits} from the cache, {prepared} prepared",
        "vi": "{hits} lấy từ bộ đệm, {prepared} xử lý mới",
    },
    "profile_rejected": {
        "en": " ({rejected} cache entries failed their check)",
        "vi": " ({rejected} mục trong bộ đệm không qua kiểm tra)",
    },
    "profile_unchanged": {
        "en": "nothing changed: the output folder is as the last build left it",
        "vi": "không có gì thay đổi: thư mục kết quả giữ nguyên như lần dựng trước",
    },
    "profile_kept": {
        "en": "{kept} pages, feeds and search files kept from the last build",
        "vi": "giữ lại {kept} trang, nguồn tin và tệp tìm kiếm từ lần dựng trước",
    },
    "profile_search": {
        "en": "made in {seconds:.3f} s in a forked process, alongside pages and feeds",
        "vi": "làm trong {seconds:.3f} s ở một tiến trình riêng, song song với trang và nguồn tin",
    },
    # stopping, and bugs
    "terminated": {
        "en": "stopped (SIGTERM); nothing was changed",
        "vi": "đã dừng (SIGTERM); không có gì bị thay đổi",
    },
    "interrupted": {
        "en": "interrupted; nothing was changed",
        "vi": "đã ngắt; không có gì bị thay đổi",
    },
    "internal_reading": {
        "en": "internal error while reading {path}: {detail}",
        "vi": "lỗi nội bộ khi đọc {path}: {detail}",
    },
    "internal": {"en": "internal error: {kind}: {detail}", "vi": "lỗi nội bộ: {kind}: {detail}"},
    "bug": {
        "en": "This is a bug in reform-archive, not in your site; the output folder was not changed. "
        "Please report it with the command you ran and this message (run again with --debug for the details).",
        "vi": "Đây là lỗi của reform-archive, không phải của trang bạn; thư mục kết quả vẫn như cũ. "
        "Hãy báo lỗi kèm lệnh đã chạy và thông báo này (chạy lại với --debug để xem chi tiết).",
    },
    # import
    "url_one_file": {
        "en": "--url describes one page: give exactly one file with it",
        "vi": "--url chỉ mô tả một trang: hãy đưa đúng một tệp kèm theo",
    },
    "dry_run": {"en": "Dry run: nothing was written", "vi": "Chạy thử: chưa ghi gì"},
    "dry_run_tail": {"en": " (dry run)", "vi": " (chạy thử)"},
    "heading_file": {"en": "File", "vi": "Tệp"},
    "heading_result": {"en": "Result", "vi": "Kết quả"},
    "heading_output": {"en": "Content file", "vi": "Tệp nội dung"},
    "heading_date": {"en": "Date", "vi": "Ngày"},
    "heading_warnings": {"en": "Warnings", "vi": "Cảnh báo"},
    "heading_title": {"en": "Title", "vi": "Tiêu đề"},
    "status_imported": {"en": "imported", "vi": "đã nhập"},
    "status_updated": {"en": "updated", "vi": "đã cập nhật"},
    "status_unchanged": {"en": "unchanged", "vi": "không đổi"},
    "status_kept": {"en": "kept (edited by hand)", "vi": "giữ nguyên (đã sửa tay)"},
    "status_duplicate": {"en": "near-duplicate", "vi": "gần trùng"},
    "status_failed": {"en": "FAILED", "vi": "LỖI"},
    "precision_month": {"en": "month", "vi": "tháng"},
    "precision_quarter": {"en": "quarter", "vi": "quý"},
    "precision_year": {"en": "year", "vi": "năm"},
    # serve
    "building": {"en": "building {site} for {origin} …", "vi": "đang dựng {site} cho {origin} …"},
    "serving": {"en": "serving {url} (Ctrl-C to stop)", "vi": "đang chạy tại {url} (nhấn Ctrl-C để dừng)"},
    "stopped": {"en": "stopped", "vi": "đã dừng"},
    "changed": {"en": "changed: {names}", "vi": "đã sửa: {names}"},
    "changed_more": {"en": " and {n} more", "vi": " và {n} tệp khác"},
    "port_taken": {
        "en": "port {port} is busy; serving on port {taken} instead",
        "vi": "cổng {port} đang bận; dùng cổng {taken} thay thế",
    },
    "port_in_use": {
        "en": "port {port} is already in use on {host} (another preview or server is running): stop it, "
        "or choose another port with --port (0 picks any free one)",
        "vi": "cổng {port} trên {host} đang được dùng (một bản xem trước hay máy chủ khác đang chạy): hãy dừng nó, "
        "hoặc chọn cổng khác bằng --port (0 để chọn một cổng trống bất kỳ)",
    },
    "ports_in_use": {
        "en": "ports up to {port} are already in use on {host} (another preview or server is running): stop it, "
        "or choose another port with --port (0 picks any free one)",
        "vi": "các cổng đến {port} trên {host} đều đang được dùng (một bản xem trước hay máy chủ khác đang chạy): "
        "hãy dừng nó, hoặc chọn cổng khác bằng --port (0 để chọn một cổng trống bất kỳ)",
    },
    "port_denied": {
        "en": "not allowed to listen on {host}:{port}: ports below 1024 need privileges; use --port 8000",
        "vi": "không được phép mở {host}:{port}: cổng dưới 1024 cần quyền quản trị; hãy dùng --port 8000",
    },
    "cannot_listen": {
        "en": "cannot listen on {host}:{port}: {reason}",
        "vi": "không mở được {host}:{port}: {reason}",
    },
    "exposed": {
        "en": "warning: listening on {host}: anyone who can reach this machine can read the preview, drafts "
        "included; the default --host 127.0.0.1 keeps it to you",
        "vi": "cảnh báo: đang mở trên {host}: ai kết nối được tới máy này cũng đọc được bản xem trước, kể cả bản "
        "nháp; để --host mặc định 127.0.0.1 thì chỉ mình bạn xem được",
    },
    "answer_failed": {"en": "error answering {target!r}:\n{details}", "vi": "lỗi khi trả lời {target!r}:\n{details}"},
    "watch_failed": {
        "en": "watching {folders} failed ({detail}); trying again",
        "vi": "không theo dõi được {folders} ({detail}); đang thử lại",
    },
    "the_site": {"en": "the site", "vi": "trang"},
    "saved_unchanged": {
        "en": "saved unchanged: nothing to build ({seconds:.3f} s)",
        "vi": "tệp được lưu mà không đổi: không cần dựng lại ({seconds:.3f} s)",
    },
    "rendered_edited": {
        "en": "rendered {n} edited page(s) in {seconds:.2f} s; building the rest",
        "vi": "đã dựng {n} trang vừa sửa trong {seconds:.2f} s; đang dựng phần còn lại",
    },
    "swapped_static": {
        "en": "swapped {n} static file(s) in; no page needed rendering",
        "vi": "đã thay {n} tệp tĩnh; không trang nào cần dựng lại",
    },
    "rebuilt_same": {
        "en": "rebuilt in {seconds:.2f} s: no page changed",
        "vi": "đã dựng lại trong {seconds:.2f} s: không trang nào thay đổi",
    },
    "preview_built": {
        "en": "built {files} files in {seconds:.2f} s",
        "vi": "đã dựng {files} tệp trong {seconds:.2f} s",
    },
    "preview_changed": {"en": " ({n} changed)", "vi": " ({n} tệp thay đổi)"},
    "build_failed": {
        "en": "build failed after {seconds:.2f} s: {errors} error(s); {kept}",
        "vi": "dựng không thành sau {seconds:.2f} s: {errors} lỗi; {kept}",
    },
    "still_serving": {"en": "still serving the last good build", "vi": "vẫn phục vụ bản dựng tốt gần nhất"},
    "nothing_to_serve": {
        "en": "nothing to serve until it is fixed",
        "vi": "chưa có gì để phục vụ cho đến khi sửa xong",
    },
    "more_warnings": {
        "en": "... and {n} more warning(s) (`reform-archive check` lists all)",
        "vi": "... và {n} cảnh báo nữa (`reform-archive check` liệt kê đủ)",
    },
    "preview_bug": {
        "en": "internal error: {detail} (details in the terminal)",
        "vi": "lỗi nội bộ: {detail} (chi tiết ở cửa sổ dòng lệnh)",
    },
}

"""`reform-archive init`: the files of a new, buildable site."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["FIRST_ARTICLE", "SITE_TOML", "create_site"]

SITE_TOML = '''# Settings of this archive. Every key is optional except title and base_url.
title = {title}
description = ""
base_url = {base_url}     # may hold a sub-path, e.g. "https://example.org/luu-tru/"
language = "vi"            # "vi" or "en": the language of the UI strings
timezone = "Asia/Ho_Chi_Minh"
per_page = 20
permalink = "/{{year}}/{{month}}/{{slug}}/"
theme = "default"
feed_size = 20
'''

FIRST_ARTICLE = '''---
title: "Bài viết đầu tiên"
date: {date}
summary: "Một bài viết mẫu: sửa hoặc xoá nó, rồi thêm bài của bạn vào content/."
topics: ["thủ tục hành chính"]
tags: ["mẫu"]
---

Đây là nội dung bài viết, viết bằng **Markdown**.
'''


def create_site(directory: Path, title: str, base_url: str, today: str = "2024-01-01") -> list[Path]:
    config = directory / "site.toml"
    if config.exists():
        raise FileExistsError(f"{config} already exists; not overwriting a site")
    (directory / "content").mkdir(parents=True, exist_ok=True)
    (directory / "templates").mkdir(exist_ok=True)
    # a JSON string is a valid TOML basic string: quotes, backslashes and controls escaped
    config.write_text(SITE_TOML.format(title=json.dumps(title, ensure_ascii=False),
                                       base_url=json.dumps(base_url, ensure_ascii=False)), encoding="utf-8")
    article = directory / "content" / "bai-viet-dau-tien.md"
    created = [config, directory / "content", directory / "templates"]
    ignore = directory / ".gitignore"
    if not ignore.exists():  # the built site and the build cache are made again by any build
        ignore.write_text("/output/\n/.cache/\n", encoding="utf-8")
        created.append(ignore)
    if not article.exists():
        article.write_text(FIRST_ARTICLE.format(date=today), encoding="utf-8")
        created.append(article)
    return created

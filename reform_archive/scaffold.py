"""`reform-archive init`: the files of a new, buildable site."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jinja2

from reform_archive.text.vietnamese import nfc, slugify
from reform_archive.text.yaml_string import yaml_string

__all__ = [
    "ARCHETYPE",
    "ARCHETYPE_FILE",
    "FIRST_ARTICLE",
    "SITE_TOML",
    "clean_title",
    "create_site",
    "new_article",
    "new_article_path",
]

SITE_TOML = """# Settings of this archive. Every key is optional except title and base_url.
title = {title}
description = ""
base_url = {base_url}     # may hold a sub-path, e.g. "https://example.org/luu-tru/"
language = "vi"            # "vi" or "en": the language of the UI strings
timezone = "Asia/Ho_Chi_Minh"
per_page = 20
permalink = "/{{year}}/{{month}}/{{slug}}/"
theme = "default"
feed_size = 20
"""

FIRST_ARTICLE = """---
title: "Bài viết đầu tiên"
date: {date}
summary: "Một bài viết mẫu: sửa hoặc xoá nó, rồi thêm bài của bạn vào content/."
topics: ["thủ tục hành chính"]
tags: ["mẫu"]
---

Đây là nội dung bài viết, viết bằng **Markdown**.
"""


def create_site(directory: Path, title: str, base_url: str, today: str = "2024-01-01") -> list[Path]:
    config = directory / "site.toml"
    if config.exists():
        raise FileExistsError(f"{config} already exists; not overwriting a site")
    (directory / "content").mkdir(parents=True, exist_ok=True)
    (directory / "templates").mkdir(exist_ok=True)
    # a JSON string is a valid TOML basic string: quotes, backslashes and controls escaped
    config.write_text(
        SITE_TOML.format(
            title=json.dumps(title, ensure_ascii=False), base_url=json.dumps(base_url, ensure_ascii=False)
        ),
        encoding="utf-8",
    )
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


ARCHETYPE_FILE = "archetypes/article.md"  # a site's own starting point for `new`, as Hugo's archetypes
ARCHETYPE = """---
title: {{ title | quote }}
date: {{ date }}
slug: {{ slug | quote }}
draft: true
summary: ""
topics: []
provinces: []
documents: []
tags: []
authors: []
---

"""


def new_article_path(title: str, when: datetime, slug: str = "") -> str:
    """content/<year>/<slug>.md, where the importer puts its articles too."""
    return f"content/{when.year}/{slug or slugify(title)}.md"


def new_article(title: str, when: datetime, slug: str = "", archetype: str = ARCHETYPE) -> str:
    """The text of a new draft: the archetype (Jinja2) given the title, date and slug;
    ``quote`` makes a YAML string of anything ("Hà Tĩnh: một cửa" keeps its colon)."""
    environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    environment.filters["quote"] = yaml_string
    return environment.from_string(archetype).render(
        title=clean_title(title), date=when.isoformat(timespec="minutes"), slug=slug or slugify(title)
    )


def clean_title(title: str) -> str:
    """NFC, single spaces, no control characters (YAML refuses them; no headline has one)."""
    return " ".join("".join(c if c.isprintable() else " " for c in nfc(title)).split())

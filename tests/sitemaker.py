"""Small sites written into a temporary folder, for tests that need a particular shape."""

from __future__ import annotations

from pathlib import Path


def article(title: str, date: str, body: str = "Nội dung bài viết.", **front: object) -> str:
    lines = ["---", f"title: {title!r}" if "'" not in title else f'title: "{title}"', f"date: {date}"]
    front.setdefault("summary", f"Tóm tắt: {title}")
    for key, value in front.items():
        if isinstance(value, (list, tuple)):
            lines.append(f"{key}: [{', '.join(repr(v) for v in value)}]")
        elif isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        else:
            lines.append(f"{key}: {value!r}" if isinstance(value, str) else f"{key}: {value}")
    return "\n".join(lines) + "\n---\n" + body + "\n"


def make_site(root: Path, articles: dict[str, str], config: str = "", templates: dict[str, str] | None = None) -> Path:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "site.toml").write_text(
        'title = "Lưu trữ thử"\nbase_url = "https://example.org/"\n' + config, encoding="utf-8"
    )
    for name, text in articles.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in (templates or {}).items():
        path = root / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root

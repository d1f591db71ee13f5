"""Any sequence of edits gives the CLI and the preview the output of a cold build (issue 20).

Hypothesis draws a few edits of every kind a site sees between two builds (an article's
body, title, date or slug, a deletion, a new file, a renamed file, a template override, a
static file edited to the same size with its mtime put back, a setting, a cover picture
added, changed or removed), applies them to a
copy of the sample site, and compares:

- the CLI's incremental build into its old output folder (cache, page reuse, the no-change
  record) with a cold build of the edited site (no cache), byte for byte;
- the preview's in-memory build, given what the last one left (``BuildMemory``), with a
  cold in-memory build, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from conftest import NOW, SAMPLE, tree
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from picturemaker import photo

from reform_archive.build import BuildOptions, build_into_memory, build_site
from reform_archive.config import load_settings
from reform_archive.writer import DiskWriter, MemoryWriter

THEME_ARTICLE = Path(__file__).resolve().parents[1] / "themes" / "default" / "templates" / "404.html"


def articles(site: Path) -> list[Path]:
    return sorted((site / "content").rglob("*.md"))


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _with_key(text: str, key: str, value: str) -> str:
    """The front matter with ``key`` set to ``value``, replacing the line that sets it."""
    front, _, rest = text[4:].partition("\n---\n")
    lines = [line for line in front.split("\n") if not line.startswith(f"{key}:")]
    return "---\n" + "\n".join([f"{key}: {value}", *lines]) + "\n---\n" + rest


def body(site: Path, n: int) -> None:
    path = articles(site)[n % len(articles(site))]
    path.write_text(path.read_text(encoding="utf-8") + f"\nCâu thêm số {n} về thủ tục một cửa.\n", encoding="utf-8")


def _set(site: Path, n: int, key: str, value: str) -> None:
    path = articles(site)[n % len(articles(site))]
    path.write_text(_with_key(path.read_text(encoding="utf-8"), key, value), encoding="utf-8")


def title(site: Path, n: int) -> None:
    _set(site, n, "title", f"Tiêu đề mới {n}")


def date(site: Path, n: int) -> None:
    _set(site, n, "date", f"2023-0{1 + n % 9}-15")


def slug(site: Path, n: int) -> None:
    _set(site, n, "slug", f"duong-dan-moi-{n}")


def delete(site: Path, n: int) -> None:
    if len(articles(site)) > 2:
        articles(site)[n % len(articles(site))].unlink()


def add(site: Path, n: int) -> None:
    source = articles(site)[n % len(articles(site))]
    copy = source.with_name(f"ban-sao-{n}.md")
    if not copy.exists():
        copy.write_text(_with_key(source.read_text(encoding="utf-8"), "slug", f"ban-sao-{n}"), encoding="utf-8")


def rename(site: Path, n: int) -> None:
    source = articles(site)[n % len(articles(site))]
    target = source.with_name(f"doi-ten-{n}.md")
    if target.exists():
        return
    text = source.read_text(encoding="utf-8")
    if "\nslug:" not in text:  # the address comes from the slug, not the file name: keep it
        text = _with_key(text, "slug", source.stem)
    source.unlink()
    target.write_text(text, encoding="utf-8")


def template(site: Path, n: int) -> None:
    folder = site / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "404.html").write_text(
        THEME_ARTICLE.read_text(encoding="utf-8") + f"\n{{# bản sửa {n} #}}x{n}\n", encoding="utf-8"
    )


def static(site: Path, n: int) -> None:
    """Edited to the same size, its mtime put back: only its bytes tell."""
    folder = site / "static"
    folder.mkdir(exist_ok=True)
    path = folder / "extra.css"
    if not path.exists():
        path.write_text("body { color: #000 }\n", encoding="utf-8")
        return
    status = path.stat()
    path.write_text(f"body {{ color: #{n % 1000:03d} }}\n", encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


def cover(site: Path, n: int) -> None:
    """A cover given to an article, its picture changed (other pixels, another size), or every
    cover taken away with the file."""
    picture = site / "static" / "images" / "bia.jpg"
    if n % 3 == 0:
        for path in articles(site):
            text = path.read_text(encoding="utf-8")
            path.write_text(
                "".join(
                    line for line in text.splitlines(keepends=True) if not line.startswith(("image:", "image_alt:"))
                ),
                encoding="utf-8",
            )
        picture.unlink(missing_ok=True)
        return
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(photo(300 + 40 * (n % 9), 200, shade=n))
    _set(site, n, "image", "images/bia.jpg")
    _set(site, n, "image_alt", f"Ảnh bìa {n}")


def setting(site: Path, n: int) -> None:
    _replace(site / "site.toml", "title = ", f'title = "Lưu trữ {n}"\n# old title = ')


EDITS: list[Callable[[Path, int], None]] = [
    body,
    title,
    date,
    slug,
    delete,
    add,
    rename,
    template,
    static,
    setting,
    cover,
]


def _disk(site: Path, output: Path, cache: bool = True) -> None:
    build_site(load_settings(site), BuildOptions(now=NOW, jobs=1, cache=cache), DiskWriter(output, site))


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rounds=st.lists(
        st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 50)), min_size=1, max_size=3), min_size=1, max_size=2
    )
)
@example(rounds=[[(static, 1)], [(static, 2)]])  # alone, so only its bytes can tell the build
@example(rounds=[[(template, 1)], [(template, 2)]])
@example(rounds=[[(setting, 1)], [(body, 3)]])
@example(rounds=[[(cover, 1)], [(cover, 2)], [(cover, 3)]])  # a cover added, its picture changed, removed
def test_any_edits_give_the_cli_and_the_preview_a_cold_builds_output(rounds):
    with tempfile.TemporaryDirectory(prefix="edits-") as folder:
        site, output = Path(folder) / "site", Path(folder) / "output"
        shutil.copytree(SAMPLE, site)
        options = BuildOptions(now=NOW, jobs=1)
        _disk(site, output)
        writer = MemoryWriter()
        _, memory = build_into_memory(load_settings(site), options, writer)
        for edits in rounds:
            for edit, n in edits:
                edit(site, n)
            _disk(site, output)
            cold = Path(folder) / "cold"
            shutil.rmtree(cold, ignore_errors=True)
            _disk(site, cold, cache=False)
            assert tree(output) == tree(cold)

            writer = MemoryWriter(writer.files)
            _, memory = build_into_memory(load_settings(site), options, writer, memory)
            fresh = MemoryWriter()
            build_site(load_settings(site), BuildOptions(now=NOW, jobs=1, cache=False), fresh)
            assert writer.files == fresh.files

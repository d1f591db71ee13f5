"""Screenshots of the default theme for docs/screenshots/, at 390×844 (a phone) and 1280×800.

    .venv/bin/python scripts/screenshots.py [OUTPUT_FOLDER]

Builds the sample archive (this repository's content/) in a temporary folder, with a cover
picture made by Pillow on one article (the sample has none, and a reader's article page with
a picture is one of the pages to show), serves it on a free loopback port and photographs the
first screen of each page in Debian's Chromium (kept as WebP: a fifth of the PNG's size). ``tests/test_screenshots.py`` holds the list
of pages to the folder: a page added here without its pictures fails it.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reform_archive.build import BuildOptions, build_site  # noqa: E402
from reform_archive.config import load_settings  # noqa: E402
from reform_archive.writer import DiskWriter  # noqa: E402

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
COVERED = "content/2021/ha-tinh-huong-den-nen-hanh-chinh-hien-dai.md"
# name -> path in the sample site (the search page with a query, after its results arrive)
PAGES = {
    "home": "",
    "article-with-image": "2021/10/ha-tinh-huong-den-nen-hanh-chinh-hien-dai/",
    "article": "2022/11/dai-hoi-dang-bo-so-noi-vu-tinh-binh-dinh-nhiem-ky-2020-2025-xac-dinh-cai-cach/",
    "list": "articles/",
    "legal-document": "documents/23-ct-ttg/",
    "documents-index": "documents/",
    "statistics": "statistics/",
    "search": "search/?q=m%E1%BB%99t+c%E1%BB%ADa",
}


def main(output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        shutil.copytree(ROOT / "content", site / "content")
        shutil.copy(ROOT / "site.toml", site / "site.toml")
        (site / "static" / "images").mkdir(parents=True)
        (site / "static" / "images" / "hoi-nghi.jpg").write_bytes(_photo(1600, 900))
        article = site / COVERED
        text = article.read_text(encoding="utf-8")
        article.write_text(
            re.sub(r"\A---\n", '---\nimage: "images/hoi-nghi.jpg"\nimage_alt: "Ảnh minh họa"\n', text), encoding="utf-8"
        )
        built = Path(temporary) / "output"
        build_site(load_settings(site), BuildOptions(), DiskWriter(built, site))
        handler = functools.partial(_Quiet, directory=str(built))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
                for name, path in PAGES.items():
                    for width_name, (width, height) in WIDTHS.items():
                        page = browser.new_page(viewport={"width": width, "height": height})
                        page.goto(base + path)
                        if name == "search":
                            page.wait_for_selector("#search-results li")
                        shot = Image.open(io.BytesIO(page.screenshot()))
                        shot.convert("RGB").save(output / f"{name}-{width_name}.webp", "WEBP", quality=82, method=6)
                        page.close()
                browser.close()
        finally:
            server.shutdown()
    print(f"{len(PAGES) * len(WIDTHS)} screenshots in {output}")


def _photo(width: int, height: int) -> bytes:
    """A picture with some detail: gradients, and circles like a hall's lights."""
    image = Image.merge(
        "RGB",
        (
            Image.linear_gradient("L").resize((width, height)),
            Image.radial_gradient("L").resize((width, height)),
            Image.new("L", (width, height), 140),
        ),
    )
    draw = ImageDraw.Draw(image)
    for step in range(0, width, width // 12):
        draw.ellipse(
            (step, height // 4, step + width // 10, height // 4 + height // 3), outline=(255, 255, 200), width=4
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")

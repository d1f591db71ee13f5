"""docs/screenshots/ shows every page scripts/screenshots.py lists, at both widths (issue 22's
"done when"): a page added to the list without its pictures, or a picture left from a page
taken off it, fails here. The pages themselves are audited by axe in test_browser.py and
test_theme_phone.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "screenshots"


def _script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_listed_page_has_a_screenshot_at_each_width_and_nothing_else():
    script = _script()
    wanted = {f"{name}-{width}.webp" for name in script.PAGES for width in script.WIDTHS}
    assert {path.name for path in FOLDER.glob("*.webp")} == wanted
    for name in wanted:
        width = script.WIDTHS[name.rsplit("-", 1)[1].removesuffix(".webp")][0]
        with Image.open(FOLDER / name) as picture:
            assert picture.width == width


def test_the_docs_show_them():
    text = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")
    for path in FOLDER.glob("*.webp"):
        assert f"screenshots/{path.name}" in text

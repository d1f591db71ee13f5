"""Make the default theme's favicon.ico from its favicon.svg: Debian's Chromium draws the SVG
at 32×32 and the PNG it takes is stored in an icon file as it is (browsers and Windows read
PNG icons), so no image library is needed.

    .venv/bin/python scripts/make_favicon.py [--check]

Run it after editing themes/default/static/favicon.svg; ``--check`` only says whether
favicon.ico is what the SVG makes now.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

STATIC = Path(__file__).resolve().parent.parent / "themes" / "default" / "static"
SIZE = 32


def icon(png: bytes, size: int = SIZE) -> bytes:
    """An ICO file holding one PNG image of ``size`` pixels square."""
    header = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 (icon), one image
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def draw(svg: str) -> bytes:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
        page.set_content(f"<style>*{{margin:0}}svg{{display:block;width:{SIZE}px;height:{SIZE}px}}</style>{svg}")
        png = page.screenshot(omit_background=True)
        browser.close()
    return png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    made = icon(draw((STATIC / "favicon.svg").read_text(encoding="utf-8")))
    target = STATIC / "favicon.ico"
    if args.check:
        same = target.exists() and target.read_bytes() == made
        print("favicon.ico is up to date" if same else "favicon.ico differs from what favicon.svg makes")
        return 0 if same else 1
    target.write_bytes(made)
    print(f"wrote {target} ({len(made)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

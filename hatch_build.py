"""Wheel and sdist build hook: put the theme and lunr.js inside the package, so an installed copy
builds a site, search included, with no checkout and no Node.

lunr.js comes from the npm package that ``npm ci`` installed, pinned by package-lock.json; it is
copied into the archive at build time and never committed. A build from an sdist finds the copy
the sdist already carries. An editable install needs nothing: the checkout's node_modules is used.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

THEMES = "reform_archive/_themes"  # where the package looks first (publish/render.py: THEME_SEARCH)
VENDORED = "reform_archive/_vendor/lunr"  # where the package looks (source/loader.py: lunr_js)
FILES = ("lunr.min.js", "package.json", "LICENSE")


class LunrJsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "editable":
            return  # the checkout's own themes/ and node_modules/ are found where they are
        root = Path(self.root)
        if self.target_name == "wheel":
            build_data["force_include"][str(root / "themes")] = THEMES
        if (root / VENDORED / "lunr.min.js").is_file():  # building the wheel from an sdist
            return
        pinned = _pinned_version(root)
        installed = root / "node_modules" / "lunr"
        if _version_of(installed) != pinned and shutil.which("npm"):
            # a git checkout built by pip (pip install git+…): fetch exactly what the lock file pins
            subprocess.run(
                ["npm", "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=root,
                check=True,
            )
        found = _version_of(installed)
        if found != pinned:
            raise RuntimeError(
                f"the package carries lunr.js {pinned} from npm, and node_modules/lunr holds "
                f"{found or 'nothing'}: run `npm ci` in {root} (Node 20+), then build again"
            )
        for name in FILES:
            build_data["force_include"][str(installed / name)] = f"{VENDORED}/{name}"


def _pinned_version(root: Path) -> str:
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"]["node_modules/lunr"]["version"])


def _version_of(folder: Path) -> str | None:
    try:
        return str(json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None

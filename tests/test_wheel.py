"""The package as a user installs it: the wheel carries lunr.js and the theme, and an installed copy
builds a new site with search where there is no Node at all (issue 23, item 1).

Offline, as every test here: the wheel is built with the hatchling already installed (no build
isolation), installed into a new virtualenv with --no-index and --no-deps, and the virtualenv
reaches its dependencies through a .pth line naming this interpreter's site-packages. That line
is only a path: the editable install's own .pth hook there is not run, so the package imported
is the installed wheel's, which the test checks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NPM_LUNR = ROOT / "node_modules" / "lunr"
LUNR_VERSION = "2.3.9"


def _pip(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(ROOT))
    (built,) = out.glob("reform_archive-*.whl")
    return built


def test_wheel_carries_the_pinned_lunr_js_and_the_theme(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        script = archive.read("reform_archive/_vendor/lunr/lunr.min.js")
        package = json.loads(archive.read("reform_archive/_vendor/lunr/package.json"))
    assert script == (NPM_LUNR / "lunr.min.js").read_bytes()
    assert package["version"] == LUNR_VERSION
    assert "reform_archive/_vendor/lunr/LICENSE" in names  # MIT: the notice travels with the copy
    theme = ROOT / "themes" / "default"
    for path in theme.rglob("*"):
        if path.is_file():
            assert f"reform_archive/_themes/default/{path.relative_to(theme).as_posix()}" in names
    assert not [n for n in names if n.startswith(("tests/", "content/", "node_modules/", "benchmarks/"))]


def _venv_with(wheel: Path, where: Path) -> Path:
    venv.create(where, with_pip=False)
    _pip("--python", str(where / "bin" / "python"), "install", "--no-deps", "--no-index", str(wheel))
    own = Path(
        subprocess.check_output(
            [where / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (own / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return where / "bin"


def test_installed_wheel_builds_a_new_site_with_search_and_no_node(wheel: Path, tmp_path: Path) -> None:
    bin_dir = _venv_with(wheel, tmp_path / "venv")
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    assert shutil.which("node", path=env["PATH"]) is None and shutil.which("npm", path=env["PATH"]) is None
    where = subprocess.check_output(
        [bin_dir / "python", "-c", "import reform_archive; print(reform_archive.__file__)"],
        env=env,
        text=True,
        cwd=tmp_path,
    )
    assert where.startswith(str(tmp_path / "venv")), where

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(bin_dir / "reform-archive"), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    run("init", "site", "--title", "Lưu trữ thử", "--base-url", "https://example.org/")
    run("build", "--site", "site")
    output = tmp_path / "site" / "output"
    assert (output / "assets" / "vendor" / f"lunr-{LUNR_VERSION}.min.js").read_bytes() == (
        NPM_LUNR / "lunr.min.js"
    ).read_bytes()
    assert (output / "search" / "index.html").is_file()
    manifest = sorted((output / "search").rglob("*.json"))
    assert manifest, "no search data was written"
    assert "Bài viết đầu tiên" in (output / "index.html").read_text(encoding="utf-8")


def test_sdist_carries_lunr_js_so_a_wheel_builds_from_it_without_npm(tmp_path: Path) -> None:
    build = (
        "import sys; from hatchling.builders.sdist import SdistBuilder; "
        "print(*SdistBuilder(sys.argv[1]).build(directory=sys.argv[2]))"
    )
    sdist = Path(subprocess.check_output([sys.executable, "-c", build, str(ROOT), str(tmp_path)], text=True).strip())
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "src", filter="data")
    (unpacked,) = (tmp_path / "src").iterdir()
    assert not (unpacked / "node_modules").exists()
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no npm to fall back on
    out = tmp_path / "dist"
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(unpacked), env=env)
    (built,) = out.glob("*.whl")
    with zipfile.ZipFile(built) as archive:
        assert archive.read("reform_archive/_vendor/lunr/lunr.min.js") == (NPM_LUNR / "lunr.min.js").read_bytes()
        assert "reform_archive/_themes/default/templates/base.html" in archive.namelist()


def _locked_versions() -> dict[str, str]:
    from packaging.markers import Marker
    from packaging.utils import canonicalize_name

    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line[:1].isalnum():
            requirement, _, marker = line.rstrip(" \\").partition(";")
            if not marker.strip() or Marker(marker.strip()).evaluate():
                name, _, version = requirement.strip().partition("==")
                pins[canonicalize_name(name)] = version
    return pins


def test_the_tests_run_with_the_versions_requirements_lock_pins() -> None:
    from importlib.metadata import distributions

    from packaging.utils import canonicalize_name

    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions()}
    pins = _locked_versions()
    assert {"jinja2", "lunr", "pytest", "hatchling"} <= set(pins)
    assert {
        name: (version, installed.get(name)) for name, version in pins.items() if installed.get(name) != version
    } == {}


def test_requirements_lock_covers_every_dependency_pyproject_names() -> None:
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    named = {
        canonicalize_name(Requirement(r).name)
        for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]
    }
    assert named - set(_locked_versions()) == set(), "run scripts/dev lock after editing pyproject.toml"

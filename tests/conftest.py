"""Shared fixtures: sample sites built once per session, on disk and in memory."""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from benchmarks.chromium import CHROMIUM as CHROMIUM_BINARY
from benchmarks.chromium import CHROMIUM_ARGS
from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings
from reform_archive.writer import DiskWriter, MemoryWriter

SITES = Path(__file__).parent / "sites"
CHROMIUM = Path(CHROMIUM_BINARY)  # Debian's; never a downloaded browser
SAMPLE = SITES / "sample"
# A fixed "now" so that tests do not depend on the clock.
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="session", autouse=True)
def messages_in_a_known_language():
    """Messages of a site without a valid `language`, and of commands without a site, follow
    the environment (reform_archive.cli_messages.environment_language): the suite runs in a
    plain English one, whatever the machine's locale; a test that wants another sets it."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("REFORM_ARCHIVE_LANG", "LC_ALL", "LC_MESSAGES"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        yield


@pytest.fixture(scope="session", autouse=True)
def build_cache_outside_the_fixtures(tmp_path_factory):
    """Builds of the sites in tests/sites/ keep their cache in a temporary folder, not beside
    the fixtures (subprocesses inherit it through the environment)."""
    folder = tmp_path_factory.mktemp("build-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFORM_ARCHIVE_CACHE_DIR", str(folder))
        yield folder


def build_to_memory(site_dir: Path, base_url: str | None = None, **options) -> dict[str, bytes]:
    settings = load_settings(site_dir)
    if base_url:
        settings = settings.with_base_url(base_url)
    writer = MemoryWriter()
    build_site(settings, BuildOptions(now=NOW, **options), writer)
    return writer.files


def build_command(site: Path, output: Path, *extra: str) -> list[str]:
    """`reform-archive build` into ``output``, as a subprocess runs it."""
    return [sys.executable, "-m", "reform_archive", "build", "--site", str(site), "--output", str(output), *extra]


def build_to_disk(site_dir: Path, output: Path, base_url: str | None = None, **options) -> Path:
    settings = load_settings(site_dir)
    if base_url:
        settings = settings.with_base_url(base_url)
    build_site(settings, BuildOptions(now=NOW, **options), DiskWriter(output, site_dir))
    return output


@pytest.fixture(scope="session")
def sample_files() -> dict[str, bytes]:
    """The sample archive built at the domain root, in memory."""
    return build_to_memory(SAMPLE)


@pytest.fixture(scope="session")
def sample_subpath_files() -> dict[str, bytes]:
    """The sample archive built for https://example.org/luu-tru/."""
    return build_to_memory(SAMPLE, base_url="https://example.org/luu-tru/")


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory) -> Path:
    """The sample archive built on disk (for servers and browsers)."""
    return build_to_disk(SAMPLE, tmp_path_factory.mktemp("sample") / "output")


SYNTHETIC_ARTICLES = 60  # enough for two worker processes (reform_archive.parallel.workers.MIN_PER_WORKER)


@pytest.fixture(scope="session")
def synthetic_corpus(tmp_path_factory) -> Path:
    """A benchmark-style archive (benchmarks/corpus.py), written once; tests copy it."""
    from benchmarks.corpus import write_site

    site = tmp_path_factory.mktemp("corpus") / "site"
    write_site(site, SYNTHETIC_ARTICLES)
    return site


@pytest.fixture
def synthetic_site(synthetic_corpus, tmp_path) -> Path:
    """A writable copy of the synthetic archive."""
    copy = tmp_path / "site"
    shutil.copytree(synthetic_corpus, copy)
    return copy


def article_files(site: Path) -> list[Path]:
    return sorted((site / "content").rglob("*.md"))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder, by its path inside it: for byte-for-byte comparisons of builds."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A writable copy of the sample site."""
    target = tmp_path / "site"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture(scope="session")
def chromium():
    # CI installs Chromium, so a missing binary is a broken environment, not a reason to skip.
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium):
    """Pages in fresh contexts (viewport, colour scheme, JavaScript on or off); closed after the test."""
    contexts = []

    def _open(url: str, viewport: dict, **options):
        context = chromium.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(url)
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
        return page

    yield _open
    for context in contexts:
        context.close()

"""What a build has written, by whom, and which links its pages make; and the outputs that
are written as they are planned, not rendered: feeds, sitemaps, search files, static files."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reform_archive.build.search_step import StampedFile
from reform_archive.config import CONFIG_FILE, Settings
from reform_archive.errors import Problem, warning
from reform_archive.incremental.reuse import LedgerBuilder, Reuse, recipe_stamp
from reform_archive.publish.feeds import atom_feed, plan_feeds
from reform_archive.publish.links import LinkingPage, broken_links
from reform_archive.publish.sitemap import plan_sitemaps, robots_txt
from reform_archive.publish.views import Translate
from reform_archive.search.vendor import LUNR_SCRIPT
from reform_archive.site.model import Article, Site
from reform_archive.site.urls import STATIC, Claimant, OutputClaims, link
from reform_archive.source.messages import say
from reform_archive.writer import DiskWriter, Writer

__all__ = ["Outputs", "copy_static", "menu_addresses", "write_feeds_and_sitemap", "write_search"]


class Outputs:
    """What has been written, by whom, and which links pages make."""

    def __init__(self) -> None:
        self.claims = OutputClaims()  # every output path, files and folders: check refuses what a disk would
        self.origin = self.claims.owners
        self.paths: list[str] = []
        self.problems: list[Problem] = []
        self.pages = 0
        self.kept = 0
        self.sitemap: list[tuple[str, str]] = []
        self.linking: list[LinkingPage] = []  # pages with the links they make, in plan order
        self.sources: dict[str, Article] = {}
        self.static: dict[str, Path] = {}

    def claim(self, path: str, origin: str | Claimant, line_of: Callable[[], int] | None = None) -> bool:
        problem = self.claims.claim(path, origin if isinstance(origin, Claimant) else Claimant(origin), line_of)
        if problem is not None:
            self.problems.append(problem)
            return False
        self.paths.append(path)
        return True

    def link_problems(
        self, strings: Sequence[str], language: str = "en", menu: Mapping[str, tuple[str, int]] | None = None
    ) -> list[Problem]:
        """``menu``: each [[menu]] item's address as pages link it -> (site.toml, its line):
        a broken one is the menu's problem, not the first page's that shows the menu."""
        found = []
        for target, page, href, source in broken_links(self.linking, strings, self.origin):
            where, line = (source, 1) if source else (f"{page or '/'} (theme)", 0)
            if not source and menu and href in menu:
                where, line = menu[href]
            article = self.sources.get(source)
            if article is not None:
                line = article.body_line - 1 + _line_containing(article.body, href, "/" + target)
            found.append(warning(where, line, say(language, "broken_link", href=href, target=target)))
        return found


def menu_addresses(settings: Settings) -> dict[str, tuple[str, int]]:
    """Each [[menu]] item's address as pages link it -> where site.toml gives it."""
    return {
        link(settings.base_path, item.url.lstrip("/")): (str(settings.site_dir / CONFIG_FILE), item.line)
        for item in settings.menu
        if not item.external
    }


def _line_containing(text: str, *needles: str) -> int:
    for needle in needles:
        index = text.find(needle) if needle else -1
        if index >= 0:
            return text.count("\n", 0, index) + 1
    return 1


def write_feeds_and_sitemap(
    site: Site,
    t: Translate,
    writer: Writer,
    outputs: Outputs,
    reuse: Reuse,
    ledger: LedgerBuilder,
    identity: Callable[[Article], str],
    empty_updated: datetime,
) -> None:
    """Feeds are planned and stamped as pages are (their recipe: :func:`atom_feed` and its
    inputs), and kept from the previous build when the stamp is the same: the same title and
    entries (8,600 term feeds at 10,000 articles; an edit changes a few dozen). They are
    made here, not in the render workers: each holds whole articles, which would be pickled."""
    titles = {
        term.url: t(f"term_heading.{taxonomy.name}", name=term.name)
        for taxonomy in site.taxonomies.values()
        for term in taxonomy.terms
    }
    for spec in plan_feeds(site, titles):
        if not outputs.claim(spec.path, "feeds"):
            continue
        # stamped as a page's recipe is: its function and inputs, each article by its identity
        entries = tuple(spec.articles[: site.settings.feed_size])
        inputs = (spec.path, spec.title, spec.alternate, spec.taxonomy, spec.term, entries, empty_updated)
        stamp = recipe_stamp("atom", atom_feed, inputs, identity)
        if reuse.keepable(spec.path, stamp):
            writer.keep(spec.path)
            outputs.kept += 1
        else:
            writer.write(spec.path, atom_feed(site, spec, empty_updated))
        ledger.add(spec.path, stamp, [])
    for path, data in plan_sitemaps(site.settings.base_url, outputs.sitemap):
        if outputs.claim(path, "sitemap"):
            writer.write(path, data)
    if outputs.claim("robots.txt", "robots.txt"):
        writer.write("robots.txt", robots_txt(site.settings.base_url))


def write_search(
    writer: Writer,
    outputs: Outputs,
    lunr: tuple[Path | None, Problem | None],
    files: list[StampedFile],
    ledger: LedgerBuilder,
) -> None:
    script, problem = lunr
    if problem:
        outputs.problems.append(problem)
        return
    assert script is not None
    if outputs.claim(LUNR_SCRIPT, Claimant(str(script), STATIC, 0)):
        writer.copy(LUNR_SCRIPT, script)
    for file in files:
        if not outputs.claim(file.path, "search index"):
            continue
        if file.written:
            assert isinstance(writer, DiskWriter)  # the only writer a child is given
            writer.adopt(file.path)
        elif file.data is None:
            writer.keep(file.path)
            outputs.kept += 1
        else:
            writer.write(file.path, file.data)
        ledger.add(file.path, file.stamp, [])


def copy_static(static: tuple[dict[str, Path], list[Problem]], writer: Writer, outputs: Outputs) -> None:
    files, problems = static
    outputs.problems.extend(problems)
    for path, file in files.items():
        if outputs.claim(path, Claimant(str(file), STATIC, 0)):
            outputs.static[path] = file
            writer.copy(path, file)

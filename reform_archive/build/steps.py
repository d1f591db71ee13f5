"""The orchestrator: an explicit list of steps over a frozen model.

    load content -> build model -> (stop on errors) -> pages -> feeds -> sitemap
    -> search index -> static files -> link check -> commit

Nothing is written until every step has succeeded: the writer stages output and the
caller's previous site stays in place when a step reports errors.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Mapping
from dataclasses import replace

from reform_archive.build import search_step
from reform_archive.build.images import FoundPictures, find_pictures, share_picture, write_renditions
from reform_archive.build.memory import BuildMemory, article_key
from reform_archive.build.outputs import Outputs, copy_static, menu_addresses, write_feeds_and_sitemap, write_search
from reform_archive.build.pages import render_pages
from reform_archive.build.result import (
    BuildOptions,
    BuildProfile,
    BuildResult,
    Progress,
    build_clock,
    source_date_epoch,
)
from reform_archive.build.search_step import (
    EARLY_UNKNOWN,
    Lookup,
    Placement,
    Search,
    cached_or_prepared,
    finish_search,
    remembered_placements,
    start_search,
    unknown_to_index,
)
from reform_archive.config import Settings
from reform_archive.errors import ContentError, Problem, errors_only, promote_warnings
from reform_archive.incremental import unchanged
from reform_archive.incremental.cache import BuildCache, cache_key
from reform_archive.incremental.reuse import LedgerBuilder, Reuse, environment_digest
from reform_archive.parallel.policy import fork_is_safe, kept_for_the_build, settle
from reform_archive.parallel.workers import default_jobs, prepare_all
from reform_archive.publish.feeds import EPOCH
from reform_archive.publish.render import Renderer, find_theme, load_catalogue, translator, with_site_strings
from reform_archive.readonly import ReadOnlyMapping
from reform_archive.site.model import Article, Selection, Site, build_model
from reform_archive.site.related import related_articles, related_indices, related_inputs, related_signature
from reform_archive.source.article import SourceArticle
from reform_archive.source.loader import ContentFile, lunr_js, read_content, read_document_data, static_files
from reform_archive.source.prepare import PreparedArticle, Recipe
from reform_archive.writer import DiskWriter, MemoryWriter, Writer

__all__ = ["build_into_memory", "build_site", "profile_build"]


def build_site(
    settings: Settings, options: BuildOptions, writer: Writer, progress: Progress | None = None
) -> BuildResult:
    """Build the site into ``writer``; a disk build keeps what it can of the last one into
    the same folder (the record in the cache says what that was)."""
    return profile_build(settings, options, writer, progress)[0]


def profile_build(
    settings: Settings, options: BuildOptions, writer: Writer, progress: Progress | None = None
) -> tuple[BuildResult, BuildProfile]:
    """:func:`build_site`, and how it went (cache hits, files kept, the search child's time)."""
    with kept_for_the_build():
        result, profile, _ = _build_site(settings, options, writer, progress, None)
    return result, profile


def build_into_memory(
    settings: Settings, options: BuildOptions, writer: MemoryWriter, memory: BuildMemory | None = None
) -> tuple[BuildResult, BuildMemory]:
    """The preview's build: ``writer`` holds the last build's files and ``memory`` what that
    build left (:class:`BuildMemory`), so unchanged pages are kept; returns what this one leaves."""
    with kept_for_the_build():
        result, _, left = _build_site(settings, options, writer, None, memory)
    assert left is not None
    return result, left


def _build_site(
    settings: Settings, options: BuildOptions, writer: Writer, progress: Progress | None, memory: BuildMemory | None
) -> tuple[BuildResult, BuildProfile, BuildMemory | None]:
    report = progress or (lambda step, done, total: None)
    now = options.now or build_clock()
    cache = BuildCache.for_site(settings.site_dir, options.cache)
    builds = unchanged.records(cache)
    target = writer.output_dir
    search: Search | None = None
    try:
        theme = find_theme(settings)
        catalogue = with_site_strings(
            load_catalogue(theme, settings.language), settings.strings, str(settings.site_dir / "site.toml")
        )
        t = translator(catalogue, str(theme.i18n / f"{settings.language}.toml"))
        report("load", 0, 1)
        files, problems = read_content(settings.site_dir)
        recipe = Recipe(settings.tz.key, settings.base_path, settings.language, settings.aliases)
        keys = [article_key(recipe, file.shown, file.data) for file in files]
        lunr = lunr_js(settings.site_dir) if settings.search else (None, None)
        static = static_files([(theme.static, theme.root), (settings.site_dir / "static", settings.site_dir)])
        pictures_store = cache.part("images")  # one store: what it prunes is what no step of this build used
        share = share_picture(settings, static[0], pictures_store, problems)
        # the folders the renderer loads templates from (UI strings come in as the catalogue)
        environment = environment_digest(
            settings, catalogue, [theme.templates, settings.site_dir / "templates"], share.digest if share else ""
        )
        reuse, hashed = Reuse(environment), dict[str, str]()  # hashed: static files' SHA-256, by the inputs digest
        if memory is not None and isinstance(writer, MemoryWriter):
            reuse = Reuse(environment, memory.ledger, writer.previous.keys())
        if target is not None:
            # what could not be read (a link in a loop, a folder locked) is an input too
            inputs = unchanged.inputs_digest(
                [*keys, *map(str, problems)],
                settings,
                options,
                unchanged.input_folders(settings, theme.root),
                unchanged.input_files(settings, lunr[0]),
                writer.precompress,
                hashed,
            )
            record = unchanged.load(builds, target)
            if (
                record is not None
                and unchanged.same_inputs(record, inputs, now)
                and unchanged.still_valid(record, unchanged.current_listing(target))
            ):
                writer.abort()
                return replace(record.result, unchanged=True), BuildProfile(cache.stats), None
            if record is not None and record.ledger is not None:
                # the folder is listed once the search has started: it needs only the stamps
                reuse = Reuse(environment, record.ledger, None)
        selection = Selection(options.drafts, options.future, now)
        jobs = options.jobs or default_jobs()
        search_store = cache.part("search")
        indexing = settings.search and lunr[1] is None
        # After an edit the index is split in a forked child while this process goes on:
        # from here, when the index remembers nearly every article, else once they are read.
        fork = indexing and jobs > 1 and reuse.previous is not None and fork_is_safe()
        # where threads run (the preview), a child started clean reads the articles from the cache
        clean = indexing and jobs > 1 and reuse.previous is not None and not fork and not cache.off
        clean = clean and len(keys) >= search_step.CLEAN_FROM
        remembered = remembered_placements(search_store) if fork or clean else {}

        def search_from(lookup: Lookup, fork: bool, reuse: Reuse, remembered: Mapping[str, Placement]) -> Search:
            # a forked child writes the files it makes into the staging folder itself
            write = writer.write if fork and isinstance(writer, DiskWriter) else None
            articles = cache if clean and remembered else None
            return start_search(
                keys, lookup, remembered, settings, selection, search_store, fork, reuse, write, articles
            )

        if fork and unknown_to_index(keys, remembered, selection) <= EARLY_UNKNOWN:
            search = search_from(cached_or_prepared(files, keys, recipe, cache), True, reuse, remembered)
        if reuse.intact is None:  # a disk build updating its folder: now it is listed
            assert target is not None
            listing = unchanged.current_listing(target)
            reuse = replace(reuse, intact=unchanged.intact(record, listing))
            if isinstance(writer, DiskWriter):
                writer.found_listing(listing)
        prepared = _prepare(files, keys, recipe, options, cache, report, memory.prepared if memory else {})
        if indexing and search is None:
            search = search_from(prepared.__getitem__, fork, reuse, remembered)
        sources = [article.source for article in prepared if article.source is not None]
        found = find_pictures(settings, static[0], prepared, selection, pictures_store, share, hashed)
        site, warnings = _model(settings, selection, report, prepared, sources, problems + list(found.problems), found)
        settle()
        outputs = Outputs()
        ledger = LedgerBuilder(environment, reuse.previous)  # what this build made, for the next one
        # an article is a function of its file and the environment: its cache key names it
        names = {article.path: key for article, key in zip(prepared, keys, strict=True)}
        identity: Callable[[Article], str] = lambda article: names[article.path] + found.identity(article.path)  # noqa: E731
        related = _related(site, cache.part("related"))
        renderer = Renderer(settings, theme, t)
        render_pages(site, related, renderer, t, writer, outputs, reuse, ledger, jobs, identity, report)
        # an empty feed has no article to date it: never the wall clock, which would break reproducibility
        report("feeds", 0, 1)
        write_feeds_and_sitemap(site, t, writer, outputs, reuse, ledger, identity, source_date_epoch() or EPOCH)
        report("images", 0, 1)
        outputs.kept += write_renditions(
            found, writer, lambda path: outputs.claim(path, "pictures"), reuse, ledger, pictures_store, jobs
        )
        if settings.search:
            report("search", 0, 1)
            files_made = (
                finish_search(
                    site,
                    search,
                    prepared,
                    names,
                    reuse,
                    lambda: search_from(prepared.__getitem__, False, reuse, {}),
                    writer.discard,
                )
                if search is not None
                else []
            )
            write_search(writer, outputs, lunr, files_made, ledger)
        report("static", 0, 1)
        copy_static(static, writer, outputs)
        # redirects last: every other output is claimed by now, and an alias gives way to it
        render_pages(
            site,
            related,
            renderer,
            t,
            writer,
            outputs,
            reuse,
            ledger,
            jobs,
            identity,
            report,
            {file.shown: file.data for file in files},
        )
        report("links", 0, 1)
        warnings += outputs.link_problems(ledger.strings, settings.language, menu_addresses(settings))
        warnings += outputs.claims.warnings
        problems = outputs.problems + (promote_warnings(warnings) if options.strict else [])
        if problems:
            raise ContentError(problems)
    except BaseException:
        if search is not None:
            search.index.cancel()
        writer.abort()
        raise
    report("write", 0, 1)
    if target is not None:
        unchanged.forget(builds, target)
    writer.commit()
    result = BuildResult(
        len(site.articles),
        outputs.pages,
        tuple(outputs.paths),
        tuple(sorted(warnings)),
        ReadOnlyMapping(outputs.static),
    )
    profile = BuildProfile(cache.stats, outputs.kept, search.index.seconds if search is not None else 0.0)
    left = ledger.ledger()
    if target is not None:
        unchanged.save(
            builds,
            target,
            inputs,
            unchanged.first_due(prepared, now, options.future, options.drafts),
            result,
            left,
            writer.listing() if isinstance(writer, DiskWriter) else None,
        )
    # a cache that could not be used: one warning, never promoted by --strict, not recorded
    result = replace(result, warnings=tuple(sorted(result.warnings + tuple(cache.problems()))))
    return (
        result,
        profile,
        BuildMemory(
            left,
            {file.shown: key for file, key in zip(files, keys, strict=True)},
            site,
            related,
            renderer,
            t,
            recipe,
            environment,
            selection,
            dict(zip(keys, prepared, strict=True)),
            found.pictures,
            profile,
        ),
    )


def _model(
    settings: Settings,
    selection: Selection,
    report: Progress,
    prepared: list[PreparedArticle],
    sources: list[SourceArticle],
    problems: list[Problem],
    found: FoundPictures,
) -> tuple[Site, list[Problem]]:
    """Every problem is collected; only errors stop here (--strict decides at the end)."""
    report("model", 0, 1)
    documents, data_problems = read_document_data(settings.site_dir, settings.language)  # data/documents.toml
    problems = problems + [problem for article in prepared for problem in article.problems] + data_problems
    site, model_problems = build_model(
        sources, settings, selection, html=found.html_of(prepared), pictures=found.pictures, documents=documents
    )
    problems += model_problems
    if errors_only(problems):
        raise ContentError(problems)  # warnings too: the editor sees everything at once
    return site, problems


def _prepare(
    files: list[ContentFile],
    keys: list[str],
    recipe: Recipe,
    options: BuildOptions,
    cache: BuildCache,
    report: Progress,
    held: Mapping[str, PreparedArticle],
) -> list[PreparedArticle]:
    """Each file's article from ``held`` (what the last build in this process prepared) or
    the cache when its bytes, path and recipe were seen before, else prepared (in worker
    processes when there are many) and cached."""
    found: list[PreparedArticle | None] = []
    for key in keys:
        article = held.get(key)
        if article is not None:
            cache.still_used(key)  # held in this process; its entry stays for the next CLI build
        found.append(article if article is not None else cache.get(key))
        if len(found) % 2000 == 0:
            settle()  # else the collector walks every article read so far, again and again
    settle()
    missing = [i for i, article in enumerate(found) if article is None]
    report("prepare", 0, len(missing))
    items = [(files[i].data, files[i].shown) for i in missing]
    payloads = prepare_all(items, recipe, options.jobs or default_jobs())
    for done, (i, payload) in enumerate(zip(missing, payloads, strict=True), 1):
        found[i] = pickle.loads(payload)
        cache.put(keys[i], payload)
        report("prepare", done, len(missing))
        if done % 2000 == 0:
            settle()
    cache.prune()
    return [article for article in found if article is not None]


def _related(site: Site, store: BuildCache) -> dict[str, tuple[Article, ...]]:
    """Related articles depend only on the articles' terms and order, which an edit to a
    body leaves alone: then they come from the cache (a second's work at 10,000 articles)."""
    inputs = related_inputs(site)
    key = cache_key("related", related_signature(inputs))
    indices = store.get(key)
    if not (isinstance(indices, list) and len(indices) == len(inputs)):
        indices = related_indices(inputs)
        store.put(key, pickle.dumps(indices, protocol=pickle.HIGHEST_PROTOCOL))
    store.prune()
    return related_articles(site, indices=indices)

"""The pages step: every planned page kept from the last build or rendered (in workers
when many need it), claimed, recorded for the sitemap and the link check, in plan order."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Mapping

from reform_archive.build.outputs import Outputs
from reform_archive.build.result import Progress
from reform_archive.incremental.reuse import LedgerBuilder, Reuse, recipe_stamp
from reform_archive.parallel.render_pool import PageJob, PagePool, RenderedPage
from reform_archive.publish.links import LinkingPage
from reform_archive.publish.lists import PageSpec
from reform_archive.publish.pages import claimant, plan_aliases, plan_pages
from reform_archive.publish.render import Renderer
from reform_archive.publish.views import Translate
from reform_archive.site.model import Article, Site
from reform_archive.site.urls import output_file
from reform_archive.writer import Writer

__all__ = ["render_pages"]


def render_pages(
    site: Site,
    related: Mapping[str, tuple[Article, ...]],
    renderer: Renderer,
    t: Translate,
    writer: Writer,
    outputs: Outputs,
    reuse: Reuse,
    ledger: LedgerBuilder,
    jobs: int,
    identity: Callable[[Article], str],
    report: Progress,
    texts: Mapping[str, bytes] | None = None,
) -> None:
    """Every planned page, rendered (in worker processes when there are many) or, when its
    recipe and templates are what the previous build rendered, kept as it is: then its
    view data is never made. ``texts``: the content files by path: then the pages are
    the articles' redirects (aliases), and a problem with one is on its line."""
    report("pages", 0, 0)
    outputs.sources = {a.path: a for a in site.articles}
    specs = plan_aliases(site, t) if texts is not None else plan_pages(site, t, related)
    with PagePool[tuple[PageSpec, str, bytes]](renderer, site.settings.base_url, jobs) as pool:

        def planned() -> Iterator[tuple[tuple[PageSpec, str, bytes], RenderedPage | None]]:
            for spec in specs:
                file = output_file(spec.path)
                if not outputs.claim(file, *claimant(spec, texts)):
                    continue
                stamp = recipe_stamp(spec.template, spec.make, spec.inputs, identity)
                # redirects link to their target and the 404 page root-relatively: not checked
                job = (
                    None
                    if reuse.keepable(file, stamp)
                    else PageJob(
                        spec.path,
                        spec.template,
                        pickle.dumps(spec.context, protocol=pickle.HIGHEST_PROTOCOL),
                        spec.template not in ("alias.html", "404.html"),
                    )
                )
                yield from pool.put((spec, file, stamp), job)
            yield from pool.drain()

        for count, ((spec, file, stamp), rendered) in enumerate(planned(), start=1):
            if rendered is None:
                writer.keep(file)
                numbers = ledger.keep(file, stamp)
                outputs.kept += 1
            elif rendered.html is None:
                assert rendered.problem is not None  # the renderer gives one or the other
                if rendered.problem not in outputs.problems[-1:]:  # a template's fault is said once, not per page
                    outputs.problems.append(rendered.problem)
                continue
            else:
                writer.write(file, rendered.html)
                numbers = ledger.add(file, stamp, rendered.links)
            outputs.linking.append(LinkingPage(spec.path, spec.source, numbers))
            outputs.pages += 1
            if spec.sitemap:
                outputs.sitemap.append((spec.path, spec.lastmod))
            if count % 200 == 0:
                report("pages", count, 0)  # the number of pages is known only at the end

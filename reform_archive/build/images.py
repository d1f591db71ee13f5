"""The build's pictures: found in static/, learnt, checked, and their renditions written.

Three moments of the build (``build/steps.py``):

1. Before the render environment is digested: site.toml's ``image`` (every page's link
   preview shows its size, so its content is part of the environment).
2. After the articles are prepared, before the model: the cover of every published article,
   and the pictures of this site its body shows. Each file is read and hashed; what Pillow
   learns of it (size as shown, transparency) is cached by that hash, so an unchanged
   picture is never decoded again. A cover that is not in static/ or cannot be read is an
   error on the line of its ``image``. A body's pictures get their ``width`` and ``height``.
3. With the other outputs: each rendition (:mod:`reform_archive.site.pictures`) is kept from
   the last build's folder when its stamp there is the same, else taken from the cache
   (by the original's hash, the width and the format, and this program), else encoded
   (:mod:`reform_archive.imaging`, in worker processes when there are several) and cached.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reform_archive.config import CONFIG_FILE, Settings
from reform_archive.errors import ContentError, Problem, error
from reform_archive.imaging import ENCODER_SETTINGS, SVG_SUFFIX, ImageFault, content_digest, image_facts
from reform_archive.incremental.cache import BuildCache, cache_key
from reform_archive.incremental.keys import stamp
from reform_archive.incremental.reuse import LedgerBuilder, Reuse
from reform_archive.parallel.pictures import Task, encode_all
from reform_archive.site.model import Selection, is_published
from reform_archive.site.pictures import ImageFacts, Picture, Rendition, plan_picture
from reform_archive.source.markup import image_sources, with_image_sizes
from reform_archive.source.prepare import PreparedArticle
from reform_archive.writer import Writer

__all__ = ["FoundPictures", "Learnt", "find_pictures", "learn_picture", "share_picture", "write_renditions"]

Learnt = tuple[ImageFacts | None, str]  # what Pillow found, or why it could not ("" when found)


def learn_picture(file: Path, store: BuildCache, digest: str | None = None) -> Learnt:
    """A local picture's facts, from the cache by its content when it was seen before.
    ``digest``: its SHA-256 when the build hashed the file already (then it is read only when new)."""
    svg = file.name.lower().endswith(SVG_SUFFIX)
    if digest is not None and isinstance(known := store.get(cache_key("image facts", digest, str(svg))), tuple):
        return known
    try:
        data = file.read_bytes()
    except OSError as fault:
        return None, f"cannot read it: {fault.strerror}"
    key = cache_key("image facts", content_digest(data), str(svg))
    known = store.get(key)
    if isinstance(known, tuple) and len(known) == 2:
        return known
    try:
        learnt: Learnt = image_facts(data, file.name), ""
    except ImageFault as fault:
        learnt = None, str(fault)
    store.put(key, pickle.dumps(learnt, protocol=pickle.HIGHEST_PROTOCOL))
    return learnt


def _named(src: str, file: Path | None, learnt: Learnt | None) -> str:
    """Why the picture at ``src`` cannot be shown ("" when it can)."""
    if file is None:
        hint = (
            f" (paths are inside static/ already: write {src.removeprefix('static/')})"
            if src.startswith("static/")
            else ""
        )
        return f"the picture static/{src} does not exist{hint}"
    if learnt is not None and learnt[0] is None:
        return f"static/{src} is {learnt[1]}" if learnt[1].startswith("not ") else f"static/{src}: {learnt[1]}"
    return ""


def share_picture(
    settings: Settings, static: Mapping[str, Path], store: BuildCache, problems: list[Problem]
) -> Picture | None:
    """site.toml's ``image``, when it is a file in static/ (a URL needs nothing of the build);
    when it cannot be shown, None and a problem on its line added to ``problems``."""
    src = settings.image
    if not src or src.startswith("https://"):
        return None
    file = static.get(src)
    learnt = learn_picture(file, store) if file is not None else None
    fault = _named(src, file, learnt)
    if fault or learnt is None or learnt[0] is None:
        problems.append(error(str(settings.site_dir / CONFIG_FILE), settings.image_line, f"'image': {fault}"))
        return None
    return replace(plan_picture(src, learnt[0]), webp=(), fallback=())  # a link preview needs only its JPEG


@dataclass(frozen=True)
class FoundPictures:
    pictures: Mapping[str, Picture]  # every local picture shown, by its path inside static/
    files: Mapping[str, Path]  # original's digest -> its file
    problems: tuple[Problem, ...] = ()
    # article path -> the digests of the pictures it shows: part of its identity, so its pages
    # are made again when one of them changes (their sizes and addresses do)
    shown: Mapping[str, str] = field(default_factory=dict)
    html: Mapping[str, str] = field(default_factory=dict)  # article path -> its HTML with body pictures sized

    def identity(self, path: str) -> str:
        return self.shown.get(path, "")

    def html_of(self, prepared: Sequence[PreparedArticle]) -> dict[str, str]:
        """Each article's HTML by path, its body's pictures sized."""
        return {article.path: self.html.get(article.path, article.html) for article in prepared}


def find_pictures(
    settings: Settings,
    static: Mapping[str, Path],
    prepared: Sequence[PreparedArticle],
    selection: Selection,
    store: BuildCache,
    share: Picture | None,
    hashed: Mapping[str, str] | None = None,
) -> FoundPictures:
    """The pictures of the published articles (covers and their bodies' pictures of this site).
    ``hashed``: files' SHA-256 by path, as the build's inputs digest found them."""
    covers: dict[str, list[tuple[str, int]]] = {}  # src -> (article, line of 'image') naming it
    bodies: dict[str, tuple[str, ...]] = {}
    for article in prepared:
        source = article.source
        if source is None or not is_published(source, selection):
            continue
        if source.cover is not None and not source.cover.remote:
            covers.setdefault(source.cover.src, []).append((article.path, source.cover.line))
        if found := image_sources(article.html, settings.base_path):
            bodies[article.path] = found
    learnt: dict[str, Learnt] = {}
    problems = []
    for src in sorted({*covers, *(src for srcs in bodies.values() for src in srcs)}):
        file = static.get(src)
        if file is not None:
            learnt[src] = learn_picture(file, store, (hashed or {}).get(str(file)))
        if src in covers and (fault := _named(src, file, learnt.get(src))):
            problems += [error(path, line, f"'image': {fault}") for path, line in covers[src]]
    pictures = {share.src: share} if share is not None else {}
    for src, (facts, _) in learnt.items():
        if facts is not None:  # renditions are made of covers; a body's pictures lend their size only
            planned = plan_picture(src, facts)
            pictures[src] = (
                planned if src in covers else pictures.get(src, replace(planned, webp=(), fallback=(), share=None))
            )
    files = {picture.digest: static[src] for src, picture in pictures.items()}
    sizes = {src: (p.width, p.height) for src, p in pictures.items() if p.width}
    shown: dict[str, str] = {}
    for article in prepared:
        source = article.source
        srcs = (
            *((source.cover.src,) if source and source.cover and not source.cover.remote else ()),
            *bodies.get(article.path, ()),
        )
        if digests := [pictures[src].digest for src in srcs if src in pictures]:
            shown[article.path] = "\0".join(digests)
    html = {
        path: with_image_sizes(article.html, settings.base_path, sizes)
        for article in prepared
        if (path := article.path) in bodies
    }
    return FoundPictures(pictures, files, tuple(problems), shown, html)


def _original(file: Path, digest: str) -> bytes:
    """The bytes learnt as ``digest``: a file changed since would be cached under another's name."""
    try:
        data = file.read_bytes()
    except OSError as fault:
        raise ContentError([error(str(file), 0, f"cannot read it: {fault.strerror}")]) from None
    if content_digest(data) != digest:
        raise ContentError([error(str(file), 0, "changed while the build ran: build again")])
    return data


def _key(picture: Picture, rendition: Rendition) -> str:
    return cache_key(
        "rendition",
        picture.digest,
        str(rendition.width),
        str(rendition.height),
        rendition.format,
        repr(ENCODER_SETTINGS[rendition.format]),
    )


def write_renditions(
    found: FoundPictures,
    writer: Writer,
    claim: Callable[[str], bool],
    reuse: Reuse,
    ledger: LedgerBuilder,
    store: BuildCache,
    jobs: int,
) -> int:
    """Every rendition of the pictures shown, kept, from the cache or encoded; returns how
    many were kept."""
    missing: dict[str, list[tuple[Rendition, str]]] = {}  # digest -> what to encode of it
    done: set[str] = set()  # two copies of one picture have the same renditions: made once
    kept = 0
    for picture in sorted(found.pictures.values(), key=lambda p: p.src):
        for rendition in picture.renditions:
            if rendition.path in done or not claim(rendition.path):
                continue
            done.add(rendition.path)
            key = _key(picture, rendition)
            ledger.add(rendition.path, stamp("rendition", key), [])
            if reuse.keepable(rendition.path, stamp("rendition", key)):
                store.still_used(key)  # not read, but wanted: the next build may need it from the cache
                writer.keep(rendition.path)
                kept += 1
                continue
            cached = store.get_bytes(key)
            if cached is not None:
                writer.write(rendition.path, bytes(cached))
            else:
                missing.setdefault(picture.digest, []).append((rendition, key))
    digests = list(missing)

    def tasks() -> Iterator[Task]:  # read as workers become free
        for digest in digests:
            yield _original(found.files[digest], digest), [(r.width, r.height, r.format) for r, _ in missing[digest]]

    for digest, made in zip(digests, encode_all(tasks(), len(digests), jobs), strict=True):
        for (rendition, key), data in zip(missing[digest], made, strict=True):
            store.put(key, data)
            writer.write(rendition.path, data)
    store.prune()
    return kept

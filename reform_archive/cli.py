"""The command line: a thin layer that loads settings and calls the pipeline."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import click

from reform_archive import __version__
from reform_archive.build import BuildOptions, BuildProfile, BuildResult, build_site, profile_build
from reform_archive.cli_messages import environment_language, say, step_name
from reform_archive.config import Settings, load_settings
from reform_archive.errors import BuildError, InputFault, Problem
from reform_archive.progress import StepTimer, progress_reporter
from reform_archive.scaffold import create_site
from reform_archive.text.vietnamese import slugify
from reform_archive.writer import DiskWriter, MemoryWriter, UnsafeOutputError

__all__ = [
    "DEBUG_VARIABLE",
    "Terminated",
    "build",
    "check",
    "cli",
    "import_",
    "init",
    "main",
    "new",
    "serve",
    "site_option",
]

_Done = TypeVar("_Done")
_spoken = {"language": "en"}  # the running command's: the environment's until it has found its site


def _say(name: str, **fields: object) -> str:
    return say(_spoken["language"], name, **fields)


def _speak_for(site_dir: Path) -> Settings | None:
    """Speak the site's ``language`` from here on, and give the settings read for it (the
    command uses them rather than reading site.toml again); the environment's language, and
    None, when its site.toml is missing or broken (the command's own loading then reports
    that, in these words)."""
    try:
        settings = load_settings(site_dir)
    except Exception:  # noqa: BLE001 - choosing the words never fails a command
        _spoken["language"] = environment_language()
        return None
    _spoken["language"] = settings.language
    return settings


site_option = click.option(
    "--site",
    "site_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The site folder (holds site.toml and content/).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="reform-archive")
@click.option("--debug", is_flag=True, help="On an internal error, show the Python traceback.")
def cli(debug: bool) -> None:
    """Build static news-archive sites from front-matter Markdown."""
    _spoken["language"] = environment_language()
    if debug:
        os.environ[DEBUG_VARIABLE] = "1"


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Lưu trữ tin cải cách hành chính", show_default=True)
@click.option("--base-url", default="http://localhost:8000/", show_default=True)
def init(directory: Path, title: str, base_url: str) -> None:
    """Create a new site in DIRECTORY: site.toml, content/ and templates/."""
    try:
        created = create_site(directory, title, base_url)
    except FileExistsError:
        raise click.ClickException(_say("site_exists", path=directory / "site.toml")) from None
    for path in created:
        click.echo(_say("created", path=path))


@cli.command()
@click.argument("title")
@site_option
@click.option("--slug", help="The article's address part [default: made from the title].")
def new(title: str, site_dir: Path, slug: str | None) -> None:
    """Start a draft article titled TITLE in content/<year>/<slug>.md, dated now.

    The front matter comes from the site's archetypes/article.md when there is one (Jinja2,
    given title, date and slug), else from the built-in one. Remove `draft: true` to publish.
    """
    import jinja2

    from reform_archive.scaffold import ARCHETYPE, ARCHETYPE_FILE, new_article, new_article_path

    loaded = _speak_for(site_dir)
    try:
        settings = loaded or load_settings(site_dir)
    except BuildError as exc:
        _print_problems(exc.problems)
        sys.exit(exc.exit_code)
    address = slugify(slug or title)
    if not address:
        raise click.ClickException(_say("no_address"))
    when = datetime.now(settings.tz).replace(second=0, microsecond=0)
    path = site_dir / new_article_path(title, when, address)
    if path.exists():
        raise click.ClickException(_say("article_exists", path=path))
    archetype_path = site_dir / ARCHETYPE_FILE
    try:
        archetype = archetype_path.read_text(encoding="utf-8") if archetype_path.is_file() else ARCHETYPE
        text = new_article(title, when, address, archetype)
    except (OSError, UnicodeDecodeError, jinja2.TemplateError) as exc:
        where = f"{archetype_path}:{getattr(exc, 'lineno', None) or 1}"
        raise click.ClickException(_say("bad_archetype", where=where, detail=exc)) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(_say("created_draft", path=path))


def _settings(site_dir: Path, base_url: str | None, loaded: Settings | None = None) -> Settings:
    settings = loaded or load_settings(site_dir)
    return settings.with_base_url(base_url) if base_url else settings


def _print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _run(action: Callable[[], _Done]) -> _Done:
    try:
        return action()
    except BuildError as exc:
        _print_problems(exc.problems)
        errors = sum(1 for p in exc.problems if p.level == "error")
        click.echo(f"reform-archive: {_say('errors', errors=errors)}", err=True)
        sys.exit(exc.exit_code)
    except UnsafeOutputError as exc:
        click.echo(f"reform-archive: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:  # the system refused: a full disk, a folder made read-only, a file locked
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(f"reform-archive: {_say('cannot_write', reason=exc.strerror or exc, where=where)}", err=True)
        sys.exit(4)


@cli.command()
@site_option
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the site [default: SITE/output].",
)
@click.option("--base-url", help="Override site.toml's base_url, e.g. https://example.org/luu-tru/.")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--future", is_flag=True, help="Include articles dated in the future.")
@click.option("--strict", is_flag=True, help="Treat warnings (missing summary, broken links) as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
@click.option(
    "--jobs", "-j", type=click.IntRange(1), help="Worker processes for parsing and rendering [default: one per core]."
)
@click.option("--no-cache", is_flag=True, help="Ignore SITE/.cache/ and prepare every article again.")
@click.option("--profile", is_flag=True, help="Print where the time went, step by step.")
@click.option(
    "--precompress",
    is_flag=True,
    help="Also write a .gz copy of every text file over 1 KB, for nginx gzip_static and the like.",
)
def build(
    site_dir: Path,
    output_dir: Path | None,
    base_url: str | None,
    drafts: bool,
    future: bool,
    strict: bool,
    quiet: bool,
    jobs: int | None,
    no_cache: bool,
    profile: bool,
    precompress: bool,
) -> None:
    """Build the site into the output folder (swapped in only when the build succeeds)."""
    timer: StepTimer | None = None
    loaded = _speak_for(site_dir)
    language = _spoken["language"]

    def action() -> tuple[BuildResult, BuildProfile]:
        nonlocal timer
        settings = _settings(site_dir, base_url, loaded)
        writer = DiskWriter(output_dir or site_dir / "output", site_dir, precompress)
        try:  # a signal may come before the build's own clean-up is in place: the staging folder goes
            options = BuildOptions(drafts, future, strict, cache=not no_cache, jobs=jobs)
            with progress_reporter(enabled=not quiet, language=language) as progress:
                timer = StepTimer(progress) if profile else None
                return profile_build(settings, options, writer, timer or progress)
        except BaseException:
            writer.abort()
            raise

    result, how = _run(action)
    _print_problems(result.warnings)
    output = output_dir or site_dir / "output"
    if not quiet and result.unchanged:
        click.echo(_say("unchanged", output=output, articles=result.articles, pages=result.pages))
    elif not quiet:
        click.echo(_say("built", articles=result.articles, pages=result.pages, files=len(result.files), output=output))
    if timer is not None:
        _print_profile(timer, result, how)


def _print_profile(timer: StepTimer, result: BuildResult, how: BuildProfile) -> None:
    stats = how.cache
    notes = {
        "prepare": _say("profile_prepare", hits=stats.hits, prepared=stats.misses + stats.rejected)
        + (_say("profile_rejected", rejected=stats.rejected) if stats.rejected else ""),
        "load": _say("profile_unchanged") if result.unchanged else "",
        "pages": _say("profile_kept", kept=how.kept) if how.kept else "",
        "search": _say("profile_search", seconds=how.search_alongside) if how.search_alongside else "",
    }
    rows = timer.table()
    total = rows[-1][1] or 1.0
    click.echo(_say("profile_header"), err=True)
    for step, seconds in rows:
        name, note = step_name(step, _spoken["language"]), notes.get(step, "")
        click.echo(f"{name:<10} {seconds:8.3f}  {seconds / total:5.0%}  {note}".rstrip(), err=True)


@cli.command()
@site_option
@click.option("--drafts", is_flag=True, help="Check drafts too.")
@click.option("--future", is_flag=True, help="Check future-dated articles too.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(site_dir: Path, drafts: bool, future: bool, strict: bool) -> None:
    """Validate config, content and internal links without writing anything."""
    loaded = _speak_for(site_dir)
    result = _run(
        lambda: build_site(_settings(site_dir, None, loaded), BuildOptions(drafts, future, strict), MemoryWriter())
    )
    _print_problems(result.warnings)
    warnings = sum(1 for problem in result.warnings if problem.level == "warning")
    notes = len(result.warnings) - warnings  # spellings the build understood ("TP.HCM"): said, never counted as faults
    click.echo(
        _say("checked", articles=result.articles, pages=result.pages, warnings=warnings)
        + (_say("checked_notes", notes=notes) if notes else "")
    )


@cli.command()
@site_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback lets others on the network read the preview.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port to listen on [default: 8000, or the next free one]; 0 picks any free port.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the default browser.")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--future", is_flag=True, help="Include articles dated in the future.")
def serve(site_dir: Path, host: str, port: int | None, open_browser: bool, drafts: bool, future: bool) -> None:
    """Build the site into memory and serve it, rebuilding and reloading open pages on every edit.

    Nothing is written to output/. A failed rebuild keeps the last good site and shows its
    problems over the page until the next build succeeds. Ctrl-C stops it.
    """
    from reform_archive.serve import Preview, ServeError, serve_until_interrupted

    _speak_for(site_dir)
    language = _spoken["language"]
    if not (site_dir / "site.toml").is_file():  # nothing to watch: a mistyped --site, not a broken site
        click.echo(f"reform-archive: {_say('not_a_site', path=site_dir)}", err=True)
        sys.exit(1)

    def echo(message: str, err: bool = False) -> None:
        click.echo(message, err=err)

    preview = Preview(
        site_dir, host, 8000 if port is None else port, port is not None, BuildOptions(drafts, future), echo, language
    )
    try:
        serve_until_interrupted(preview, open_browser)
    except ServeError as exc:
        click.echo(f"reform-archive: {exc}", err=True)
        sys.exit(1)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True)
@site_option
@click.option("--url", help="The address the page was copied from (one file only): source.url, and a date hint.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option("--force", is_flag=True, help="Overwrite articles that were edited by hand since their import.")
@click.option(
    "--report",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="How to print the per-file summary.",
)
@click.option("--jobs", "-j", type=click.IntRange(1), help="Worker processes reading pages [default: one per core].")
def import_(
    paths: tuple[str, ...], site_dir: Path, url: str | None, dry_run: bool, force: bool, report: str, jobs: int | None
) -> None:
    """Import raw page text (files, folders or globs) into content/<year>/<slug>.md.

    The raw bytes are kept under content/_raw/. Importing the same file again changes
    nothing; articles edited by hand are kept unless --force is given.
    """
    # imported here: the importer compiles its place-name tables, which build and check never need
    from reform_archive.importer.files import run_import
    from reform_archive.importer.report import print_reports

    _speak_for(site_dir)
    language = _spoken["language"]
    if url and len(paths) != 1:
        raise click.UsageError(_say("url_one_file"))
    reports = run_import(list(paths), site_dir, url or "", dry_run, force, jobs)
    sys.exit(print_reports(reports, report, dry_run, language))


def main() -> None:
    """The one boundary every command runs inside: a problem with the input is a message
    and an exit code where it is found; anything else that escapes is a bug, told as one
    line and exit code 3, never a traceback (``--debug`` or REFORM_ARCHIVE_DEBUG=1 show it).
    SIGTERM stops a command the way Ctrl-C does: the build in progress is abandoned, the
    output folder left as it was, and the exit code says which signal it was."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli(prog_name="reform-archive", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Terminated:
        click.echo(f"reform-archive: {_say('terminated')}", err=True)
        sys.exit(128 + signal.SIGTERM)
    except (KeyboardInterrupt, click.exceptions.Abort):  # Ctrl-C, in a command or at a click prompt
        click.echo(f"reform-archive: {_say('interrupted')}", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(141)  # the reader of our output went away (| head): nothing to say to it
    except Exception as exc:  # noqa: BLE001 - the boundary: everything else is a bug
        _internal_error(exc)


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that every ``finally`` and abort runs."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


DEBUG_VARIABLE = "REFORM_ARCHIVE_DEBUG"


def _internal_error(exc: BaseException) -> None:
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(exc)
    if isinstance(exc, InputFault):
        said = _say("internal_reading", path=exc.path, detail=exc.detail)
    else:
        said = _say("internal", kind=type(exc).__name__, detail=exc)
    click.echo(f"reform-archive: {said}", err=True)
    click.echo(_say("bug"), err=True)
    sys.exit(3)

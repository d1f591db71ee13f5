"""The import summary: a table for people, JSON for scripts, problems as path:line.

The table speaks the site's language (:mod:`reform_archive.cli_messages`); the JSON keeps
its machine words ("imported", "duplicate", …) in every language, and the problem lines
their English level words."""

from __future__ import annotations

import dataclasses
import json

import click

from reform_archive.cli_messages import say
from reform_archive.importer.files import SUCCESS, FileReport

__all__ = ["print_reports"]

_STATUSES = ("imported", "updated", "unchanged", "kept", "duplicate", "failed")  # in the summary's order
_HEADINGS = ("file", "result", "output", "date", "warnings", "title")


def print_reports(reports: list[FileReport], style: str, dry_run: bool, language: str = "en") -> int:
    """Print the summary; return the exit code (1 when nothing could be imported).
    ``language``: the table's words ("vi" or "en")."""
    for report in reports:
        if report.error:
            click.echo(f"{report.source}:{report.error_line}: {report.error}", err=True)
        for warning in report.warnings:
            in_output = report.output and report.status != "duplicate" and not warning.in_source
            where = report.output if in_output else report.source
            click.echo(f"{where}:{warning.line}: warning: {warning.message}", err=True)
    if style == "json":
        click.echo(
            json.dumps(
                {"dry_run": dry_run, "files": [dataclasses.asdict(r) for r in reports]}, ensure_ascii=False, indent=2
            )
        )
    else:
        _table(reports, dry_run, language)
    return 0 if any(r.status in SUCCESS for r in reports) else 1


_TITLE_WIDTH = 60  # a longer title is cut with "…" in the table; the JSON report has it whole


def _table(reports: list[FileReport], dry_run: bool, language: str) -> None:
    """One line per page, in aligned columns. Written as plain text: a rich table renders at
    about a millisecond a row, seconds for an archive-sized import."""
    # the content file is where the article is (or, in a dry run, would be) written
    words = {status: say(language, f"status_{status}") for status in _STATUSES}
    rows = [tuple(say(language, f"heading_{heading}") for heading in _HEADINGS)]
    for report in reports:
        date = report.date + (
            f" ({_precision(report.date_precision, language)})" if report.date_precision not in ("", "day") else ""
        )
        title = report.title if len(report.title) <= _TITLE_WIDTH else report.title[: _TITLE_WIDTH - 1] + "…"
        rows.append(
            (
                report.source + (f" ({report.origin})" if report.origin else ""),
                words[report.status],
                report.output,
                date,
                str(len(report.warnings)) if report.warnings else "",
                title,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [say(language, "dry_run")] if dry_run else []
    for row in rows:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)) + "  " + row[5])
    counts = {status: sum(1 for r in reports if r.status == status) for status in _STATUSES}
    lines.append(
        ", ".join(f"{count} {words[status]}" for status, count in counts.items() if count)
        + (say(language, "dry_run_tail") if dry_run else "")
    )
    click.echo("\n".join(line.rstrip() for line in lines))


def _precision(precision: str, language: str) -> str:
    """How much of a date the page gave: "month", "quarter" or "year" (as written when unknown)."""
    return say(language, f"precision_{precision}") if precision in ("month", "quarter", "year") else precision

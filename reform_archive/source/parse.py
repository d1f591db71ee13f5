"""One content file's text -> a validated :class:`SourceArticle` (pure, no I/O).

Front matter is split by python-frontmatter and composed by PyYAML so that every key
keeps its line: problems point at the line an editor has to fix. A key is one this reads,
one the importer writes for templates or one under ``extra:``; any other is a warning
(:mod:`reform_archive.source.keys`).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import frontmatter
import yaml

from reform_archive.config import NOT_XML, describe_characters
from reform_archive.errors import Problem, error, warning
from reform_archive.source.article import SourceArticle
from reform_archive.source.documents import normalise_document as normalise_document  # its old home, for callers
from reform_archive.source.fields import FieldReader
from reform_archive.source.messages import say
from reform_archive.source.yaml_errors import compose
from reform_archive.text.term_names import TermNames, term_names
from reform_archive.text.vietnamese import nfc

__all__ = ["parse_article"]

_FRONT_MATTER_HANDLER = frontmatter.default_handlers.YAMLHandler()


def parse_article(
    text: str, path: str, tz: ZoneInfo, language: str = "en", names: TermNames | None = None
) -> tuple[SourceArticle | None, list[Problem]]:
    """``language`` is the site's (vi or en): the words of the problems about front matter.
    ``names``: the site's aliases (:func:`reform_archive.text.term_names.term_names`)."""
    text = nfc(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    if not _FRONT_MATTER_HANDLER.detect(text):
        first = text.split("\n", 1)[0].strip()
        shape = (
            "toml_front_matter"
            if first == "+++"
            else "json_front_matter"
            if first.startswith("{")
            else "no_front_matter"
        )
        return None, [error(path, 1, say(language, shape))]
    try:
        front, body = _FRONT_MATTER_HANDLER.split(text)
    except ValueError:
        return None, [error(path, 1, say(language, "not_closed"))]
    body_start = len(text) - len(body)  # the body is the text after the closing '---'
    if body.startswith("\n"):
        body, body_start = body[1:], body_start + 1
    body_line = text.count("\n", 0, body_start) + 1

    composed = compose(front, text.count("\n", 0, text.find(front)) + 1, path, language)
    node, lines, problems = composed.node, composed.lines, list(composed.problems)
    if node is None:
        return None, problems
    if not isinstance(node, yaml.MappingNode):
        return None, problems + [error(path, lines.at(node.start_mark.index), say(language, "not_mapping"))]
    body, body_problems = _without_non_xml(body, path, body_line)
    article, found = FieldReader(path, node, lines, language, names or term_names()).read(body, body_line, tz)
    if problems:  # read from corrected YAML: its other problems are reported too, never the article
        taken = {problem.line for problem in problems}
        return None, problems + [problem for problem in found if problem.line not in taken] + body_problems
    return article, found + body_problems


def _without_non_xml(body: str, path: str, first_line: int) -> tuple[str, list[Problem]]:
    """Characters XML 1.0 does not allow would make the feeds not well-formed: removed, with
    a warning on the line of the first."""
    found = NOT_XML.search(body)
    if found is None:
        return body, []
    line = first_line + body.count("\n", 0, found.start())
    removed = "".join(dict.fromkeys(NOT_XML.findall(body)))
    return NOT_XML.sub("", body), [
        warning(path, line, f"the body holds {describe_characters(removed)}, which XML does not allow: removed")
    ]

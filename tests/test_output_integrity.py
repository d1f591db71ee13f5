"""What a build writes is whole and well-formed whatever the content.

- No step grows with the square of one article's terms (each term's feed and page used to
  repeat every term of the article).
- Every output path is claimed once, files and folders alike, so `check` (in memory)
  reports every collision a build on disk would hit, on the alias's own line.
- Feeds and sitemaps parse as XML, and search files as JSON, whatever the text.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from conftest import NOW, build_to_disk, build_to_memory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitemaker import article, make_site

from reform_archive.build import BuildOptions, build_site
from reform_archive.config import load_settings
from reform_archive.errors import ContentError
from reform_archive.publish.feeds import EPOCH, FeedSpec, atom_feed
from reform_archive.publish.sitemap import plan_sitemaps
from reform_archive.search.vendor import LUNR_SCRIPT
from reform_archive.site.model import Selection, build_model
from reform_archive.source.parse import parse_article
from reform_archive.writer import MemoryWriter


def relative(problems, site: Path) -> list[str]:
    return [str(p).replace(f"{site}/", "") for p in problems]


# --- 1. many terms on one article ------------------------------------------------------


def _many_terms(root: Path, taxonomy: str, count: int) -> Path:
    terms = [f"Thẻ số {i}" for i in range(count)]
    return make_site(
        root,
        {
            "a.md": article("Bài nhiều thẻ", "2024-03-01", **{taxonomy: terms}),
            "b.md": article("Bài khác", "2024-03-02", **{taxonomy: terms[:3]}),
        },
    )


def _size(files: dict[str, bytes]) -> int:
    return sum(len(data) for data in files.values())


@pytest.mark.parametrize("taxonomy", ["tags", "topics", "provinces", "authors"])
def test_output_grows_linearly_with_the_terms_of_one_article(tmp_path, taxonomy):
    """Twice the terms, about twice the bytes (four times when every term's feed or page
    repeats all of them)."""
    small = _size(build_to_memory(_many_terms(tmp_path / "small", taxonomy, 300)))
    large = _size(build_to_memory(_many_terms(tmp_path / "large", taxonomy, 600)))
    assert large / small < 2.5, (small, large)


def test_an_article_with_thousands_of_tags_builds_in_seconds(tmp_path):
    """5,000 tags took a minute when feeds were quadratic; a few seconds now."""
    site = _many_terms(tmp_path, "tags", 5000)
    started = time.perf_counter()
    files = build_to_memory(site, cache=False)
    seconds = time.perf_counter() - started
    assert "tags/the-so-4999/feed.xml" in files and "tags/the-so-4999/index.html" in files
    assert seconds < 25, f"{seconds:.1f} s"


def test_a_feed_entry_names_the_feeds_own_term_even_past_the_cap(tmp_path):
    site = _many_terms(tmp_path, "tags", 300)
    files = build_to_memory(site)
    feed = ET.fromstring(files["tags/the-so-299/feed.xml"])
    atom = "{http://www.w3.org/2005/Atom}"
    [entry] = feed.findall(f"{atom}entry")
    terms = [c.get("term") for c in entry.findall(f"{atom}category")]
    assert "Thẻ số 299" in terms and len(terms) < 300


# --- 2. every output path claimed once -------------------------------------------------

ALIAS_LINE = 7


def _with_alias(root: Path, alias: str, static: dict[str, bytes] | None = None) -> Path:
    text = (
        "---\ntitle: Bài A\ndate: 2024-03-01\ntags: [Thẻ A]\naliases:\n  - /cu/bai-a/\n"
        f"  - {json.dumps(alias)}\nsummary: Tóm tắt.\n---\nNội dung.\n"
    )
    site = make_site(root, {"a.md": text, "b.md": article("Bài B", "2024-03-02", tags=["Thẻ A"])})
    for name, data in (static or {}).items():
        path = site / "static" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site


ONTO_OUTPUTS = [
    "/feed.xml",
    "/robots.txt",
    "/sitemap.xml",
    "/404.html",
    "/index.html",
    "/search/manifest.json",
    "/assets/style.css",
    "/assets/search/engine.js",
    f"/{LUNR_SCRIPT}",
    "/tu-site.txt",
    "/tags/the-a/",
    "/tags/the-a/index.html",
    "/tags/the-a/index.html/",
    "/tags/the-a/feed.xml",
    "/tags/",
    "/2024/03/index.html/",
    "/2024/",
    "/2024/03/bai-b/index.html/",
    "/feed.xml/cu/",
    "/robots.txt/cu.html",
    "/assets/style.css/cu/",
    "/cu/bai-a/index.html/",
]


@pytest.mark.parametrize("alias", ONTO_OUTPUTS)
def test_an_alias_onto_any_output_is_an_error_on_its_line_in_check_and_build(tmp_path, alias):
    site = _with_alias(tmp_path / "site", alias, {"tu-site.txt": b"static\n"})
    with pytest.raises(ContentError) as checked:
        build_to_memory(site)
    [problem] = checked.value.problems
    assert relative([problem], site)[0].startswith(f"content/a.md:{ALIAS_LINE}: alias {alias}"), problem
    output = tmp_path / "output"
    with pytest.raises(ContentError) as built:
        build_to_disk(site, output)
    assert built.value.problems == checked.value.problems
    assert not output.exists()


def test_an_alias_onto_a_search_file_fails_cleanly_when_the_search_runs_alongside(tmp_path):
    """A rebuild splits the search index in a forked child that writes its own files: the
    alias must not be written where the child writes."""
    site = _with_alias(tmp_path / "site", "/cu/khac/")
    output = build_to_disk(site, tmp_path / "output", jobs=2)
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    a = site / "content" / "a.md"
    for alias in ("/search/manifest.json", "/search/manifest.json/cu/"):
        a.write_text(a.read_text(encoding="utf-8").replace('"/cu/khac/"', json.dumps(alias)), encoding="utf-8")
        with pytest.raises(ContentError) as caught:
            build_to_disk(site, output, jobs=2)
        assert relative(caught.value.problems, site)[0].startswith(f"content/a.md:{ALIAS_LINE}: alias {alias}")
        assert {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
        a.write_text(a.read_text(encoding="utf-8").replace(json.dumps(alias), '"/cu/khac/"'), encoding="utf-8")


def test_check_and_build_print_the_same_problems(tmp_path):
    site = _with_alias(tmp_path / "site", "/feed.xml")
    run = [sys.executable, "-m", "reform_archive"]
    checked = subprocess.run(run + ["check", "--site", str(site)], capture_output=True, text=True)
    built = subprocess.run(
        run + ["build", "--site", str(site), "--output", str(tmp_path / "out"), "-q"], capture_output=True, text=True
    )
    assert checked.returncode == built.returncode == 1, (checked.stderr, built.stderr)
    assert "Traceback" not in checked.stderr + built.stderr
    assert checked.stderr == built.stderr
    assert relative(checked.stderr.splitlines()[:1], site) == [
        f"content/a.md:{ALIAS_LINE}: alias /feed.xml would be written at feed.xml/index.html, "
        "but feed.xml is a file made by feeds"
    ]


def test_two_aliases_of_one_path_as_file_and_folder_collide(tmp_path):
    site = _with_alias(tmp_path / "site", "/cu/bai-a/index.html/")
    with pytest.raises(ContentError) as caught:
        build_to_memory(site)
    assert relative(caught.value.problems, site) == [
        f"content/a.md:{ALIAS_LINE}: alias /cu/bai-a/index.html/ would be written at cu/bai-a/index.html/index.html, "
        "but cu/bai-a/index.html is a file made by content/a.md (alias /cu/bai-a/)"
    ]


@pytest.mark.parametrize(
    "name, message",
    [
        ("2024", "static file 2024 would be a file where a folder holds 2024/03/bai-b/index.html"),
        (
            "feed.xml/cu.txt",
            "static file feed.xml/cu.txt needs a folder feed.xml, but feed.xml is a file made by feeds",
        ),
        ("2024/03/bai-b/index.html", "output 2024/03/bai-b/index.html is also produced by"),
        ("tags/the-a/feed.xml/x", "needs a folder tags/the-a/feed.xml"),
        ("search/manifest.json", "output search/manifest.json is also produced by search index"),
        ("a\\b.txt", "cannot be written"),
    ],
)
def test_a_static_file_colliding_with_any_output_is_an_error_in_check_and_build(tmp_path, name, message):
    site = _with_alias(tmp_path / "site", "/cu/khac/", {name: b"x"})
    with pytest.raises(ContentError) as checked:
        build_to_memory(site)
    [problem] = checked.value.problems
    assert problem.path == str(site / "static" / name) and message in problem.message, problem
    output = tmp_path / "output"
    with pytest.raises(ContentError) as built:
        build_to_disk(site, output)
    assert built.value.problems == checked.value.problems
    assert not output.exists()


@pytest.mark.parametrize(
    "name, other",
    [
        ("Logo.PNG", "logo.png"),  # letter case
        ("tai-lieu/Ảnh.txt", "tai-lieu/ảnh.txt"),  # case of a Vietnamese letter
        ("hoa\u0300.txt", "hoà.txt"),  # decomposed against composed: one name on macOS
        ("CU/BAI-A/index.html", None),  # against an alias's redirect page, cu/bai-a/index.html
    ],
)
def test_outputs_one_only_on_a_case_insensitive_disk_are_written_and_said(tmp_path, name, other):
    static = {name: b"x", **({other: b"y"} if other else {})}
    site = _with_alias(tmp_path / "site", "/cu/khac/", static)
    result = build_site(load_settings(site), BuildOptions(now=NOW), MemoryWriter())
    [said] = [w for w in result.warnings if "differ only in letter case" in w.message]
    assert said.level == "warning" and "macOS, Windows" in said.message
    assert (other or "cu/bai-a/index.html") in said.message or name in said.message
    assert {name, other or "cu/bai-a/index.html"} <= set(result.files)  # both written: Linux holds both


def test_a_name_too_long_for_a_disk_is_an_error_in_check_too(tmp_path):
    alias = "/" + "a" * 256 + "/"
    site = _with_alias(tmp_path / "site", alias)
    with pytest.raises(ContentError) as checked:
        build_to_memory(site)
    assert relative(checked.value.problems, site)[0].startswith(f"content/a.md:{ALIAS_LINE}: alias {alias}")
    with pytest.raises(ContentError) as built:
        build_to_disk(site, tmp_path / "output")
    assert built.value.problems == checked.value.problems


# --- 3. well-formed whatever the text --------------------------------------------------

# every code point YAML can carry (surrogates cannot be written in front matter); the
# tricky ones are drawn often
NASTY = [
    "]]>",
    "&",
    "<",
    ">",
    "&amp;",
    "<![CDATA[",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\ufffe",
    "\uffff",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\r",
    '"',
    "'",
    "\\",
    "\U0010ffff",
    "\U0001f600",
]
_char = st.one_of(st.sampled_from(NASTY), st.characters(blacklist_categories=("Cs",)))
TEXT = st.lists(_char, max_size=12).map("".join)
ANY_CHAR = st.one_of(st.sampled_from(NASTY + ["\ud800", "\udfff"]), st.characters())
ANY_TEXT = st.lists(ANY_CHAR, max_size=12).map("".join)


def _front_matter(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, width=10**9) + "---\n"


def _parse_outputs(files: dict[str, bytes]) -> int:
    parsed = 0
    for path, data in files.items():
        if path.endswith(".xml"):
            ET.fromstring(data)
            parsed += 1
        elif path.endswith(".json"):
            json.loads(data)
            parsed += 1
    return parsed


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, summary=TEXT, tags=st.lists(TEXT, max_size=4), authors=st.lists(TEXT, max_size=3), body=TEXT)
def test_feeds_sitemaps_and_json_parse_whatever_the_front_matter_says(
    tmp_path_factory, title, summary, tags, authors, body
):
    root = tmp_path_factory.mktemp("site")
    text = _front_matter(
        {
            "title": "Bài " + title,
            "date": "2024-03-01",
            "summary": summary,
            "tags": tags,
            "authors": authors,
            "topics": tags[:1],
            "provinces": authors[:1],
        }
    )
    site = make_site(
        root,
        {
            "a.md": text + "Đoạn " + body.replace("\x00", "") + "\n",
            "b.md": article("Bài B", "2024-03-02", tags=["Thẻ"]),
        },
    )
    writer = MemoryWriter()
    try:
        build_site(load_settings(site), BuildOptions(now=NOW, cache=False, jobs=1), writer)
    except ContentError as exc:  # front matter that is refused outright writes nothing
        # an error stops the build, reported with the warnings found beside it ("Bài B" is b.md's title too)
        assert any(p.level == "error" for p in exc.problems)
        assert not writer.files
        return
    feeds = [path for path in writer.files if path.endswith("feed.xml")]
    assert "feed.xml" in feeds and "sitemap.xml" in writer.files
    assert _parse_outputs(writer.files) >= len(feeds) + 2


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("small"), {"a.md": article("Bài A", "2024-03-01", tags=["Thẻ"])})
    settings = load_settings(root)
    source, _ = parse_article((root / "content" / "a.md").read_text(encoding="utf-8"), "a.md", settings.tz)
    site, _ = build_model([source], settings, Selection(now=NOW))
    return site


@settings(max_examples=200, deadline=None)
@given(title=ANY_TEXT, excerpt=ANY_TEXT, html=ANY_TEXT, names=st.lists(ANY_TEXT, max_size=3), heading=ANY_TEXT)
def test_an_atom_feed_parses_whatever_its_texts_hold(small_site, title, excerpt, html, names, heading):
    """The writer on its own: even characters XML 1.0 cannot carry (which front matter
    loses before the model) are left out, never written."""
    [original] = small_site.articles
    changed = replace(original, title=title, excerpt=excerpt, html=html, authors=tuple(names), tags=tuple(names))
    data = atom_feed(small_site, FeedSpec("tags/x/feed.xml", heading, (changed,), "tags/x/"), EPOCH)
    feed = ET.fromstring(data)
    entry = feed.find("{http://www.w3.org/2005/Atom}entry")
    assert entry is not None
    kept = "".join(
        c for c in title if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"
    )
    assert entry.findtext("{http://www.w3.org/2005/Atom}title") == kept.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=200, deadline=None)
@given(paths=st.lists(ANY_TEXT, max_size=5), lastmod=ANY_TEXT)
def test_a_sitemap_parses_whatever_its_paths_hold(paths, lastmod):
    entries = [(path, lastmod) for path in paths]
    for _, data in plan_sitemaps("https://example.org/lưu trữ/", entries, max_urls=2):
        root = ET.fromstring(data)
        locs = root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        assert all(loc.text and loc.text.isascii() for loc in locs)

"""Pelican anchor for benchmarks/build_speed.py.

The runner passes SITENAME, SITEURL, DEFAULT_PAGINATION, FEED_MAX_ITEMS and CACHE_PATH with
``-e`` (from the corpus's site.toml and a per-run temporary folder), and the content and
output folders on the command line. Layout follows our URLs so that the same pages exist:
articles at /YYYY/MM/slug/, lists paginated at .../page/N/, one folder per term.
"""

import logging

AUTHOR = "Ban Biên tập"
SITENAME = "Lưu trữ tin cải cách hành chính"
SITEURL = "http://127.0.0.1:8000"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
THEME = "simple"  # Pelican's built-in theme: no related posts, no prev/next, no sitemap (those need plugins)
PLUGINS = []
# Only the unused reStructuredText reader says this; it changes nothing for Markdown.
LOG_FILTER = [(logging.WARNING, "Docutils has no localization for '%s'. Using 'en' instead.")]

# Every build starts cold, as ours and Hugo's do in the benchmark.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_PATHS = [""]

# Ours: python-markdown with tables, footnotes, fenced_code, def_list, abbr, attr_list (all in
# "extra"), sane_lists and toc. Pelican's default adds codehilite, which ours does not run.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]

ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"

# Categories stand for our topics (first topic only: Pelican allows one category); tags hold
# the runner's merge of tags, provinces, documents, sources and the other topics.
CATEGORY_URL = "topics/{slug}/"
CATEGORY_SAVE_AS = "topics/{slug}/index.html"
CATEGORIES_SAVE_AS = "topics/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_SAVE_AS = "authors/index.html"

# Atom feeds with full content, for the site and for every term, like ours.
FEED_ALL_ATOM = "feed.xml"
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = "topics/{slug}/feed.xml"
TAG_FEED_ATOM = "tags/{slug}/feed.xml"
AUTHOR_FEED_ATOM = "authors/{slug}/feed.xml"
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20

"""Extending the theme without copying it (issue 23, item 6): hook templates a site drops into
templates/hooks/ (head, footer, end of body: analytics, extra CSS or JS) land on every page, and
one named block of a page can be replaced alone."""

from __future__ import annotations

import re

from conftest import build_to_disk, build_to_memory, tree
from sitemaker import article, make_site

ANALYTICS = '<script defer data-domain="example.org" src="/js/plausible.js"></script>'
HOOKS = {
    "hooks/head-end.html": f'<link rel="stylesheet" href="{{{{ url(\'assets/site.css\') }}}}">\n{ANALYTICS}\n',
    "hooks/body-end.html": "<script src=\"{{ url('assets/site.js') }}\"></script>\n",
    "hooks/footer.html": '<p class="site-contact">Đường dây nóng: 1022</p>\n',
}


def _articles():
    return {
        f"{n}.md": article(f"Bài {n} về một cửa", f"2024-03-0{i + 1}", topics=["một cửa"], provinces=["Huế"])
        for i, n in enumerate("abc")
    }


def _pages(files):
    return {path: data.decode() for path, data in files.items() if path.endswith(".html")}


def test_hooks_land_on_every_page_in_their_place(tmp_path):
    pages = _pages(build_to_memory(make_site(tmp_path, _articles(), templates=HOOKS)))
    assert len(pages) > 10
    for path, page in pages.items():
        if 'http-equiv="refresh"' in page:
            continue  # a redirect stub has no theme around it
        head, body = page.split("</head>", 1)
        assert ANALYTICS in head and 'href="/assets/site.css"' in head, path
        assert body.rstrip().endswith('<script src="/assets/site.js"></script>\n</body>\n</html>'.strip()), path
        footer = re.search(r'<footer class="site-footer">.*?</footer>', body, re.S)
        assert footer and "Đường dây nóng: 1022" in footer.group(), path


def test_without_hooks_nothing_is_added(tmp_path):
    pages = _pages(build_to_memory(make_site(tmp_path, _articles())))
    assert not any("site-contact" in page or "site.js" in page for page in pages.values())


def test_one_block_of_the_article_page_is_replaced_alone(tmp_path):
    meta_only = (
        '{% extends "theme:article.html" %}\n'
        '{% block article_meta %}<p class="meta byline">{{ article.date.display }}</p>{% endblock %}\n'
        "{% block share %}{% endblock %}\n"
    )
    plain = _pages(build_to_memory(make_site(tmp_path / "plain", _articles())))
    custom = _pages(build_to_memory(make_site(tmp_path / "custom", _articles(), templates={"article.html": meta_only})))
    page, before = custom["2024/03/bai-a-ve-mot-cua/index.html"], plain["2024/03/bai-a-ve-mot-cua/index.html"]
    assert '<p class="meta byline">' in page and "phút đọc" not in page and 'class="share"' not in page
    # everything else on the page is the theme's: the body, the footer, related articles
    for part in (r'<div class="prose">.*?</div>', r'<section class="related".*?</section>', r"<h1>.*?</h1>"):
        assert re.search(part, page, re.S).group() == re.search(part, before, re.S).group()


def test_a_hook_added_later_reaches_every_page_of_an_incremental_build(tmp_path):
    site = make_site(tmp_path / "site", _articles())
    output = build_to_disk(site, tmp_path / "out")
    hook = site / "templates" / "hooks" / "body-end.html"
    hook.parent.mkdir(parents=True)
    hook.write_text(HOOKS["hooks/body-end.html"], encoding="utf-8")
    build_to_disk(site, output)
    cold = build_to_disk(site, tmp_path / "cold", cache=False)
    assert tree(output) == tree(cold)
    assert "site.js" in (output / "index.html").read_text(encoding="utf-8")

"""The headline, chosen among the lines above the article (pure).

Above a page's lead sit the site's banner and slogan, a hotline, a font-size widget, a
visitor counter, a breadcrumb (sometimes glued to the headline), a section label, a
kicker, the headline, datelines and bylines. Every line there that is not a dateline is a
:class:`Candidate`, and so are a breadcrumb's last item, a line without its "[Tin tức]"
prefix, a scraper's "title:" field, the page's metadata title and a title made from the
lead. The features say what a headline looks like (its length and case, its words found
again in the article and the address, what sits next to it); :mod:`weights` says how much
each counts.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from reform_archive.importer import address_title, chrome, controls, metadata, normalise, slug, structure, weights
from reform_archive.importer.evidence import Candidate, PageLayout, choose
from reform_archive.importer.lines import DATE_FIELD, TRAILING_STAMP, glue_points
from reform_archive.importer.title import INFERRED_MAX_CHARS, infer_title, is_all_caps, looks_like_title, title_key
from reform_archive.text.vietnamese import fold

__all__ = ["choose_title", "title_candidates"]

_I = re.IGNORECASE
_SYLLABLE = re.compile(r"[^\W\d_]{2,}")
_CRUMBS = re.compile(r"\s*(?:[>»›→]|\s/\s|\|)\s*")
_PREFIX = re.compile(
    r"^(?:\[[^\]]{2,30}\]\s*|(?:tin tức|tin|thời sự|tin hoạt động|cải cách hành chính|cchc|"
    r"chuyển đổi số|tin cchc|tin nổi bật|sự kiện)\s*[-–—:|]\s+)(?=\S)",
    _I,
)
# "Tiêu đề: …", "title = …", a dump's "title": "…", or 'title': '…',
_FIELD = re.compile(r"^\W*(?:title|tiêu đề|tieu_de|headline|tên bài)[\"']?\s*[:=]\s*[\"'“]?(?=\S)", _I)
_FIELD_END = re.compile(r"[\"'”]?\s*,?\s*$")
_CHROME_WORDS = re.compile(
    r"cổng thông tin|trang thông tin|trang tin|chào mừng|đường dây nóng|hotline|cỡ chữ|xem cỡ|tương phản|"
    r"trang chủ|đăng nhập|đăng ký|liên hệ|sơ đồ|tiếng việt|english|tìm kiếm|thời tiết|đọc báo in|báo in|"
    r"cộng hòa xã hội|cộng hoà xã hội|độc lập\s*-\s*tự do|lượt xem|lượt truy cập|truy cập|hôm nay|"
    r"issn|giấy phép|bản quyền|điện thoại|email|website|fax|quảng cáo|video|podcast|e-?magazine|"
    r"rss|mục lục|số báo|menu|kết nối|theo dõi",
    _I,
)
_ORGANISATION = re.compile(
    r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd|hội đồng nhân dân|sở|ban|bộ|văn phòng|"
    r"trung tâm|đảng ủy|đảng bộ|huyện ủy|tỉnh ủy|thành ủy)\b",
    _I,
)
_PHONE = re.compile(r"\d{3,4}[ .]?\d{3}[ .]?\d{3,4}|\(\d{3,4}\)")
_URL_WORDS = re.compile(r"[a-z0-9]+")
_JOINING_WORD = re.compile(r"^(?:và|của|với|là|bởi|nhưng|hoặc|mà|thì|nên)\s", _I)
_CRUMB_MARK = re.compile(r"\S\s+[>»›→]\s+\S")
_TODAY = re.compile(r"hôm\s+nay|today", _I)
_KICKER = re.compile(
    r"^[\[(](?:ảnh|video|clip|infographics?|emagazine|e-magazine|longform|podcast|audio|"
    r"photo|megastory|trực tiếp|phóng sự ảnh|đồ họa)[\])]\s*",
    _I,
)
_SALUTATION = re.compile(r"^(?:kính\s+(?:thưa|gửi)|thưa|dear)\b", _I)
_SUBJECT = re.compile(r"^(?:v/v|v\.v|về việc)\s", _I)
_ASIDE = re.compile(r"^\([^()]+\)$")  # "(Ảnh minh họa)", "(hình ảnh tại buổi đối thoại)": no headline is in brackets
# "1. Hà Nội …", "II. …", "Bước 2: Tìm kiếm thủ tục …": an item, a section or a step of a text
_LIST_ITEM = re.compile(
    r"^(?:(?:\d{1,2}|[IVX]{1,4}|[a-đ])[.)]\s|(?:bước|câu|phần|mục|giai\s+đoạn|step)\s+\d{1,2}\s*[:.)–-])", re.IGNORECASE
)


def choose_title(
    layout: PageLayout, lead: str, body_text: str, hint: str = ""
) -> tuple[Candidate[str] | None, tuple[Candidate[str], ...]]:
    """The chosen candidate (``kind == "inferred"`` when the lead gave it) and all of them."""
    candidates = title_candidates(layout, lead, body_text, hint)
    best, _ = choose(candidates, weights.TITLE)
    if hint:  # the page's metadata title (og:title, a feed item's title) wins: the line printing it, or itself
        best = next(c for c in candidates if c.features.get("hint_match"))
    return best, tuple(candidates)


def title_candidates(layout: PageLayout, lead: str, body_text: str, hint: str = "") -> list[Candidate[str]]:
    lines = layout.lines
    body_words = _syllables(body_text)
    lead_words = _syllables(lead)
    url_words = set(_URL_WORDS.findall(_folded(layout.url))) if layout.url else set()
    hint_key = title_key(hint)
    slots = [i for i in range(layout.first_prose) if lines[i] and not layout.is_dateline(i)]
    slots += _under_a_summary(layout)
    found: list[tuple[str, str, int]] = []
    for index in slots:
        line = lines[index]
        if index in layout.chrome:
            if (kicker := _KICKER.match(line)) and len(line[kicker.end() :].split()) >= 5:
                found.append(("prefix", line[kicker.end() :].strip(), index))  # "[Infographic] <headline>"
                continue
            crumbs = [p for p in _CRUMBS.split(line) if p.strip()]
            if len(crumbs) > 1 and len(crumbs[-1].split()) >= 5:  # "Trang chủ » Tin tức » <headline>"
                found.append(("crumb", crumbs[-1].strip(), index))
                if unglued := _unglued(crumbs[-1]):
                    found.append(("unglued", unglued, index))
            continue
        if _ASIDE.match(line.strip()):
            continue
        found.append(("line", line, index))
        # a headline hard-wrapped over two or three lines (a PDF, a narrow column), placed where it ends
        if wrapped := _wrapped(lines, index, layout):
            found.append(("wrapped", wrapped, index + 1))
            if longer := _wrapped(lines, index + 1, layout):
                found.append(("wrapped", f"{line} {longer}", index + 2))
        if unglued := _unglued(line):  # "Chuyển đổi sốHà Nam vận hành …": a section name run into it
            found.append(("unglued", unglued, index))
        if (stamp := TRAILING_STAMP.search(line)) and len(line[: stamp.start()].split()) >= 4:
            found.append(("undated", line[: stamp.start()].strip(), index))  # "<headline> 14/11/2024 09:49"
        if stamp := DATE_FIELD.match(line):  # " date 2025-08-24 <headline>"
            found.append(("field", line[stamp.end() :].strip(), index))
            if (glued := TRAILING_STAMP.search(line)) and len(line[stamp.end() : glued.start()].split()) >= 4:
                found.append(("undated", line[stamp.end() : glued.start()].strip(), index))
        elif field := _FIELD.match(line):
            found.append(("field", _FIELD_END.sub("", line[field.end() :]).strip(), index))
        elif prefix := _PREFIX.match(line):
            found.append(("prefix", line[prefix.end() :].strip(), index))
        elif len(crumbs := [p for p in _CRUMBS.split(line) if p.strip()]) > 1 and len(crumbs[-1].split()) >= 5:
            found.append(("crumb", crumbs[-1].strip(), index))
    # the address's headline inside the lead's line, which runs a label and the standfirst round it
    slug_words = address_title.headline_words(layout.url) if layout.url else []
    for index in [layout.first_prose] if slug_words else []:  # header lines are candidates whole already
        span = slug.slug_span(lines[index], slug_words) if 0 <= index < len(lines) else None
        span = span or (slug.headline_line(lines[index], slug_words) if 0 <= index < len(lines) else None)
        if span is None:
            continue
        headline, label = lines[index][span[0] : span[1]], DATE_FIELD.sub("", lines[index][: span[0]])
        # at the line's start, or after a short label; and not a headline the page already prints above
        whole = headline == lines[index].strip()  # the address spells the whole "lead": a question headline
        if (
            len(label.split()) <= 6
            and (not whole or not lines[index].rstrip().endswith((".", "…")))
            and title_key(headline) not in {title_key(text) for _, text, _ in found}
        ):
            found.append(("slug", headline, index))
    above = any(address_title.slug_cover(text, slug_words) >= address_title.BELOW_COVER for _, text, _ in found)
    below = address_title.printed_below(slug_words, layout) if slug_words and not above else -1
    if below >= 0:
        found.append(("below", lines[below], below))  # a "lead" above it was a search box or a teaser
    found = [(kind, chrome.without_bullet(normalise.without_pictographs(text)), index) for kind, text, index in found]
    found = [(kind, text, index) for kind, text, index in found if text]
    positions = [index for _, _, index in found]
    printed = Counter(title_key(line) for line in lines)  # a title printed again (at the foot, in a list)
    accounts: dict[str, int] = {}  # a social account's name -> where it first posted (a name over a post's age)
    for index in range(len(lines)):
        if lines[index] and _is_account(index, lines):
            accounts.setdefault(title_key(lines[index]), index)
    candidates = []
    for kind, text, index in found:
        features = _features(
            text, kind, index, layout, positions, body_words, lead_words, url_words, hint_key, printed, accounts
        )
        if cover := address_title.slug_cover(text, slug_words):
            features["slug_cover"] = cover
        # the tail of a wrapped headline: the line above its first is a capitals line it goes on from
        first = (
            next((i for i in range(index - 1, max(-1, index - 3), -1) if text.startswith(lines[i])), index)
            if kind == "wrapped"
            else index
        )
        if first > 0 and kind in ("line", "wrapped") and _wrapped(lines, first - 1, layout):
            features["wrap_tail"] = 1.0
        candidates.append(Candidate(text, kind, features, index))
    candidates = address_title.mark_agreeing(candidates)
    if hint and hint_key not in {title_key(c.value) for c in candidates}:
        candidates.append(
            Candidate(
                hint, "hint", {"k_hint": 1.0, "hint_match": 1.0, **_shape(hint, body_words, lead_words, url_words)}
            )
        )
    shape = lambda text: _shape(text, body_words, lead_words, url_words)  # noqa: E731
    if spelled := address_title.candidate(slug_words, lines, candidates, shape):
        candidates.append(spelled)
    if lead:
        inferred = infer_title(lead)
        lines_only = [c for c in candidates if c.kind in ("line", "wrapped", "unglued", "prefix", "crumb")]
        candidates.append(
            Candidate(
                inferred,
                "inferred",
                {
                    "k_inferred": 1.0,
                    "no_lines": 1.0 if not found else 0.0,
                    # what makes "no headline on this page" likely: no line above the lead is as long as
                    # headlines are, and none says what the article says (a caption, a sub-heading, a post's
                    # opening words, a running head: what a body-only copy starts with)
                    "no_long_line": 1.0 if found and not any(c.features.get("w_8_30") for c in lines_only) else 0.0,
                    "no_matching_line": 1.0
                    if found and not any(c.features.get("body_overlap", 0.0) >= 0.6 for c in lines_only)
                    else 0.0,
                    # nothing above a "lead" that is no sentence: a page of one headline
                    "heading_lead": 1.0 if not found and not chrome.SENTENCE_END.search(lead) else 0.0,
                },
            )
        )
    return candidates


def _features(
    text: str,
    kind: str,
    index: int,
    layout: PageLayout,
    positions: list[int],
    body_words: set[str],
    lead_words: set[str],
    url_words: set[str],
    hint_key: str,
    printed: Counter[str],
    accounts: dict[str, int],
) -> dict[str, float]:
    lines = layout.lines
    above = sum(1 for p in set(positions) if p < index)
    below = sum(1 for p in set(positions) if p > index)
    following = next((i for i in range(index + 1, layout.first_prose) if lines[i]), -1)
    preceding = next((i for i in range(index - 1, -1, -1) if lines[i]), -1)
    features = {
        f"k_{kind}": 1.0,
        "rank_top": min(above, 6) / 6,
        "rank_bottom": min(below, 6) / 6,
        "first": 1.0 if above == 0 else 0.0,
        "last": 1.0 if below == 0 else 0.0,
        "gap_to_lead": min(layout.first_prose - index, 15) / 15,
        "before_dateline": 1.0 if layout.is_dateline(following) else 0.0,
        # under the dateline; the header's "Hôm nay: …" clock is not one
        "after_dateline": 1.0 if layout.is_dateline(preceding) and not _TODAY.search(lines[preceding]) else 0.0,
        "after_chrome": 1.0 if index - 1 in layout.chrome else 0.0,
        # portals print the headline right under the breadcrumb ("Trang chủ > Tin tức > …")
        "after_crumb": 1.0
        if preceding >= 0
        and (_CRUMB_MARK.search(lines[preceding]) or _separated(preceding, lines))
        and not _separated(index, lines)
        else 0.0,
        # "ThS. Hoàng Minh Đức" / "Văn phòng Đoàn ĐBQH tỉnh X": a post or workplace under an author's name
        "after_byline": 1.0 if preceding >= 0 and _names_a_person(lines[preceding]) else 0.0,
        # "Văn phòng Đoàn ĐBQH tỉnh X" under "TRẦN THỊ MAI LAN": the author's workplace
        "workplace": 1.0
        if preceding >= 0 and _names_a_person(lines[preceding]) and metadata.affiliation_line(text)
        else 0.0,
        "hint_match": 1.0 if hint_key and title_key(text) == hint_key else 0.0,
        "repeated": 1.0 if printed[title_key(text)] > 1 else 0.0,
        # a kicker: a short line over a longer one that reads as a headline ("Thực hiện Nghị quyết
        # số 18-NQ/TW" over "Sắp xếp đầu mối bên trong các sở: kết quả và những điểm nghẽn")
        "kicker": 1.0 if following >= 0 and len(text.split()) <= 7 and _headline_below(lines[following], text) else 0.0,
        # a printed issue's running head ("Bản tin … Số 09 - Tháng 9/2025"), kept for its date
        "running_head": 1.0 if index in layout.running_heads else 0.0,
        # "Ủy ban nhân dân xã X" above "3 giờ · Theo dõi": the account that posted, not a
        # headline; so is the same name printed again over the post's date
        "account": 1.0 if accounts.get(title_key(text), index + 1) <= index else 0.0,
        # under a social account's name (and its post's time): the post's own words, which have no headline
        "post_text": 1.0 if accounts and min(accounts.values()) < index else 0.0,
        **_shape(text, body_words, lead_words, url_words),
    }
    return {name: value for name, value in features.items() if value}


_SEPARATOR = re.compile(r"^[>»›/|\\-]$")


def _headline_below(line: str, text: str) -> bool:
    words = len(line.split())
    return (
        8 <= words <= 30
        and words > len(text.split()) + 2
        and looks_like_title(line)
        and not chrome.is_prose(line)
        and not chrome.is_chrome_line(line)
        and not metadata.parse_byline(line)
    )


def _separated(index: int, lines: tuple[str, ...]) -> bool:
    """True when the line above ``index`` is a breadcrumb's lone separator ("›", ">")."""
    above = next((i for i in range(index - 1, -1, -1) if lines[i]), -1)
    return above >= 0 and bool(_SEPARATOR.match(lines[above].strip()))


def _under_a_summary(layout: PageLayout) -> list[int]:
    """A video or photo page prints its description first, then the headline over its
    date: a line after the first paragraph, not a sentence, with a dateline right under it."""
    lines, found = layout.lines, []
    following = [i for i in range(layout.first_prose + 1, min(len(lines), layout.first_prose + 6)) if lines[i]]
    for here, after in itertools.pairwise(following):
        if (
            layout.is_dateline(after)
            and here not in layout.chrome
            and not chrome.is_prose(lines[here])
            and looks_like_title(lines[here])
            and len(lines[here].split()) >= 5
        ):
            found.append(here)
        if chrome.is_prose(lines[here]):
            break  # past the first paragraph's neighbours: the article's own text
    return found


def _url_overlap(text: str, slug_words: set[str], url_words: set[str]) -> float:
    """The share of the text's words in the address; all of them when the address runs them
    together ("Lists/lichtiepcongdan", "ChuyenMuc/ChinhQuyenSo": SharePoint and ASP.NET portals)."""
    if not url_words:
        return 0.0
    joined = "".join(_URL_WORDS.findall(_folded(text)))
    if len(joined) >= 10 and any(joined in word for word in url_words if len(word) >= len(joined)):
        return 1.0
    return _overlap(slug_words, url_words)


def _is_account(index: int, lines: tuple[str, ...]) -> bool:
    return any(controls.is_post_meta(lines[i]) for i in range(index + 1, min(index + 3, len(lines))) if lines[i])


def _shape(text: str, body_words: set[str], lead_words: set[str], url_words: set[str]) -> dict[str, float]:
    words = text.split()
    own = _syllables(text)
    slug_words = set(_URL_WORDS.findall(_folded(text)))
    letters = [c for c in text if c.isalpha()]
    return {
        "w_1_3": 1.0 if len(words) <= 3 else 0.0,
        "w_4_7": 1.0 if 4 <= len(words) <= 7 else 0.0,
        "w_8_30": 1.0 if 8 <= len(words) <= 30 else 0.0,
        "w_long": 1.0 if len(words) > 30 else 0.0,
        "too_long": 1.0 if len(text) > INFERRED_MAX_CHARS * 2 else 0.0,
        "all_caps": 1.0 if is_all_caps(text) else 0.0,
        "lower_start": 1.0 if letters and text.lstrip("\"“'‘([")[:1].islower() else 0.0,
        "end_colon": 1.0 if text.endswith(":") else 0.0,
        # a sentence, even in a table's cell ("… ASOCIO 2024. |"): no headline of the corpus ends so
        "end_period": 1.0 if (bare := text.rstrip(" |")).endswith(".") and not bare.endswith("...") else 0.0,
        "digits": min(sum(c.isdigit() for c in text) / max(len(text), 1) * 5, 1.0),
        "phone": 1.0 if _PHONE.search(text) else 0.0,
        "chrome_words": 1.0 if _CHROME_WORDS.search(text) else 0.0,
        "organisation": 1.0 if _ORGANISATION.match(text) and is_all_caps(text) else 0.0,
        "category": 1.0 if metadata.is_category(text) else 0.0,
        "byline": 1.0 if metadata.parse_byline(text) else 0.0,
        "caption": 1.0 if structure.is_caption(text) else 0.0,
        "chrome": 1.0 if chrome.is_chrome_line(text) else 0.0,
        "not_title_like": 0.0 if looks_like_title(text) else 1.0,
        "body_overlap": _overlap(own, body_words),
        "lead_overlap": _overlap(own, lead_words),
        "url_overlap": _url_overlap(text, slug_words, url_words),
        "pipes": 1.0 if text.count("|") >= 2 or text.rstrip().endswith("|") else 0.0,  # a table's cell
        "crumbs": 1.0 if _CRUMB_MARK.search(text) else 0.0,  # "Sự kiện > Phổ biến pháp luật"
        "numbered": 1.0 if _LIST_ITEM.match(text) else 0.0,  # "1. Hà Nội …": an item of a contents list
        "subject": 1.0 if _SUBJECT.match(text) else 0.0,  # "V/v bàn giao hồ sơ …": a document's subject, in a list
        "salutation": 1.0 if _SALUTATION.match(text) else 0.0,  # "Kính thưa: Toàn thể nhân dân …": a speech begins
        # "VÀ CẤP PHIẾU LÝ LỊCH …": a headline's second line begins with a joining word, a headline does not
        "continues": 1.0 if _JOINING_WORD.match(text) else 0.0,
    }


def _wrapped(lines: tuple[str, ...], index: int, layout: PageLayout) -> str:
    """The line and the next one as one headline, when the break looks like a wrap: both in
    capitals, or the first without a final stop and the next starting in lower case."""
    following = index + 1
    if (
        following >= layout.first_prose
        or not lines[following]
        or following in layout.chrome
        or layout.is_dateline(following)
    ):
        return ""
    first, second = lines[index], lines[following]
    if (first[-1:] in ".:;!?…" and not first.endswith(":")) or len(first.split()) + len(second.split()) > 40:
        return ""
    both_caps = is_all_caps(first) and is_all_caps(second)
    continues = second[:1].islower() and first[-1:] not in ".!?…"
    return f"{first} {second}" if both_caps or continues else ""


def _names_a_person(line: str) -> bool:
    byline = metadata.parse_byline(line)
    return byline is not None and metadata.names_a_person(byline)


def _unglued(text: str) -> str:
    """The part after the last place where a lower-case letter runs straight into a
    capital ("hành chínhBảo Lộc"): no Vietnamese word does that, two texts run together do."""
    joins = glue_points(text)
    rest = text[joins[-1] :].strip() if joins else ""
    return rest if len(rest.split()) >= 4 else ""


def _syllables(text: str) -> set[str]:
    return {w.lower() for w in _SYLLABLE.findall(text)}


def _overlap(words: set[str], others: set[str]) -> float:
    return len(words & others) / len(words) if words else 0.0


def _folded(text: str) -> str:
    return fold(text.lower())

"""What an article's own sentences say about the legal documents it lists (pure).

Vietnamese texts cite a document in a shape fixed by the rules for official writing:
type, number, date, issuer, subject, in that order, each part optional and the date and
issuer sometimes swapped:

    Quyết định số 1291/QĐ-BNV ngày 12/11/2020 của Bộ Nội vụ về việc ban hành …
    Luật Tổ chức chính quyền địa phương số 77/2015/QH13 …
    UBND tỉnh ban hành Kế hoạch 125/KH-UBND (ngày 15-3-2023) …
    Decree No. 61/2018/ND-CP dated April 23, 2018 of the Government on …

Only the numbers in the article's ``documents`` are looked for (written however carelessly:
"61/2018/NĐCP", "số 61/2018/nđ - cp"), and each part is read only where the shape puts it,
so a meeting's date or a deadline elsewhere in the sentence is never taken for the document's.
One article's reading can be wrong or partial; :mod:`reform_archive.site.legal` weighs the
readings of every article that cites a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from reform_archive.source.documents import KIND_WORDS, issuer_from_code, kind_from_words
from reform_archive.text.dates import EN_MONTHS
from reform_archive.text.vietnamese import fold, nfc

__all__ = ["SENTENCE_CHARACTERS", "SUBJECT_WORDS", "Citation", "find_citations"]

SUBJECT_WORDS = 45  # a subject longer than this ran on into the article's own sentence: none is kept
SENTENCE_CHARACTERS = 360  # the quoted sentence on the document's page is cut around the number past this


@dataclass(frozen=True)
class Citation:
    """One place where an article cites one of its documents, and what it says there."""

    number: str  # as the article's front matter lists it
    kind: str = ""  # "Nghị định": the type the text writes before the number
    issued: str = ""  # ISO date the text gives it
    issuer: str = ""  # as written: "Bộ Nội vụ", "UBND tỉnh Bình Định"
    subject: str = ""  # "về thực hiện cơ chế một cửa …", a law's name for a law
    sentence: str = ""  # the sentence that cites it
    at: int = 0  # where the number starts in the sentence
    length: int = 0  # how long it is there, as written ("61/2018/NĐCP", "61 / 2018 / NĐ-CP")


_KINDS = "|".join(sorted((re.escape(word) for word in KIND_WORDS), key=len, reverse=True))
# before the number: "Nghị định số", "Luật Tổ chức chính quyền địa phương số", "Decree No."
_BEFORE = re.compile(
    rf"(?<![\w])(?P<kind>{_KINDS})(?P<name>\s+[^.;:()\n\d]{{2,80}}?)??\s*(?:\bso\b|\bno\b\.?|\bnumber\b)?"
    r"\s*:?\s*\(?\s*$"
)
_NAMED = {"luat", "bo luat", "phap lenh", "hien phap", "law", "code", "ordinance"}  # a name between type and number
# what an issuer does to a document: "UBND tỉnh ban hành", "Chủ tịch … vừa ký", "HĐND tỉnh đã thông qua"
_ISSUING = r"(?:ban hanh|thong qua|ky|co|phat hanh)"
_ISSUER_BEFORE = re.compile(
    r"(?:^|[,;:(\n]|\.\s)\s*(?:vua qua|moi day|gan day|nam \d{4}"
    r"|ngay\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}))?\s*,?\s*"
    rf"(?P<issuer>\w[^,.;:()\n]{{1,70}}?)\s+(?:da\s+|vua\s+|moi\s+)?{_ISSUING}\s+$"
)
# "(Luật số 26/2023/QH15) được Quốc hội khóa XV thông qua ngày 27/11/2023"
_PASSED = re.compile(
    rf"\s*\)?\s*,?\s*(?:da\s+)?duoc\s+(?P<issuer>[^,.;:()\n]{{2,60}}?)\s+{_ISSUING}\s+"
    r"(?:vao\s+)?ngay\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})"
)
_DATE_VI = re.compile(
    r"\s*,?\s*\(?\s*(?:ban hanh\s+)?(?:ngay\s+)(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
    r"|(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4}))\)?"
)
_MONTHS = "|".join(month.lower() for month in EN_MONTHS)
_DATE_EN = re.compile(
    rf"\s*,?\s*(?:dated|of|issued on|on)\s+(?:({_MONTHS})\s+(\d{{1,2}}),?\s+(\d{{4}})"
    rf"|(\d{{1,2}})\s+({_MONTHS}),?\s+(\d{{4}}))"
)
_ISSUER_VI = re.compile(r"\s*,?\s*(?:do\s+|cua\s+)(?=\S)")
_ISSUER_EN = re.compile(r"\s*,?\s*(?:issued\s+)?(?:of|by)\s+(?=the\s|The\s|[A-Z])")
# word lists read best as paragraphs, not a word a line:
# fmt: off
# where a subject starts, right after the citation's number, date or issuer
_SUBJECT_VI = ("ve viec", "ve", "quy dinh", "ban hanh", "phe duyet", "huong dan", "sua doi", "bo sung", "trien khai",
               "thuc hien", "tang cuong", "day manh", "nang cao", "kien toan", "thanh lap", "cong bo", "chan chinh",
               "dieu chinh", "bai bo", "giao", "quy che", "chuyen doi")
_PREDICATES_EN = ("is", "are", "was", "were", "has", "have", "had", "will", "requires", "sets", "asks", "lets",
                  "classifies", "took", "takes", "makes", "gives", "allows", "aims", "calls", "came", "comes", "entered",
                  "moved", "helps", "applies", "lays", "remains", "complements", "replaced", "replaces")
_SUBJECT_EN = ("on", "regarding", "approving", "promulgating", "guiding", "amending", "detailing", "providing",
               "stipulating", "defining", "establishing")
_SUBJECT = re.compile(r"\s*,?\s*[“\"(]?\s*(?=(?:" + "|".join(_SUBJECT_VI + _SUBJECT_EN) + r")\b)")
_SUBJECT_START = re.compile(r"(?:" + "|".join(_SUBJECT_VI) + r")\b")
_QUOTED = re.compile(r"\s*,?\s*[“\"](?P<title>[^”\"\n]{8,300})[”\"]")
_NAME_BEFORE = re.compile(r"\bluat\s+(?P<name>[^()\n,;.]{2,80}?)\s*\(\s*$")
_POSSESSIVE = re.compile(r"(?P<issuer>(?:[Tt]he\s+)?[A-Z]\w*(?:\s+(?:of\s+|and\s+)?[A-Z]\w*){0,5})['’]s\s*$")
# "…, ngày 30/12/2021 UBND tỉnh ban hành Quyết định …": that date is the next document's
_NEXT_ISSUING = re.compile(r"\s*,?\s*[^,.;:()\n]{1,70}?\s(?:da\s+|vua\s+)?ban hanh\b")
# words an issuer's name never holds: where it ends
_ISSUER_STOPS = {"va", "ve", "ngay", "da", "dang", "se", "vua", "duoc", "la", "nham", "theo", "voi", "trong", "tai", "de",
                 "thi", "co", "cho", "cua", "tu", "den", "khi", "sau", "truoc", "nay", "mot", "nhung", "cac", "dated",
                 "which", "that", "to", "in", "and", *_PREDICATES_EN, *_SUBJECT_EN}
_ISSUER_KEPT_LOWER = {"nhan", "dan", "tinh", "thanh", "pho", "huyen", "quan", "thi", "xa", "phuong", "tran",
                      "va", "of", "and", "the", "for", "cai", "cach", "hanh", "chinh", "dang", "uy", "thuong", "vu"}
# fmt: on
# ", tỉnh đã …": the article's own clause after a subject (in lower case with its marks: "Đảng" is not "đang")
_CLAUSE = re.compile(
    r",\s+(?:ubnd|sở|các|đã|đồng thời|theo đó|trong đó|qua đó|từ đó|nhờ đó"
    r"|đến nay|hiện nay|nhưng|tuy nhiên|ngoài ra|nhằm|vì vậy|do đó|giao|giúp|thay thế|tạo|yêu cầu"
    r"|đặt|xác định|góp phần|kể từ|cho phép|là|có hiệu lực|được|the|which|it|replacing|making|together)(?!\w)"
    r"|\s+(?:đã|đang|sẽ|vừa|còn|cũng|là|có hiệu lực|đặt mục tiêu|yêu cầu|nêu rõ|chỉ rõ|tiếp tục"
    r"|được (?:triển khai|thực hiện|tích hợp|áp dụng|ban hành|cụ thể hóa|quán triệt|gửi)|gồm"
    rf"|{'|'.join(_PREDICATES_EN)})(?!\w)"
)
# ", 42 đơn vị sự nghiệp đã …": a few words and a verb after a comma start the article's own clause
_VERB_AFTER_COMMA = re.compile(r",(?=(?:\s+\S+){1,5}?\s+(?:đã|đang|sẽ|vừa|còn)\s)")
# a line, a clause or a sentence ends, an aside opens ("(PCI)" is part of a title, "(gọi tắt là …" is not)
_TITLE_END = re.compile(r"[\n;|]|(?<=.)\s\((?![\w-]{1,12}\))|[.?!](?=\s|$)")
_AFTER_COMMA = re.compile(r",\s+(?=\w)")
_NEXT_CITATION = re.compile(rf"(?:,|\s+va|\s+and)\s+(?:{_KINDS})\s+(?:so\s+)?\d")


def find_citations(text: str, documents: tuple[str, ...]) -> tuple[Citation, ...]:
    """Every place ``text`` (title and body as plain text) cites one of ``documents``, in order."""
    if not documents:
        return ()
    original = nfc(text)
    folded = original.translate(_LOWER_FOLD)
    found = []
    for number in documents:
        for match in _number_pattern(number).finditer(folded):
            found.append(_read(original, folded, number, match.start(), match.end()))
    found.sort(key=lambda item: item[0])
    return tuple(_shared_issuers([citation for _, _, citation in found], [(s, e) for s, e, _ in found]))


def _read(original: str, folded: str, number: str, start: int, end: int) -> tuple[int, int, Citation]:
    sentence_start = _sentence_start(folded, start)
    before = folded[max(sentence_start, start - 120) : start]
    kind = name = issuer = issued = ""
    cited_from = start
    if (typed := _BEFORE.search(before)) is not None:
        kind = kind_from_words(typed["kind"])
        offset = start - len(before)
        cited_from = offset + typed.start()
        if typed["name"] and typed["kind"] in _NAMED:
            name = original[offset + typed.start("name") : offset + typed.end("name")].strip()
            name = re.sub(r"^on\s+", "", name)  # "the Law on Organization of …"
        elif typed["kind"] in _NAMED and (named_before := _NAME_BEFORE.search(folded, sentence_start, cited_from)):
            name = original[named_before.start("name") : named_before.end("name")]  # "Luật Căn cước (Luật số …)"
        elif typed["name"]:
            kind = ""  # "Quyết định phê duyệt … số": too loose to trust
        prior = folded[sentence_start:cited_from]
        named = _ISSUER_BEFORE.search(prior)
        if named is not None and original[sentence_start + named.start("issuer")].isupper():
            issuer = original[sentence_start + named.start("issuer") : sentence_start + named.end("issuer")].strip()
            issued = _iso(tuple(re.split(r"\s*[/.-]\s*", named["date"]))) if named["date"] else ""
        elif (owner := _POSSESSIVE.search(original, sentence_start, cited_from)) is not None:
            issuer = owner["issuer"]  # "The Government's Decree No. …"
    position = end
    for _ in range(3):  # date, issuer and, after them, the subject: in either order
        if not issued and (dated := _DATE_VI.match(folded, position) or _DATE_EN.match(folded, position)):
            if folded[position : dated.end()].lstrip().startswith(",") and _NEXT_ISSUING.match(folded, dated.end()):
                break
            issued, position = _iso(dated.groups()), dated.end()
        elif not issuer and (by := _ISSUER_VI.match(folded, position) or _ISSUER_EN.match(original, position)):
            issuer, position = _issuer(original, folded, by.end())
            if not issuer:
                break
        elif (
            (passed := _PASSED.match(folded, position)) is not None
            and original[passed.start("issuer")].isupper()
            and not (issuer or issued)
        ):
            issuer = original[passed.start("issuer") : passed.end("issuer")]
            issued = _iso(tuple(re.split(r"\s*[/.-]\s*", passed["date"])))
            position = passed.end()
        else:
            break
    subject, stop = "", position
    if name:
        subject = name
    elif (about := _SUBJECT.match(folded, position)) is not None:
        subject, stop = _subject(original, folded, about.end(), sentence_start)
    elif (quoted := _QUOTED.match(original, position)) is not None:
        subject, stop = quoted["title"].strip(), quoted.end()  # "… khóa XII “Một số vấn đề về …”"
    if issued and not _plausible(issued, number):
        issued = ""
    sentence, at = _sentence(original, folded, sentence_start, start, max(stop, end))
    citation = Citation(number, kind, issued, issuer, subject, sentence, at, end - start)
    return cited_from, position, citation


def _shared_issuers(citations: list[Citation], spans: list[tuple[int, int]]) -> list[Citation]:
    """ "Nghị định 61/2018/NĐ-CP và Nghị định 107/2021/NĐ-CP của Chính phủ": the issuer named
    after a list belongs to each document of it."""
    shared = list(citations)
    for i in range(len(shared) - 2, -1, -1):
        here, after = shared[i], shared[i + 1]
        gap = spans[i + 1][0] - spans[i][1]
        # not across types ("Nghị quyết … và Quyết định … của Thủ tướng"), codes of two bodies ("26/CT-TTg và
        # 10/CT-UBND"), or to a document after which the issuer comes with a date of its own
        alike = (
            here.kind in ("", after.kind)
            and not after.issued
            and issuer_from_code(here.number) in ("", issuer_from_code(after.number))
        )
        if not here.issuer and after.issuer and here.sentence == after.sentence and 0 <= gap <= 6 and alike:
            shared[i] = replace(here, issuer=after.issuer)
    return shared


def _issuer(original: str, folded: str, position: int) -> tuple[str, int]:
    words = list(re.finditer(r"\S+", original[position : position + 160]))
    kept_end, lower_run = position, 0
    for i, word in enumerate(words):
        text = word.group()
        bare = fold(text.strip(',.;:()"“”')).lower()
        first = text.lstrip('("“')[:1]
        nxt = words[i + 1].group()[:1] if i + 1 < len(words) else ""
        joining = bare in ("va", "and") and nxt.isupper() and not _starts_kind(words[i + 1 : i + 3])
        lower = not first.isupper()
        stop = (
            i
            and lower
            and ((bare in _ISSUER_STOPS and not joining) or _SUBJECT_START.match(folded, position + word.start()))
        )
        if not bare or bare.isdigit() or stop or (i and text[0] in '“"('):
            break
        if i == 0 and not first.isupper() and bare != "the":
            return "", position
        # names run capitalised words with one lower-case word each ("Thủ tướng Chính phủ",
        # "Bộ Thông tin và Truyền thông"), and the lower-case words of "Ủy ban nhân dân tỉnh"
        lower_run = 0 if first.isupper() or bare in _ISSUER_KEPT_LOWER or not first.isalpha() else lower_run + 1
        if lower_run > 1:
            break
        kept_end = position + word.start() + len(text.rstrip(',.;:)"”'))
        if text[-1] in ',.;:)"”' or i >= 11:
            break
    issuer = original[position:kept_end].strip()
    return (issuer, kept_end) if len(issuer) > 1 else ("", position)


def _starts_kind(words: list[re.Match[str]]) -> bool:
    """Whether the words after "và" start another document ("và Chỉ thị số …"), not a name."""
    texts = [word.group() for word in words]
    return any(kind_from_words(" ".join(texts[:n])) for n in (1, 2))


def _subject(original: str, folded: str, start: int, sentence_start: int) -> tuple[str, int]:
    """The subject from ``start`` to where the document's title ends."""
    rest = folded[start : start + 600]
    ends = [len(rest)]
    if (m := _TITLE_END.search(rest)) is not None:
        ends.append(m.start())
    lowered = original[start : start + 600].lower()
    clause = _CLAUSE.search(lowered) if len(lowered) == len(rest) else None
    verb_after_comma = _VERB_AFTER_COMMA.search(lowered) if len(lowered) == len(rest) else None
    for m in (
        clause,
        verb_after_comma,
        _NEXT_CITATION.search(rest),
        _capital_after_comma(original[start : start + 600]),
    ):
        if m is not None:
            ends.append(m.start())
    end = min(ends)
    opened_before = folded[sentence_start:start].count("(") - folded[sentence_start:start].count(")")
    quoted_before = _open_quote(folded[sentence_start:start])
    depth = 0
    for i, char in enumerate(rest[:end]):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0 and opened_before > 0:
                end = i
                break
            depth = max(0, depth - 1)
        elif char in '”"' and quoted_before and not _open_quote(rest[:i]):
            end = i
            break
    subject = original[start : start + end].strip().rstrip(",:").strip()
    if subject.count("“") > subject.count("”"):
        subject = subject.replace("“", "", 1)  # its closing mark is past where the title was cut
    if subject.count('"') % 2:
        subject = subject.replace('"', "", 1)
    if len(subject.split()) > SUBJECT_WORDS or len(subject.split()) < 2:
        return "", start
    return subject, start + end


def _capital_after_comma(text: str) -> re.Match[str] | None:
    """ ", Chỉ số … tăng 17 bậc": a capital after a comma starts another clause (not "tỉnh, thành phố")."""
    return next((m for m in _AFTER_COMMA.finditer(text) if text[m.end()].isupper()), None)


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _sentence_start(folded: str, position: int) -> int:
    ends = _SENTENCE_END.finditer(folded, max(0, position - 600), position)
    cut = max([folded.rfind("\n", 0, position), *(m.end() - 1 for m in ends)])
    return cut + 1 if cut >= 0 else 0


_SENTENCE_END = re.compile(r"[.!?;]\s(?=\s*[\w\"“(])")


def _sentence(original: str, folded: str, start: int, number_at: int, end: int) -> tuple[str, int]:
    """The sentence around a citation, cut to :data:`SENTENCE_CHARACTERS` around it, and
    where its number is in it."""
    after = _SENTENCE_END.search(folded, end)
    newline = folded.find("\n", end)
    stop = min(x for x in (after.start() + 1 if after else len(folded), newline if newline >= 0 else len(folded)))
    begin = start
    while begin < number_at and original[begin].isspace():
        begin += 1
    lead = ""
    if number_at - begin > SENTENCE_CHARACTERS // 2:
        begin = original.rfind(" ", begin, number_at - SENTENCE_CHARACTERS // 3) + 1
        lead = "… "
    tail = ""
    if stop - begin > SENTENCE_CHARACTERS:
        stop = max(original.rfind(" ", begin, begin + SENTENCE_CHARACTERS), end)
        tail = " …"
    return lead + original[begin:stop].strip() + tail, number_at - begin + len(lead)


def _iso(groups: tuple[str | None, ...]) -> str:
    values = [g for g in groups if g is not None]
    try:
        if values[0].isdigit() and values[1].isdigit():
            return date(int(values[2]), int(values[1]), int(values[0])).isoformat()
        if values[0].isdigit():  # "23 April 2018"
            return date(int(values[2]), _month(values[1]), int(values[0])).isoformat()
        return date(int(values[2]), _month(values[0]), int(values[1])).isoformat()  # "April 23, 2018"
    except ValueError:
        return ""


def _month(name: str) -> int:
    return [month.lower() for month in EN_MONTHS].index(name) + 1


def _plausible(issued: str, number: str) -> bool:
    """A number that carries its year ("61/2018/NĐ-CP") was issued in it."""
    years = re.findall(r"(?<![\d])(?:19|20)\d\d(?![\d])", number)
    return not years or issued[:4] in years


@lru_cache(maxsize=8192)  # one per document: a national decree is looked for in thousands of articles
def _number_pattern(number: str) -> re.Pattern[str]:
    """ "61/2018/NĐ-CP" -> a pattern for it as texts write it: "61/2018/NĐCP", "61 / 2018 / nđ - cp"."""
    parts = re.split(r"([/-])", fold(number).lower())
    pieces = []
    for i, part in enumerate(parts):
        if part == "/":
            pieces.append(r"\s?/\s?")
        elif part == "-":
            between_letters = parts[i - 1][-1:].isalpha() and parts[i + 1][:1].isalpha()
            pieces.append(r"\s?[-–]?\s?" if between_letters else r"\s?[-–]\s?")
        else:
            pieces.append(re.escape(part))
    return re.compile(r"(?<![\w/])" + "".join(pieces) + r"(?![\w]|/\w|-\w)")


class _LowerFold(dict[int, str]):
    """Each character folded and lower-cased, one for one, so positions in the folded text are
    positions in the original."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code)).lower()
        self[code] = value = folded if len(folded) == 1 else chr(code)
        return value


_LOWER_FOLD = _LowerFold()

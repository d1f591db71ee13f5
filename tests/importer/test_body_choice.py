"""The body's lines weighed by the chrome model (importer/body_choice.py): its features, its
decisions on pages written for the test, and its weights, which a refit on the corpus's
fit split must reproduce."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from reform_archive.importer import body_choice, body_features, weights
from reform_archive.importer.chrome import is_prose
from reform_archive.importer.evidence import PageLayout
from reform_archive.importer.extract import extract
from reform_archive.importer.normalise import normalise_text

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Huyện Đông Sơn mở điểm tiếp nhận hồ sơ lưu động tại các thôn vùng cao"
LEAD = (
    "Từ đầu tháng 3, Bộ phận một cửa huyện Đông Sơn tổ chức tiếp nhận hồ sơ lưu động tại nhà văn hóa "
    "của sáu thôn vùng cao."
)
SECOND = (
    "Mỗi tuần hai buổi, tổ công tác gồm công chức tư pháp, địa chính và một đoàn viên thanh niên mang "
    "máy tính, máy quét đến thôn."
)
THIRD = "Người dân được hướng dẫn kê khai, số hóa giấy tờ và nhận kết quả ngay tại thôn nếu hồ sơ đủ điều kiện."
FOURTH = (
    "Sau một tháng, tổ đã tiếp nhận 214 hồ sơ, trong đó 160 hồ sơ được trả kết quả tại chỗ, chủ yếu là "
    "chứng thực và hộ tịch."
)
LAST = "Huyện sẽ nhân rộng mô hình ra các xã còn lại trong quý II năm 2024."
RELATED = "Huyện Bắc Hà công khai đường dây nóng về thủ tục đất đai 16:40 05/03/2024"
TAGS = "Tags: một cửa lưu động, hồ sơ trực tuyến, Đông Sơn"
PROTECTED = [
    "Kết quả sau một tháng",
    "1. Chứng thực bản sao từ bản chính",
    "2. Đăng ký khai sinh, khai tử",
    "Công chức tư pháp hướng dẫn người dân kê khai hồ sơ tại thôn Bản Mới. Ảnh: Minh Châu",
]


def page(*lines: str) -> str:
    return normalise_text("\n\n".join(lines))


def article_page() -> str:
    """A district portal's article with a related headline and its time run into the text,
    and the tags line between its last paragraphs: chrome no rule of the importer knows."""
    return page(
        TITLE,
        "Thứ Ba, 12/03/2024 08:30",
        LEAD,
        SECOND,
        RELATED,
        THIRD,
        PROTECTED[0],
        FOURTH,
        PROTECTED[1],
        PROTECTED[2],
        PROTECTED[3],
        TAGS,
        LAST,
        "Minh Châu",
    )


def layout(*lines: str, chrome: frozenset[int] = frozenset()) -> PageLayout:
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    return PageLayout(tuple(lines), chrome, prose[0], prose[-1])


def features(lines: tuple[str, ...], index: int, title: str = TITLE, **kwargs) -> dict[str, float]:
    return body_features.line_features(body_features.context(layout(*lines, **kwargs), title), index)


# --- what the model weighs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, weighed",
    [
        (LEAD, False),  # a sentence of the article: never weighed, never dropped
        ("Kết quả", False),  # two words or fewer: the rules' to judge
        ("Tổng đài hỗ trợ dịch vụ công: 1900.8888", True),
        ("Kết quả sau một tháng", True),
        ("Bà con mang theo căn cước để cán bộ tra cứu thông tin, tránh phải… Xem thêm", False),  # a post cut short
    ],
)
def test_which_lines_are_weighed(line, weighed):
    assert body_features.is_candidate(line) is weighed


def test_features_of_a_line_and_its_neighbourhood():
    lines = (
        TITLE,
        LEAD,
        "Xem thêm: Huyện Bắc Hà công khai đường dây nóng",
        SECOND,
        "Kết quả sau một tháng",
        FOURTH,
        "Hỗ trợ | Tra cứu | Liên hệ",
        "Đường dây nóng: 1900.8888",
        LAST,
    )
    related = features(lines, 2)
    assert related["navigation"] == 1.0 and related["between_prose"] == 1.0 and "sentence_end" not in related
    heading = features(lines, 4)
    assert heading["w_3_5"] == 1.0 and heading["next_prose"] == 1.0 and heading["cohesion"] > 0.5
    assert "navigation" not in heading and "contact" not in heading and "all_caps" not in heading
    menu = features(lines, 6)
    assert menu["separators"] == 1.0 and menu["short_run"] == 2 / 8 and menu["prev_prose"] == 1.0
    hotline = features(lines, 7)
    assert hotline["contact"] == 1.0 and hotline["phone"] == 1.0 and hotline["next_prose"] == 1.0


def test_features_that_say_a_line_is_the_article_s_own():
    lines = (
        LEAD,
        "2.1. Về xây dựng danh mục thủ tục",
        "Lĩnh vực | Tháng 7 | Tháng 8",
        "Hộ tịch | 204 | 198",
        "Quang cảnh hội nghị tổng kết.",
        "Các thủ tục được cắt giảm gồm:",
        SECOND,
        "Bà con lưu ý nhé! 📢",
        LAST,
    )
    assert features(lines, 1)["numbered"] == 1.0
    assert features(lines, 2)["table_row"] == 1.0 and features(lines, 3)["table_row"] == 1.0
    caption = features(lines, 4)
    assert caption["photo"] == 1.0 and caption["sentence_end"] == 1.0
    assert features(lines, 5)["end_colon"] == 1.0
    assert features(lines, 7)["emoji"] == 1.0


def test_features_of_chrome_shapes():
    lines = (
        LEAD,
        "Tổng kết công tác cải cách hành chính năm 2024 .......... 2",
        "Hà Nội đẩy mạnh dịch vụ công trực tuyến Người lao động được hướng dẫn cài ứng dụng",
        "Phường Tân Định ra mắt tổ công nghệ số",
        "10:15 13/03/2025",
        "BẢN TIN CẢI CÁCH HÀNH CHÍNH SỐ 03",
        SECOND,
        "BẢN TIN CẢI CÁCH HÀNH CHÍNH SỐ 03",
        "Nhiều người dân được hướng dẫn cài ứng dụng trên điện thoại.",
    )
    assert features(lines, 1)["leaders"] == 1.0
    # "Người" written in capitals in mid-line, though the prose writes "người": a second headline run on
    assert features(lines, 2)["restarts"] == 0.5
    assert features(lines, 3)["next_stamp"] == 1.0 and features(lines, 3)["novel_names"] == 1.0
    running_head = features(lines, 5)
    assert running_head["all_caps"] == 1.0 and running_head["repeated"] == 1.0 and running_head["contact"] == 1.0
    assert features(lines, 2, chrome=frozenset({1, 3}))["chrome_near"] == 0.5


def test_the_title_s_words_and_the_depth_in_the_article():
    lines = (LEAD, SECOND, "Hồ sơ lưu động tại các thôn vùng cao", THIRD, FOURTH)
    found = features(lines, 2)
    assert found["title_words"] == 1.0 and 0 < found["depth"] < 1


def test_the_probability_is_the_logistic_of_the_weighted_features():
    model = {"bias": -1.0, "navigation": 3.0}
    assert body_choice.chrome_probability({"navigation": 1.0}, model) == pytest.approx(1 / (1 + 2.718281828**-2))
    assert body_choice.chrome_probability({}, model) < 0.5
    assert body_choice.chrome_probability({"navigation": 1e6}, model) == 1.0  # no overflow


# --- its decisions on whole pages -------------------------------------------------------------


def without_the_model(monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    monkeypatch.setattr(weights, "BODY_THRESHOLD", 1.01)  # no probability reaches it: the rules alone
    return extract(text).article.body


def test_the_model_drops_chrome_the_rules_leave_and_keeps_the_article(monkeypatch):
    article = extract(article_page()).article
    for line in (RELATED, TAGS):
        assert line.split(":")[0] not in article.body, line
    for line in (LEAD, SECOND, THIRD, FOURTH, LAST, PROTECTED[0], PROTECTED[3]):
        assert line.split("Ảnh")[0].strip() in article.plain_body(), line
    assert "Chứng thực bản sao từ bản chính" in article.body and "Đăng ký khai sinh, khai tử" in article.body
    # the rules alone leave both chrome lines: the model is what takes them out
    ruled = without_the_model(monkeypatch, article_page())
    assert "Huyện Bắc Hà công khai" in ruled and "Tags: một cửa" in ruled


def test_the_weighed_lines_are_kept_as_evidence():
    evidence = extract(article_page()).evidence
    weighed = {candidate.value: candidate for candidate in evidence.lines}
    assert set(weighed) >= {RELATED, TAGS, PROTECTED[0], PROTECTED[1], PROTECTED[2]}
    assert all(candidate.kind == "body" and candidate.line >= 0 for candidate in evidence.lines)
    assert evidence.page is not None and evidence.headline == TITLE
    assert body_choice.chrome_probability(weighed[TAGS].features) >= weights.BODY_THRESHOLD
    assert body_choice.chrome_probability(weighed[PROTECTED[1]].features) < 0.5


def test_a_sentence_is_never_dropped_whatever_its_words():
    sentence = "Người dân có thể gọi đường dây nóng 1900.8888 hoặc xem thêm hướng dẫn trên trang chủ của huyện."
    article = extract(page(TITLE, "12/03/2024", LEAD, sentence, SECOND, LAST)).article
    assert sentence in article.body


def test_a_page_without_a_sentence_is_left_as_the_rules_leave_it():
    lines = [
        "Tổng đài hỗ trợ dịch vụ công: 1900.8888",
        "Đánh giá mức độ hài lòng của người dân",
        "Xã Tân Lập ra mắt tổ công nghệ số cộng đồng 10:15 08/03/2024",
    ]
    body = [*lines]
    kept, weighed = body_choice.article_lines(body, list(enumerate(lines)), layout(*lines, LEAD), "")
    assert kept == body and weighed == ()


# --- its weights ------------------------------------------------------------------------------


def test_the_features_are_the_declared_ones_and_documented():
    lines = tuple(line for line in article_page().split("\n") if line)
    page = body_features.context(layout(*lines), TITLE)
    given = {name for index in page.filled for name in body_features.line_features(page, index)}
    assert given <= set(body_features.FEATURES) and len(given) >= 20
    assert set(weights.BODY) <= {*body_features.FEATURES, "bias"}
    assert 0.5 <= weights.BODY_THRESHOLD < 1.0
    documented = (ROOT / "docs" / "importer.md").read_text("utf-8")
    assert [name for name in body_features.FEATURES if f"`{name}`" not in documented] == []


def test_the_committed_weights_decide_as_a_refit_on_the_fit_split_does():
    """A change to the rules or the corpus changes the model's cases: the committed weights
    must still drop exactly the fit bodies' lines a refit would (scripts/fit_body_lines.py
    --check compares the weights themselves)."""
    spec = importlib.util.spec_from_file_location("fit_body_lines", ROOT / "scripts" / "fit_body_lines.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules["fit_body_lines"] = script  # its dataclass needs its module registered
    try:
        spec.loader.exec_module(script)
        cases = script.all_cases(script.CORPUS)
        model, cut, _ = script.refit(cases)
    finally:
        del sys.modules["fit_body_lines"]
    bodies = [case for case in cases if case.in_body]
    committed = [
        case.text for case in bodies if body_choice.chrome_probability(case.features) >= weights.BODY_THRESHOLD
    ]
    refit = [case.text for case in bodies if body_choice.chrome_probability(case.features, model) >= cut]
    assert committed == refit, "refit the body model: .venv/bin/python scripts/fit_body_lines.py"
    assert len(committed) >= 20  # the fit bodies' chrome the model finds: the model is there

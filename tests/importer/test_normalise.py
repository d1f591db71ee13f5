import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reform_archive.importer.normalise import normalise_text


def test_page_debris_is_cleaned():
    raw = (
        "<p>Ho\u0300a Bi\u0300nh:\u00a0c&ocirc;ng&nbsp;t&aacute;c</p>\r\n<br/>"
        'cải\u200bcách <span class="x">hành</span> chính\r\nTT&TT đạt 47,18%<script>x=1</script>'
    )
    assert normalise_text(raw) == "Hòa Bình: công tác\n\ncảicách hành chính\nTT&TT đạt 47,18%\n"


def test_comparisons_that_look_like_tags_are_text():
    assert normalise_text("tỷ lệ x < 5% và y > 2%, <3 lần") == "tỷ lệ x < 5% và y > 2%, <3 lần\n"


def test_double_escaped_entities():
    assert normalise_text("c&amp;ocirc;ng") == "công\n"


def test_blank_runs_collapse_but_paragraphs_stay():
    assert normalise_text("a\n\n\n\n  b  c \n") == "a\n\nb c\n"


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))


@given(TEXT)
def test_output_is_nfc_without_invisible_or_carriage_characters(text):
    clean = normalise_text(text)
    assert unicodedata.is_normalized("NFC", clean)
    assert not set(clean) & set("\r\u200b\u200c\u200d\ufeff\u00a0\x00")


@given(TEXT)
def test_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@given(st.lists(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậ .,;:", min_size=1), min_size=1))
def test_plain_vietnamese_words_survive(words):
    text = " ".join(words)
    clean = normalise_text(text)
    for word in text.split():
        assert word in clean


@settings(deadline=2000, max_examples=30)  # a hang guard: unclosed openings once made this quadratic
@given(
    st.lists(
        st.sampled_from(["<script>", "<!--", "<p ", "&amp;", "<div>", "< a ", "</script>", "-->", "İ", "x"]),
        min_size=100,
        max_size=3000,
    )
)
def test_many_unclosed_openings_do_not_hang(parts):
    normalise_text("".join(parts))


def test_scripts_and_comments_are_dropped_whole_and_unclosed_ones_kept():
    text = "İİ<script>x</SCRIPT >ab<!-- c -->d<style a=1>z</style>e<!-- open"
    assert normalise_text(text) == "İİabde<!-- open\n"

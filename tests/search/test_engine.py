"""The query side's pure parts (engine.js), run in node: reading queries, snippets, highlights."""

from __future__ import annotations

import json

from searching import run_engine


def _groups(query: str, typing: bool = True) -> list[dict]:
    return run_engine(f"""
        return engine.parseQuery({json.dumps(query)}, {{typing: {json.dumps(typing)}}}).groups.map(function (g) {{
          return {{ phrase: g.phrase, syllables: g.syllables.map(function (s) {{
            return [s.exact, s.folded, s.prefix]; }}) }};
        }});""")


def test_words_are_groups_and_only_the_last_is_a_prefix_while_typing():
    assert _groups("Hàm Tân") == [
        {"phrase": False, "syllables": [["hàm", "ham", False]]},
        {"phrase": False, "syllables": [["tân", "tan", True]]},
    ]
    assert _groups("Hàm Tân ")[1]["syllables"] == [["tân", "tan", False]]  # a space: the word is finished
    assert _groups("Hàm Tân", typing=False)[1]["syllables"] == [["tân", "tan", False]]  # submitted or shared


def test_quotes_and_codes_make_phrases_without_prefix():
    assert _groups('"một cửa" hà') == [
        {"phrase": True, "syllables": [["một", "mot", False], ["cửa", "cua", False]]},
        {"phrase": False, "syllables": [["hà", "ha", True]]},
    ]
    assert _groups("“Một Cửa”")[0]["phrase"] is True  # a phone's curly quotes
    assert _groups("72/TB-UBND") == [
        {"phrase": True, "syllables": [["72", "72", False], ["tb", "tb", False], ["ubnd", "ubnd", True]]}
    ]
    assert _groups('"một cử') == [{"phrase": True, "syllables": [["một", "mot", False], ["cử", "cu", True]]}]


def test_a_one_letter_last_syllable_narrows_the_pair_only():
    assert _groups("binh d")[1]["syllables"] == [["d", "d", "pair"]]
    assert _groups("d")[0]["syllables"] == [["d", "d", False]]


def test_empty_and_punctuation_only_queries_have_no_groups():
    for query in ["", "   ", "!!! ...", "🎉", '""']:
        assert _groups(query) == []


def test_snippet_centres_on_the_words_found_and_marks_them():
    text = " ".join(["chữ"] * 50) + " Huyện Hàm Tân đạt kết quả tốt. " + " ".join(["chữ"] * 50)
    cut = run_engine(f"return engine.snippet({json.dumps(text)}, engine.parseQuery('ham tan'), 12);")
    assert cut["before"] and cut["after"]
    assert [p["text"] for p in cut["parts"] if p["mark"]] == ["Hàm", "Tân"]
    assert "".join(p["text"] for p in cut["parts"]) in text


def test_highlight_keeps_the_text_exactly_and_marks_folded_matches():
    title = "<b>Hòa Bình</b> & hoà giải"
    parts = run_engine(f"return engine.highlight({json.dumps(title)}, engine.parseQuery('hoa binh '));")
    assert "".join(p["text"] for p in parts) == title
    assert [p["text"] for p in parts if p["mark"]] == ["Hòa", "Bình", "hoà"]


def test_each_syllable_marks_its_best_spelling_present():
    parts = run_engine("return engine.highlight('Ủy ban Hòa Binh, hoa của cửa', engine.parseQuery('hòa bình cửa'));")
    assert [p["text"] for p in parts if p["mark"]] == ["Hòa", "Binh", "cửa"]  # not "hoa", not "của"


def test_filters_keep_refs_by_year_and_term_position_including_the_first():
    kept = run_engine("""
        var facets = {year: [2024, 2022, 2021], topics: [[0], [1], []], provinces: [[0], [1], [0, 1]]};
        var vocabulary = {topics: [{slug: "a"}, {slug: "b"}], provinces: [{slug: "x"}, {slug: "y"}]};
        function refs(filters) {
          var keep = engine.filterOf(filters, facets, vocabulary);
          return ["0", "1", "2"].filter(keep);
        }
        return [refs({province: "x"}), refs({topic: "a"}), refs({from: "2022"}), refs({to: "2022"}),
                refs({from: "2022", to: "2022", province: "y"}), refs({topic: "nope"})];""")
    assert kept == [["0", "2"], ["0"], ["0", "1"], ["1", "2"], ["1"], []]

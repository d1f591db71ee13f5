// engine.js: reading a query into groups, the lunr clauses and what each group needs,
// AND/ANY over lunr's results, filters, highlights and snippets.
"use strict";
const { describe, test } = require("node:test");
const assert = require("node:assert/strict");
const { engine, tinyIndex } = require("./fixtures.js");

const parse = (text, options) => engine.parseQuery(text, options);
const typing = (text) => engine.parseQuery(text, { typing: true });
const spelled = (group) => group.syllables.map((s) => s.exact);
const joined = (parts) => parts.map((p) => p.text).join("");
const markedWords = (parts) => parts.filter((p) => p.mark).map((p) => p.text);

describe("parseQuery", () => {
  test("makes each unquoted word a group of its own, normalised and folded", () => {
    const parsed = parse("Hàm Tân");
    assert.equal(parsed.groups.length, 2);
    assert.deepEqual(parsed.groups.map((g) => g.phrase), [false, false]);
    const [ham, tan] = parsed.syllables;
    assert.deepEqual([ham.exact, ham.folded, ham.prefix], ["hàm", "ham", false]);
    assert.deepEqual([tan.exact, tan.folded, tan.prefix], ["tân", "tan", false]);
    assert.equal(parsed.text, "Hàm Tân");
  });

  test("makes a quoted phrase one group, with straight or typographic quotes", () => {
    for (const text of ["\"Tân Bình\"", "“Tân Bình”", "«Tân Bình»"]) {
      const parsed = parse(text);
      assert.equal(parsed.groups.length, 1, text);
      assert.equal(parsed.groups[0].phrase, true, text);
      assert.deepEqual(spelled(parsed.groups[0]), ["tân", "bình"], text);
    }
  });

  test("reads a chunk with inner punctuation as a phrase: a document number stays together", () => {
    const parsed = parse("số 72/TB-UBND");
    assert.equal(parsed.groups.length, 2);
    assert.deepEqual(spelled(parsed.groups[1]), ["72", "tb", "ubnd"]);
    assert.equal(parsed.groups[1].phrase, true);
    assert.equal(parsed.groups[0].phrase, false);
  });

  test("finds no groups in an empty, blank or punctuation-only query", () => {
    for (const text of ["", "   ", "\"\"", "- , .", null, undefined]) {
      assert.equal(engine.isEmpty(parse(text)), true, String(text));
    }
    assert.equal(engine.isEmpty(parse("a")), false);
  });

  test("while typing, only the last word, not followed by a space, is a prefix", () => {
    assert.deepEqual(typing("ham ta").syllables.map((s) => s.prefix), [false, true]);
    assert.deepEqual(typing("ham ta ").syllables.map((s) => s.prefix), [false, false]);
    assert.deepEqual(parse("ham ta").syllables.map((s) => s.prefix), [false, false]);
  });

  test("a one-letter last word narrows its pair only; alone it is a whole word", () => {
    assert.equal(typing("binh d").syllables[1].prefix, "pair");
    assert.equal(typing("d").syllables[0].prefix, false);
  });

  test("an unclosed quote while typing is a phrase whose last word is a prefix", () => {
    const parsed = typing("\"ham ta");
    assert.equal(parsed.groups.length, 1);
    assert.equal(parsed.groups[0].phrase, true);
    assert.deepEqual(parsed.syllables.map((s) => s.prefix), [false, true]);
  });

  test("links every syllable to the one before it, across groups", () => {
    const parsed = parse("ham \"tan binh\"");
    assert.equal(parsed.syllables[0].previous, null);
    assert.equal(parsed.syllables[1].previous, parsed.syllables[0]);
    assert.equal(parsed.syllables[2].previous, parsed.syllables[1]);
  });
});

describe("keyRanges (the lunr clauses)", () => {
  test("asks for the folded and the marked syllable, and each neighbouring pair, grouped by key", () => {
    assert.deepEqual(engine.keyRanges(parse("hòa bình ")), [
      { term: "hoa", key: "hoa", boost: 1, prefix: false },
      { term: "hòa", key: "hoa", boost: 1.5, prefix: false },
      { term: "_hoa binh", key: "_hoa binh", boost: 2, prefix: false },
      { term: "binh", key: "binh", boost: 1, prefix: false },
      { term: "bình", key: "binh", boost: 1.5, prefix: false },
    ]);
  });

  test("asks once for a repeated term, with the boosts added", () => {
    const list = engine.keyRanges(parse("ha ha "));
    assert.deepEqual(list.map((c) => [c.term, c.boost]), [["ha", 2], ["_ha ha", 2]]);
  });

  test("adds prefix clauses for the word being typed", () => {
    const prefixes = engine.keyRanges(typing("hòa bì")).filter((c) => c.prefix);
    assert.deepEqual(prefixes.map((c) => [c.term, c.key, c.boost]),
                     [["_hoa bi", "_hoa bi", 0.3], ["bi", "bi", 0.3], ["bì", "bi", 0.3]]);
    // a one-letter last word: only its pair
    assert.deepEqual(engine.keyRanges(typing("binh d")).filter((c) => c.prefix).map((c) => c.term), ["_binh d"]);
  });
});

describe("needs and satisfies", () => {
  test("a word is satisfied by its folded or its marked term, not by a longer word", () => {
    const [need] = engine.needs(parse("hòa").groups[0]);
    assert.deepEqual(need, { terms: ["hoa", "hòa"], prefixes: [] });
    assert.equal(engine.satisfies(need, { hoa: {} }), true);
    assert.equal(engine.satisfies(need, { "hòa": {} }), true);
    assert.equal(engine.satisfies(need, { hoang: {} }), false);
  });

  test("a phrase also needs each neighbouring pair", () => {
    const list = engine.needs(parse("\"tan binh\"").groups[0]);
    assert.deepEqual(list[2], { terms: ["_tan binh"], prefixes: [] });
    assert.equal(list.every((n) => engine.satisfies(n, { tan: {}, binh: {}, "_tan binh": {} })), true);
    assert.equal(list.every((n) => engine.satisfies(n, { tan: {}, binh: {} })), false);
  });

  test("a word being typed is satisfied by any word it begins", () => {
    const [need] = engine.needs(typing("hoa").groups[0]);
    assert.equal(engine.satisfies(need, { hoang: {} }), true);
    assert.equal(engine.satisfies(need, { ha: {} }), false);
  });

  test("a one-letter last word is satisfied only by a pair with the word before", () => {
    const need = engine.needs(typing("binh d").groups[1])[0];
    assert.equal(engine.satisfies(need, { "_binh duong": {} }), true);
    assert.equal(engine.satisfies(need, { duong: {} }), false);
  });
});

describe("search over a lunr index", () => {
  const index = tinyIndex([
    { id: "0", title: "Tân Bình", text: "Phường Tân Bình có cửa hàng mới" },
    { id: "1", title: "Tân Hà", text: "Bình Định và Hàm Tân, của xã" },
    { id: "2", title: "Hoà Bình", text: "hòa giải ở thành phố" },
    { id: "3", title: "Bình Dương", text: "Dương Đông, Phú Quốc" },
  ]);
  const search = (text, options, keep) => engine.search(index, parse(text, options), keep);
  const refs = (found) => found.results.map((r) => r.ref);

  test("answers every word (AND), best first", () => {
    const found = search("tan binh");
    assert.equal(found.mode, "all");
    assert.deepEqual(refs(found), ["0", "1"]);
    assert.ok(found.results[0].score > found.results[1].score);
    assert.deepEqual(found.results.map((r) => r.groups), [2, 2]);
  });

  test("a quoted phrase needs its words side by side", () => {
    assert.deepEqual(refs(search("\"tan binh\"")), ["0"]);
  });

  test("finds the old and the new tone placement alike", () => {
    assert.deepEqual(refs(search("hoà")), ["2"]);
    assert.deepEqual(refs(search("hòa")), ["2"]);
    assert.deepEqual(refs(search("hoa")), ["2"]);
  });

  test("finds words without marks, and ranks the spelling typed first", () => {
    assert.deepEqual(refs(search("cửa")), ["0", "1"]);  // "cửa" in 0, only "của" in 1
  });

  test("falls back to documents with some of the words (ANY) when none has all", () => {
    const found = search("binh xyz");
    assert.equal(found.mode, "any");
    assert.deepEqual(found.results.map((r) => r.groups), [1, 1, 1, 1]);
    const scores = found.results.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });

  test("says none when no document has any word, or the query has none", () => {
    assert.deepEqual(search("xyz"), { mode: "none", results: [], exact: 0 });
    assert.deepEqual(search("  "), { mode: "none", results: [], exact: 0 });
  });

  test("the last word is the start of a word only when no article has every word whole", () => {
    // typed or shared, the same text gives the same answer
    assert.deepEqual(refs(search("ham ta", { typing: true })), ["1"]);
    assert.deepEqual(refs(search("ham ta")), ["1"]);
    assert.equal(search("ham ta").mode, "all");
    // a word every answer has whole is not stretched: "tân" does not also find "tânh…"
    assert.deepEqual(refs(search("ham tan")), ["1"]);
    // followed by a space, the word is complete
    assert.equal(search("ham ta ").mode, "any");
  });

  test("a one-letter last word finds only its pair", () => {
    assert.deepEqual(refs(search("binh d", { typing: true })), ["3", "1"]);  // Bình Dương, Bình Định
  });

  test("filters apply before AND/ANY, so a filtered-out answer does not hide the rest", () => {
    assert.deepEqual(refs(search("phu quoc ")).slice(0, 1), ["3"]);
    assert.equal(search("phu quoc ").exact, 1);
    const found = search("duong quoc ", {}, (ref) => ref !== "3");
    assert.equal(found.mode, "none");
    const some = search("binh quoc ", {}, (ref) => ref !== "3");
    assert.equal(some.mode, "any");
    assert.deepEqual(refs(some).sort(), ["0", "1", "2"]);
  });
});

describe("filters", () => {
  const vocabulary = { topics: [{ slug: "dat-dai" }, { slug: "y-te" }], provinces: [{ slug: "binh-thuan" }] };
  const facets = { year: [2019, 2021, 2023], topics: [[0], [1], [0, 1]], provinces: [[], [0], [0]] };
  const kept = (filters) => ["0", "1", "2"].filter(engine.filterOf(filters, facets, vocabulary));

  test("hasFilters is true when any filter is set", () => {
    assert.equal(engine.hasFilters({ from: "", to: "", topic: "", province: "" }), false);
    assert.equal(engine.hasFilters({}), false);
    assert.equal(engine.hasFilters({ from: "2020" }), true);
    assert.equal(engine.hasFilters({ province: "binh-thuan" }), true);
  });

  test("keeps the years from..to, both included", () => {
    assert.deepEqual(kept({ from: "2021", to: "2023" }), ["1", "2"]);
    assert.deepEqual(kept({ to: "2021" }), ["0", "1"]);
    assert.deepEqual(kept({ from: "2021", to: "2021" }), ["1"]);
  });

  test("finds a topic or province by its slug's position in the vocabulary, the first included", () => {
    assert.deepEqual(kept({ topic: "dat-dai" }), ["0", "2"]);
    assert.deepEqual(kept({ topic: "y-te", province: "binh-thuan" }), ["1", "2"]);
  });

  test("an unknown slug matches nothing", () => {
    assert.deepEqual(kept({ topic: "khong-co" }), []);
  });
});

describe("highlight", () => {
  test("keeps the text exactly and marks each word found, with or without marks", () => {
    const text = "Xã Tân Hà, huyện Hàm Tân.";
    const parts = engine.highlight(text, parse("tan"));
    assert.equal(joined(parts), text);
    assert.deepEqual(markedWords(parts), ["Tân", "Tân"]);
  });

  test("marks only the best spelling present: not \"của\" when \"cửa\" is there", () => {
    assert.deepEqual(markedWords(engine.highlight("cửa và của", parse("cửa"))), ["cửa"]);
    assert.deepEqual(markedWords(engine.highlight("chỉ có của", parse("cửa"))), ["của"]);
    assert.deepEqual(markedWords(engine.highlight("cửa và của", parse("cua"))), ["cửa", "của"]);
  });

  test("marks text in the old tone placement for a query in the new", () => {
    assert.deepEqual(markedWords(engine.highlight("Hoà Bình", parse("hòa"))), ["Hoà"]);
  });

  test("marks the word being typed, and a one-letter one only after its pair's first word", () => {
    assert.deepEqual(markedWords(engine.highlight("Hàm Tân", typing("ta"))), ["Tân"]);
    assert.deepEqual(markedWords(engine.highlight("Dĩ An, Bình Dương", typing("binh d"))), ["Bình", "Dương"]);
  });
});

describe("snippet", () => {
  const words = (n, from) => Array.from({ length: n }, (_, i) => "chữ" + (from + i)).join(" ");

  test("gives a short text whole, with its matches marked", () => {
    const cut = engine.snippet("Quyết định về Hàm Tân.", parse("ham tan"), 30);
    assert.deepEqual([cut.before, cut.after], [false, false]);
    assert.equal(joined(cut.parts), "Quyết định về Hàm Tân.");
    assert.deepEqual(markedWords(cut.parts), ["Hàm", "Tân"]);
  });

  test("cuts a long text to a window around the words found, saying where it cut", () => {
    const text = words(50, 0) + " Hàm Tân " + words(50, 100);
    const cut = engine.snippet(text, parse("ham tan"), 10);
    assert.deepEqual([cut.before, cut.after], [true, true]);
    assert.ok(text.includes(joined(cut.parts)));
    assert.deepEqual(markedWords(cut.parts), ["Hàm", "Tân"]);
    assert.ok(joined(cut.parts).startsWith("chữ47 chữ48 chữ49 Hàm"), joined(cut.parts));  // three words before
  });

  test("prefers the window where the words are side by side", () => {
    const text = "Tân " + words(2, 0) + " Hàm " + words(20, 100) + " Hàm Tân " + words(20, 200);
    const cut = engine.snippet(text, parse("ham tan"), 8);  // both windows have both words
    assert.equal(cut.before, true);
    assert.ok(joined(cut.parts).includes("Hàm Tân"), joined(cut.parts));
  });

  test("starts at the top when nothing is found", () => {
    const text = words(40, 0);
    const cut = engine.snippet(text, parse("xyz"), 10);
    assert.equal(cut.before, false);
    assert.equal(cut.after, true);
    assert.ok(joined(cut.parts).startsWith("chữ0 "));
    assert.deepEqual(markedWords(cut.parts), []);
  });

  test("gives a text without words as it is", () => {
    assert.deepEqual(engine.snippet("— …", parse("ham")), { before: false, parts: [{ text: "— …", mark: false }], after: false });
  });
});

describe("telling the truth on an archive (issue 21)", () => {
  // 60 articles: most say "đã" and "của" (common syllables), a few carry what the queries ask
  const filler = (n) => ({ id: String(n), title: `Tin số ${n}`, text: `Xã đã tổ chức hội nghị của huyện lần ${n}.` });
  const docs = Array.from({ length: 60 }, (_, n) => filler(n));
  docs[1] = { id: "1", title: "Thanh Hóa công bố chỉ số", text: "Tỉnh Thanh Hóa đã công bố chỉ số của năm." };
  docs[2] = { id: "2", title: "Hiện đại hóa nền hành chính", text: "Thành phố đẩy mạnh hiện đại hóa, đã xong." };
  docs[3] = { id: "3", title: "Bộ phận một cửa", text: "Bộ phận một cửa của xã đã tiếp nhận hồ sơ." };
  docs[4] = { id: "4", title: "Đá lát sân", text: "Sân trụ sở được lát đá, có bóng râm." };
  docs[5] = { id: "5", title: "Kết quả CCHC năm 2024", text: "Huyện công bố kết quả CCHC." };
  docs[6] = { id: "6", title: "Cải cách hành chính ở xã", text: "Xã đẩy mạnh cải cách hành chính." };
  docs[7] = { id: "7", title: "Nghị định về một cửa", text: "Thực hiện Nghị định 61/2018/NĐCP của Chính phủ." };
  docs[8] = { id: "8", title: "Triển khai văn bản", text: "Theo Nghị định số 61/2018/NĐ-CP về cơ chế một cửa." };
  const index = tinyIndex(docs);
  const table = [["CCHC", "cải cách hành chính"]], codes = ["NĐ", "CP", "QĐ", "TTg"];
  const ask = (text) => engine.search(index, engine.withAliases(parse(text), table, codes));
  const refs = (found) => found.results.slice(0, found.exact).map((r) => r.ref);

  test("a word found only through a common syllable without its marks is not found", () => {
    const found = ask("bóng đá");  // "đá" and "bóng" are in article 4, apart; "da" is in every "đã"
    assert.notEqual(found.mode, "all");
    assert.equal(found.exact, 0);
  });

  test("two common syllables typed without marks are found only side by side", () => {
    const found = ask("mot cua");
    assert.equal(found.mode, "all");
    assert.deepEqual(refs(found).sort(), ["3", "7", "8"]);
  });

  test("the spelling typed ranks first: Thanh Hoá before hiện đại hóa in a thành phố", () => {
    const found = ask("Thanh Hoá");
    assert.equal(found.results[0].ref, "1");
    assert.deepEqual(refs(found), ["1"]);
  });

  test("an abbreviation finds its full form, and the reverse", () => {
    assert.deepEqual(refs(ask("CCHC")).sort(), ["5", "6"]);
    assert.deepEqual(refs(ask("cải cách hành chính")).sort(), ["5", "6"]);
  });

  test("a quoted phrase finds a run of its words printed as their abbreviation, and the reverse", () => {
    assert.deepEqual(refs(ask('"kết quả cải cách hành chính"')), ["5"]);
    assert.deepEqual(refs(ask('"đẩy mạnh CCHC"')), ["6"]);
    assert.equal(ask('"kết quả cải cách"').exact, 0);  // a part of a form is not the form
  });

  test("a document code finds it printed with or without its hyphen", () => {
    assert.deepEqual(refs(ask("61/2018/NĐ-CP")).sort(), ["7", "8"]);
    assert.deepEqual(refs(ask("61/2018/NĐCP")).sort(), ["7", "8"]);
  });
});

describe("other words for the same thing", () => {
  const docs = Array.from({ length: 8 }, (_, n) => ({ id: String(n), title: `Tin số ${n}`, text: `Hội nghị lần ${n}.` }));
  docs[1] = { id: "1", title: "Sắp xếp đơn vị hành chính cấp xã", text: "Tỉnh sắp xếp 40 xã thành 20 xã." };
  docs[2] = { id: "2", title: "Sáp nhập xã ở huyện", text: "Huyện sáp nhập hai xã." };
  docs[3] = { id: "3", title: "Sắp xếp thời gian họp", text: "Cơ quan sắp xếp lịch làm việc của phòng." };
  const index = tinyIndex(docs);
  const sets = [["sáp nhập", "hợp nhất", "sắp xếp"]];
  const ask = (text, equivalents = sets) => engine.search(index, engine.withAliases(parse(text), [], [], equivalents));
  const refs = (found) => found.results.slice(0, found.exact).map((r) => r.ref);

  test("an article with another word for it is found, after the ones with the reader's words", () => {
    assert.deepEqual(refs(ask("sáp nhập xã")), ["2", "1"]);
    assert.deepEqual(refs(ask("sáp nhập xã", [])), ["2"]);
  });

  test("the other word must still stand with the rest of the query", () => {
    assert.ok(!refs(ask("sáp nhập xã")).includes("3"));  // "sắp xếp" without any "xã"
  });
});

describe("the spelling typed comes first", () => {
  // the folded matches have it in their titles (boost 10): lunr alone ranks them first
  const docs = Array.from({ length: 6 }, (_, n) => ({ id: String(n), title: "Thanh Hóa", text: `Tin ${n} về Thanh Hóa.` }));
  docs[4] = { id: "4", title: "Tin huyện", text: "Huyện Thạnh Hóa cải cách thủ tục hành chính cho người dân." };
  const index = tinyIndex(docs);
  test("an article with every marked word as typed ranks above higher-scoring folded ones", () => {
    const found = engine.search(index, parse("Thạnh Hóa"));
    const byScore = [...found.results].sort((a, b) => b.score - a.score);
    assert.notEqual(byScore[0].ref, "4");  // the test would pass without the rule otherwise
    assert.equal(found.results[0].ref, "4");
  });
});

// analysis.js: the query side of the Vietnamese pipeline (tokenize, vi-normalise, vi-expand).
"use strict";
const { describe, test } = require("node:test");
const assert = require("node:assert/strict");
const lunr = require("lunr");
const { analysis } = require("./fixtures.js");

const nfd = (s) => s.normalize("NFD");

describe("foldWord", () => {
  test("drops tone and vowel marks, so a reader may type without them", () => {
    assert.equal(analysis.foldWord("Việt"), "Viet");
    assert.equal(analysis.foldWord("thưởng"), "thuong");
    assert.equal(analysis.foldWord("ăn"), "an");
    assert.equal(analysis.foldWord("ổn"), "on");
  });

  test("turns đ into d (a letter of its own, not a mark), keeping case", () => {
    assert.equal(analysis.foldWord("đường"), "duong");
    assert.equal(analysis.foldWord("Đà"), "Da");
  });

  test("leaves plain words and digits alone", () => {
    assert.equal(analysis.foldWord("UBND"), "UBND");
    assert.equal(analysis.foldWord("2024"), "2024");
  });

  test("gives the same NFC result for decomposed input", () => {
    assert.equal(analysis.foldWord(nfd("Nguyễn")), "Nguyen");
    assert.equal(analysis.foldWord(nfd("Nguyễn")), analysis.foldWord("Nguyễn"));
  });
});

describe("normaliseWord", () => {
  test("lowercases", () => {
    assert.equal(analysis.normaliseWord("HÀ"), "hà");
    assert.equal(analysis.normaliseWord("Bình"), "bình");
  });

  test("moves the old tone placement to today's: hoà -> hòa, thuỷ -> thủy", () => {
    assert.equal(analysis.normaliseWord("hoà"), "hòa");
    assert.equal(analysis.normaliseWord("thuỷ"), "thủy");
    assert.equal(analysis.normaliseWord("khoẻ"), "khỏe");
    assert.equal(analysis.normaliseWord("hoạ"), "họa");
    assert.equal(analysis.normaliseWord("HOÀ"), "hòa");
    assert.equal(analysis.normaliseWord("hòa"), "hòa");
    assert.equal(analysis.normaliseWord("thủy"), "thủy");
  });

  test("does not move the tone after q (quý is q-u + ý)", () => {
    assert.equal(analysis.normaliseWord("quý"), "quý");
    assert.equal(analysis.normaliseWord("Quỳ"), "quỳ");
  });

  test("moves tones only at the end of an open syllable", () => {
    assert.equal(analysis.normaliseWord("hoàng"), "hoàng");
    assert.equal(analysis.normaliseWord("toàn"), "toàn");
  });

  test("reads decomposed (NFD) input, whichever way its marks are ordered", () => {
    assert.equal(analysis.normaliseWord(nfd("hoà")), "hòa");
    assert.equal(analysis.normaliseWord("ho\u0300a"), "hòa");
    assert.equal(analysis.normaliseWord(nfd("Việt")), "việt");
    assert.equal(analysis.normaliseWord(nfd("Việt")), "việt".normalize("NFC"));
  });
});

describe("tokenize", () => {
  test("splits on spaces and punctuation, keeping each word's own spelling", () => {
    assert.deepEqual(analysis.tokenize("Hàm Tân, Bình Thuận."), ["Hàm", "Tân", "Bình", "Thuận"]);
    assert.deepEqual(analysis.tokenize("72/TB-UBND"), ["72", "TB", "UBND"]);
    assert.deepEqual(analysis.tokenize("47,18 ha"), ["47", "18", "ha"]);
    assert.deepEqual(analysis.tokenize("Thủ Đức"), ["Thủ", "Đức"]);
  });

  test("returns NFC words for NFD text", () => {
    const words = analysis.tokenize(nfd("Việt Nam"));
    assert.deepEqual(words, ["Việt", "Nam"]);
    assert.equal(words[0], words[0].normalize("NFC"));
  });

  test("does not take a stray mark for a word", () => {
    assert.deepEqual(analysis.tokenize("a \u0301 b"), ["a", "b"]);
  });

  test("reads non-strings as text and nothing as no words", () => {
    assert.deepEqual(analysis.tokenize(2024), ["2024"]);
    assert.deepEqual(analysis.tokenize(""), []);
    assert.deepEqual(analysis.tokenize(" ,.;- "), []);
  });
});

describe("tokenizeWithOffsets", () => {
  test("gives each word with where it stands in the text", () => {
    const text = "Xã Tân Hà, huyện Hàm Tân";
    const found = analysis.tokenizeWithOffsets(text);
    assert.deepEqual(found.map((w) => w.word), ["Xã", "Tân", "Hà", "huyện", "Hàm", "Tân"]);
    assert.deepEqual(found[2], { word: "Hà", start: 7, end: 9 });
    for (const w of found) assert.equal(text.slice(w.start, w.end), w.word);
  });
});

describe("analyse", () => {
  test("gives, per syllable, the folded term, the marked one, then the pair with the next", () => {
    assert.deepEqual(analysis.analyse("Hòa Bình"), ["hoa", "hòa", "_hoa binh", "binh", "bình"]);
  });

  test("gives a plain syllable once", () => {
    assert.deepEqual(analysis.analyse("ha noi"), ["ha", "_ha noi", "noi"]);
  });

  test("gives the same terms for the old and new tone placement and for NFD", () => {
    const expected = analysis.analyse("hòa bình");
    assert.deepEqual(analysis.analyse("hoà bình"), expected);
    assert.deepEqual(analysis.analyse(nfd("Hoà Bình")), expected);
  });

  test("bigram joins two folded syllables behind the mark", () => {
    assert.equal(analysis.BIGRAM_MARK, "_");
    assert.equal(analysis.bigram("ham", "tan"), "_ham tan");
  });

  test("the lunr pipeline registered under the index's labels gives the same terms", () => {
    const pipeline = lunr.Pipeline.load(["vi-normalise", "vi-expand"]);
    const text = "Quyết định của UBND tỉnh Hoà Bình";
    const tokens = lunr.tokenizer(analysis.tokenize(text));
    assert.deepEqual(pipeline.run(tokens).map(String), analysis.analyse(text));
  });
});

/*
 * The Vietnamese analysis pipeline, query side. It mirrors reform_archive/search/analysis.py
 * step for step; tests/search/test_parity.py runs both on the same strings and compares.
 *
 *   text --tokenize--> words --vi-normalise--> syllables --vi-expand--> index terms
 *
 * Works in the browser (window.viSearchAnalysis, after lunr.js) and in node (require).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"));
  } else {
    root.viSearchAnalysis = factory(root.lunr);
  }
})(this, function (lunr) {
  "use strict";

  var BIGRAM_MARK = "_";
  var NORMALISE_LABEL = "vi-normalise";
  var EXPAND_LABEL = "vi-expand";
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var NONSPACING_MARK = /\p{Mn}/gu;
  // old convention "hoà", "thuỷ" -> today's "hòa", "thủy" (open syllables only)
  var TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"
  };

  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

  /* The words of text with where they are, for highlighting: [{word, start, end}]. A run of
     marks alone (a stray accent) is not a word. */
  function tokenizeWithOffsets(text) {
    var found = [], match;
    var re = new RegExp(WORD.source, "gu");
    while ((match = re.exec(text)) !== null) {
      if (LETTER_OR_DIGIT.test(match[0])) found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
    }
    return found;
  }

  /* Words of text, after NFC. */
  function tokenize(text) {
    return tokenizeWithOffsets(String(text).normalize("NFC")).map(function (w) { return w.word; });
  }

  var normaliseCache = new Map();
  function normaliseWord(word) {
    var cached = normaliseCache.get(word);
    if (cached !== undefined) return cached;
    var lowered = word.normalize("NFC").toLowerCase().normalize("NFC");
    var ending = lowered.slice(-2);
    if (Object.prototype.hasOwnProperty.call(TONE_MOVES, ending) &&
        !(ending[0] === "u" && lowered.slice(-3, -2) === "q")) {  // "quý" is q-u + ý
      lowered = lowered.slice(0, -2) + TONE_MOVES[ending];
    }
    normaliseCache.set(word, lowered);
    return lowered;
  }

  /* Memoised like normaliseWord: snippets fold every word of each shown text per keystroke,
     from a vocabulary of a few thousand syllables. */
  var foldCache = new Map();
  function foldWord(word) {
    var cached = foldCache.get(word);
    if (cached !== undefined) return cached;
    var folded = word.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(NONSPACING_MARK, "").normalize("NFC");
    foldCache.set(word, folded);
    return folded;
  }

  function bigram(firstFolded, secondFolded) {
    return BIGRAM_MARK + firstFolded + " " + secondFolded;
  }

  function expand(syllables, index) {
    var syllable = syllables[index], folded = foldWord(syllable);
    var terms = folded === syllable ? [folded] : [folded, syllable];
    if (index + 1 < syllables.length) terms.push(bigram(folded, foldWord(syllables[index + 1])));
    return terms;
  }

  function analyse(text) {
    var syllables = tokenize(text).map(normaliseWord), terms = [];
    for (var i = 0; i < syllables.length; i++) terms.push.apply(terms, expand(syllables, i));
    return terms;
  }

  function lunrNormalise(token) {
    return token.update(function (string) { return normaliseWord(string); });
  }

  function lunrExpand(token, i, tokens) {
    var pair = tokens.slice(i, i + 2).map(String);
    return expand(pair, 0).map(function (term) {
      return token.clone(function () { return term; });
    });
  }

  if (lunr) {
    lunr.Pipeline.registerFunction(lunrNormalise, NORMALISE_LABEL);
    lunr.Pipeline.registerFunction(lunrExpand, EXPAND_LABEL);
  }

  /* A word of a query as search compares it: {exact (normalised), folded}. */
  function syllable(word) {
    var exact = normaliseWord(word);
    return { exact: exact, folded: foldWord(exact) };
  }

  return {
    BIGRAM_MARK: BIGRAM_MARK,
    syllable: syllable,
    tokenize: tokenize,
    tokenizeWithOffsets: tokenizeWithOffsets,
    normaliseWord: normaliseWord,
    foldWord: foldWord,
    bigram: bigram,
    analyse: analyse
  };
});

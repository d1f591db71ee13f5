/*
 * What a result shows of an article (no DOM; node runs it in the tests): its words that
 * match the query marked, and the window of its text that best covers the query. engine.js
 * hands these on as engine.highlight and engine.snippet.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./analysis.js"));
  } else {
    root.viSearchSnippets = factory(root.viSearchAnalysis);
  }
})(this, function (analysis) {
  "use strict";

  /*
   * Which query syllable a word of shown text matches (given the word before it), as
   * {key, weight}: 3 when it is spelt as typed (or the query had no marks), 1 when it only
   * matches without marks ("của" for a query "cửa").
   */
  function matcher(parsed) {
    var bySyllable = Object.create(null), prefixes = [], pairs = [], others = [];
    parsed.groups.forEach(function (g) {
      (g.alternatives || []).forEach(function (alt) { others.push.apply(others, alt.syllables); });
    });
    parsed.syllables.concat(others).forEach(function (s) {
      var marked = s.exact !== s.folded;
      if (s.prefix === true) prefixes.push(s);
      else if (s.prefix === "pair") pairs.push(s);
      else if (!bySyllable[s.folded] || !marked) bySyllable[s.folded] = s;
    });
    function weigh(s, word) {
      return s.exact === s.folded || word.lastIndexOf(s.exact, 0) === 0 ? 3 : 1;
    }
    return function (word, before) {
      var normal = analysis.normaliseWord(word), folded = analysis.foldWord(normal), s = bySyllable[folded];
      if (s) return { key: folded, weight: weigh(s, normal) };
      for (var i = 0; i < prefixes.length; i++) {
        if (folded.lastIndexOf(prefixes[i].folded, 0) === 0) return { key: prefixes[i].folded, weight: weigh(prefixes[i], normal) };
      }
      for (var j = 0; j < pairs.length; j++) {
        if (before && folded.lastIndexOf(pairs[j].folded, 0) === 0 && fold(before) === pairs[j].previous.folded) {
          return { key: pairs[j].folded, weight: 3 };
        }
      }
      return null;
    };
  }

  function fold(word) {
    return analysis.foldWord(analysis.normaliseWord(word));
  }

  function hitsOf(words, match) {
    return words.map(function (w, i) { return match(w.word, i > 0 ? words[i - 1].word : null); });
  }

  /* The best weight of each query syllable's hits in [from, to). */
  function bestWeights(hits, from, to) {
    var best = Object.create(null);
    for (var i = from; i < to; i++) {
      if (hits[i] && !(hits[i].weight <= best[hits[i].key])) best[hits[i].key] = hits[i].weight;
    }
    return best;
  }

  /* For each query syllable, only its best kind of hit present is marked: no "của" marked
     when "cửa" is there too, but "Binh" marked for "bình" when it is all there is. */
  function marked(hits, from, to) {
    var best = bestWeights(hits, from, to);
    return hits.map(function (hit, k) { return Boolean(hit) && k >= from && k < to && hit.weight >= best[hit.key]; });
  }

  /* Text -> [{text, mark}] with every matching word marked. */
  function highlight(text, parsed) {
    var words = analysis.tokenizeWithOffsets(text), hits = hitsOf(words, matcher(parsed));
    return segments(text, 0, text.length, words, marked(hits, 0, words.length));
  }

  /* Distinct syllables found (by weight), plus a bonus for query neighbours found side by side. */
  function windowScore(hits, start, end, neighbours) {
    var best = bestWeights(hits, start, end), score = 0, k, key;
    for (k = start + 1; k < end; k++) {
      if (hits[k] && hits[k - 1] && neighbours[hits[k - 1].key + " " + hits[k].key]) score += 2;
    }
    for (key in best) score += best[key];
    return score;
  }

  /*
   * The window of about `size` words that best covers the query, as
   * {before: bool, parts: [{text, mark}], after: bool} (before/after: text was cut).
   */
  function snippet(text, parsed, size) {
    size = size || 30;
    var words = analysis.tokenizeWithOffsets(text), hits = hitsOf(words, matcher(parsed));
    if (!words.length) return { before: false, parts: [{ text: text, mark: false }], after: false };
    var neighbours = Object.create(null), all = parsed.syllables;
    for (var n = 0; n + 1 < all.length; n++) neighbours[all[n].folded + " " + all[n + 1].folded] = true;
    var best = 0, bestScore = -1;
    for (var start = 0; start < Math.max(1, words.length - size + 1); start++) {
      if (start > 0 && !hits[start]) continue;  // a best window starts on a hit (or at the top)
      var score = windowScore(hits, start, Math.min(words.length, start + size), neighbours);
      if (score > bestScore) { best = start; bestScore = score; }
    }
    var first = best;
    if (bestScore > 0) {  // start a few words before the first hit, keeping the last hit inside
      var hitsIn = [];
      for (var h = best; h < Math.min(words.length, best + size); h++) if (hits[h]) hitsIn.push(h);
      first = Math.max(0, hitsIn[0] - 3, hitsIn[hitsIn.length - 1] - size + 1);
    }
    var last = Math.min(words.length, first + size) - 1;
    var from = first === 0 ? 0 : words[first].start, to = last === words.length - 1 ? text.length : words[last].end;
    return { before: from > 0, parts: segments(text, from, to, words, marked(hits, first, last + 1)), after: to < text.length };
  }

  function segments(text, from, to, words, hits) {
    var parts = [], at = from;
    words.forEach(function (w, i) {
      if (w.start < from || w.end > to || !hits[i]) return;
      if (w.start > at) parts.push({ text: text.slice(at, w.start), mark: false });
      parts.push({ text: text.slice(w.start, w.end), mark: true });
      at = w.end;
    });
    if (at < to) parts.push({ text: text.slice(at, to), mark: false });
    return parts;
  }

  return { highlight: highlight, snippet: snippet };
});

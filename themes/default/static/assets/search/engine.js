/*
 * Query planning, matching and snippets (no DOM; runs in node for the relevance tests).
 *
 * A query is read into groups. Unquoted words are one group each; a quoted phrase, or a
 * chunk with inner punctuation such as "72/TB-UBND" or "47,18", is one group whose
 * neighbouring syllables must be adjacent (their bigram must match). Every lunr clause is
 * optional: lunr scores, and this file decides which documents satisfy every group (AND).
 * When none do, the results satisfying some group are shown instead, with a notice (ANY).
 * Keeping the AND outside lunr also keeps lunr's own work to scoring a merged index.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"), require("./analysis.js"));
  } else {
    root.viSearchEngine = factory(root.lunr, root.viSearchAnalysis);
  }
})(this, function (lunr, analysis) {
  "use strict";

  var BOOST = { folded: 1, exact: 1.5, prefix: 0.3, bigram: 2 };
  var MIN_PREFIX = 2;  // "h*" would match half the vocabulary
  var QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb\u2033"]/g;

  function syllable(word, prefix) {
    var exact = analysis.normaliseWord(word);
    return { exact: exact, folded: analysis.foldWord(exact), prefix: prefix };
  }

  /*
   * "Hàm Tân" -> {groups: [{syllables: [...], phrase: false}], syllables: [...all]}.
   * options.typing: the reader is still typing, so the last word (not followed by a space)
   * is a prefix. A submitted, shared or reloaded query matches whole words only.
   */
  function parseQuery(text, options) {
    var source = String(text || "").normalize("NFC").replace(QUOTES, "\"");
    var groups = [], parts = source.split("\"");
    var endsOpen = Boolean(options && options.typing) && !/\s$/.test(source);
    for (var p = 0; p < parts.length; p++) {
      var quoted = p % 2 === 1, isLast = p === parts.length - 1;
      if (quoted) {  // an unclosed quote is the last part: its last word may be half typed
        addGroup(groups, analysis.tokenize(parts[p]), true, isLast && endsOpen);
        continue;
      }
      var chunks = parts[p].split(/\s+/).filter(Boolean);
      for (var c = 0; c < chunks.length; c++) {
        var words = analysis.tokenize(chunks[c]);
        var typing = isLast && c === chunks.length - 1 && endsOpen;
        addGroup(groups, words, words.length > 1, typing);
      }
    }
    var all = [];
    groups.forEach(function (g) { all.push.apply(all, g.syllables); });
    all.forEach(function (s, i) {
      s.previous = i > 0 ? all[i - 1] : null;
      // a one-letter prefix ("binh d") only narrows a pair; alone it would match everything
      if (s.prefix && s.folded.length < MIN_PREFIX) s.prefix = s.previous ? "pair" : false;
    });
    return { text: String(text || ""), groups: groups, syllables: all };
  }

  function addGroup(groups, words, phrase, typing) {
    if (!words.length) return;
    var syllables = words.map(function (w, i) {
      var last = i === words.length - 1;
      return syllable(w, typing && last);
    });
    groups.push({ syllables: syllables, phrase: phrase });
  }

  function isEmpty(parsed) {
    return parsed.groups.length === 0;
  }

  /* What one group needs from a document's matched terms: a list of alternatives each. */
  function needs(group) {
    var found = group.syllables.map(function (s) {
      var prefixes = s.prefix === "pair" ? [analysis.bigram(s.previous.folded, s.folded)]
        : s.prefix ? [s.folded, s.exact] : [];
      return { terms: [s.folded, s.exact], prefixes: prefixes };
    });
    if (group.phrase) {
      for (var i = 0; i + 1 < group.syllables.length; i++) {
        var a = group.syllables[i], b = group.syllables[i + 1], pair = analysis.bigram(a.folded, b.folded);
        found.push(b.prefix ? { terms: [pair], prefixes: [pair] } : { terms: [pair], prefixes: [] });
      }
    }
    return found;
  }

  function satisfies(need, matched) {
    for (var i = 0; i < need.terms.length; i++) if (matched[need.terms[i]]) return true;
    if (!need.prefixes.length) return false;
    for (var term in matched) {
      for (var j = 0; j < need.prefixes.length; j++) {
        var prefix = need.prefixes[j];
        if (term.lastIndexOf(prefix, 0) === 0 && (prefix[0] === analysis.BIGRAM_MARK || term[0] !== analysis.BIGRAM_MARK)) return true;
      }
    }
    return false;
  }

  /*
   * lunr clauses for the whole query: every syllable, and every neighbouring pair. Each
   * names its group key (the folded syllable, or the pair) for the split index.
   */
  function clauses(parsed) {
    var list = [], seen = Object.create(null);
    function add(term, key, boost, prefix) {
      var id = term + (prefix ? "*" : "");
      if (seen[id] !== undefined) { list[seen[id]].boost += boost; return; }
      seen[id] = list.length;
      list.push({ term: term, key: key, boost: boost, prefix: prefix });
    }
    var all = parsed.syllables;
    all.forEach(function (s, i) {
      add(s.folded, s.folded, BOOST.folded, false);
      if (s.exact !== s.folded) add(s.exact, s.folded, BOOST.exact, false);
      if (s.prefix === true) {  // the exact prefix's keys start with the folded prefix
        add(s.folded, s.folded, BOOST.prefix, true);
        if (s.exact !== s.folded) add(s.exact, s.folded, BOOST.prefix, true);
      }
      if (i + 1 < all.length) {
        var next = all[i + 1], pair = analysis.bigram(s.folded, next.folded);
        add(pair, pair, BOOST.bigram, false);
        if (next.prefix) add(pair, pair, BOOST.prefix, true);
      }
    });
    return list;
  }

  /* What the split index must hold for a query: its clauses, read as {key, term, prefix}
     by shards.shardsFor. */
  function keyRanges(parsed) {
    return clauses(parsed);
  }

  function runLunr(index, list) {
    return index.query(function (q) {
      list.forEach(function (c) {
        q.term(c.term, {
          usePipeline: false,
          boost: c.boost,
          wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
      });
    });
  }

  /*
   * -> {mode: "all" | "any" | "none", results: [{ref, score, groups}]}, best first.
   * "any" results are ordered by how many groups they satisfy, then by score. `keep`
   * (optional) is the filters' verdict on a ref; it applies before choosing the mode, so a
   * filter never hides an any-word answer behind an empty all-word one.
   */
  function search(index, parsed, keep) {
    if (isEmpty(parsed)) return { mode: "none", results: [] };
    var groupNeeds = parsed.groups.map(needs);
    var scored = [];
    runLunr(index, clauses(parsed)).forEach(function (r) {
      if (keep && !keep(r.ref)) return;
      var matched = r.matchData.metadata, count = 0;
      groupNeeds.forEach(function (list) {
        if (list.every(function (n) { return satisfies(n, matched); })) count++;
      });
      scored.push({ ref: r.ref, score: r.score, groups: count });
    });
    var all = scored.filter(function (r) { return r.groups === parsed.groups.length; });
    if (all.length) return { mode: "all", results: all };
    var some = scored.filter(function (r) { return r.groups > 0; });
    some.sort(function (a, b) { return b.groups - a.groups || b.score - a.score; });
    return { mode: some.length ? "any" : "none", results: some };
  }

  /*
   * A filter predicate for refs. filters: {from, to, topic, province} as in the URL (years,
   * slugs); facets: {year: [...], topics: [[ids]], provinces: [[ids]]}; vocabulary: the
   * manifest's filters ({topics: [{slug}], provinces: [{slug}]}), whose positions are the ids.
   */
  function filterOf(filters, facets, vocabulary) {
    var from = Number(filters.from) || 0, to = Number(filters.to) || 0;
    var topic = filters.topic ? idOf(vocabulary.topics, filters.topic) : null;
    var province = filters.province ? idOf(vocabulary.provinces, filters.province) : null;
    return function (ref) {
      var i = Number(ref);
      if (from && facets.year[i] < from) return false;
      if (to && facets.year[i] > to) return false;
      if (topic !== null && facets.topics[i].indexOf(topic) < 0) return false;
      if (province !== null && facets.provinces[i].indexOf(province) < 0) return false;
      return true;
    };
  }

  function idOf(terms, slug) {
    for (var i = 0; i < terms.length; i++) if (terms[i].slug === slug) return i;
    return -1;  // an unknown slug matches nothing
  }

  function hasFilters(filters) {
    return Boolean(filters.from || filters.to || filters.topic || filters.province);
  }

  /*
   * Which query syllable a word of shown text matches (given the word before it), as
   * {key, weight}: 3 when it is spelt as typed (or the query had no marks), 1 when it only
   * matches without marks ("của" for a query "cửa").
   */
  function matcher(parsed) {
    var bySyllable = Object.create(null), prefixes = [], pairs = [];
    parsed.syllables.forEach(function (s) {
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

  return {
    parseQuery: parseQuery,
    keyRanges: keyRanges,
    isEmpty: isEmpty,
    search: search,
    filterOf: filterOf,
    hasFilters: hasFilters,
    highlight: highlight,
    snippet: snippet,
    // for the unit tests (tests/js/): what a group needs, and whether matched terms give it
    needs: needs,
    satisfies: satisfies
  };
});

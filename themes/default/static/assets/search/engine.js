/*
 * Query planning and matching (no DOM; runs in node for the relevance tests). Reading a query
 * with the table of abbreviations is aliases.js's; what a result shows, snippets.js's.
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
    module.exports = factory(require("lunr"), require("./analysis.js"), require("./aliases.js"),
                             require("./snippets.js"));
  } else {
    root.viSearchEngine = factory(root.lunr, root.viSearchAnalysis, root.viSearchAliases, root.viSearchSnippets);
  }
})(this, function (lunr, analysis, aliases, snippets) {
  "use strict";

  var BOOST = { folded: 1, exact: 1.5, prefix: 0.3, bigram: 2 };
  var MIN_PREFIX = 2;  // "h*" would match half the vocabulary
  var QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb\u2033"]/g;

  function syllable(word, prefix) {
    return Object.assign(analysis.syllable(word), { prefix: prefix });
  }

  /*
   * "Hàm Tân" -> {groups: [{syllables: [...], phrase: false}], syllables: [...all]}.
   * options.typing: the reader is still typing, so the last word (not followed by a space)
   * is a prefix. A submitted, shared or reloaded query matches whole words only.
   */
  function parseQuery(text, options) {
    var source = String(text || "").normalize("NFC").replace(QUOTES, "\"");
    var groups = [], parts = source.split("\"");
    var open = !/\s$/.test(source), endsOpen = Boolean(options && options.typing) && open;
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
      s.next = i + 1 < all.length ? all[i + 1] : null;
      // a one-letter prefix ("binh d") only narrows a pair; alone it would match everything
      if (s.prefix && s.folded.length < MIN_PREFIX) s.prefix = s.previous ? "pair" : false;
    });
    // the last word, not followed by a space, may be read as the start of a word when no
    // article has every word whole: typed or shared, the same text gives the same answer
    var last = all[all.length - 1];
    if (last && open && !last.prefix && !/^\d+$/.test(last.folded)) {
      last.canPrefix = last.folded.length >= MIN_PREFIX ? true : last.previous ? "pair" : false;
    }
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
    parsed.groups.forEach(function (g) {
      (g.alternatives || []).forEach(function (alt) {
        var scale = (alt.weight || 1) * weightOf(g.syllables) / weightOf(alt.syllables);
        alt.syllables.forEach(function (s, i) {
          add(s.folded, s.folded, BOOST.folded * scale, false);
          if (s.exact !== s.folded) add(s.exact, s.folded, BOOST.exact * scale, false);
          if (i + 1 < alt.syllables.length) {
            var pair = analysis.bigram(s.folded, alt.syllables[i + 1].folded);
            add(pair, pair, BOOST.bigram * scale, false);
          }
        });
      });
    });
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

  /* What the clauses of these syllables (side by side) weigh in all. */
  function weightOf(syllables) {
    return syllables.reduce(function (sum, s, i) {
      return sum + BOOST.folded + (s.exact !== s.folded ? BOOST.exact : 0) + (i ? BOOST.bigram : 0);
    }, 0);
  }

  /* What the split index must hold for a query: its clauses, read as {key, term, prefix}
     by shards.shardsFor; the last word's prefix too, which a query may fall back on. */
  function keyRanges(parsed) {
    return clauses(withLast(parsed, lastPrefix(parsed)));
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

  /* How the last word may be read as a prefix: true, "pair" (one letter after a word) or false. */
  function lastPrefix(parsed) {
    var last = parsed.syllables[parsed.syllables.length - 1];
    return last ? last.prefix || last.canPrefix || false : false;
  }

  /* parsed with its last word read as `prefix` (a copy; parsed itself is left alone). */
  function withLast(parsed, prefix) {
    var all = parsed.syllables, last = all[all.length - 1];
    if (!last || last.prefix === prefix) return parsed;
    var copy = Object.assign({}, last, { prefix: prefix });
    function swap(s) { return s === last ? copy : s; }
    return {
      text: parsed.text, syllables: all.map(swap),
      groups: parsed.groups.map(function (g) { return Object.assign({}, g, { syllables: g.syllables.map(swap) }); })
    };
  }

  /*
   * -> {mode: "all" | "any" | "none", results: [{ref, score, groups, strong}], exact}, best first.
   *
   * "all": `exact` articles have every word, each with real evidence, and (when the query
   * has two Vietnamese syllables side by side) at least one such pair side by side; the
   * articles that have nearly every word follow them. "any": no article has every word, and
   * the results are those with the most words found ("any" is said on the page, never
   * "found"). A folded-only match of a syllable in a fifth of the archive ("da" for "đá",
   * matching "đã") is no evidence on its own, only beside its query neighbour.
   * Whole words first; only when no article has every word is the last word read as the
   * start of a word (typed or shared, the same answer). `keep` (optional) is the filters'
   * verdict on a ref; it applies before choosing the mode.
   */
  function search(index, parsed, keep, options) {
    if (isEmpty(parsed)) return { mode: "none", results: [], exact: 0 };
    var page = options && options.page ? options.page : Infinity;
    var prefix = lastPrefix(parsed);
    var whole = evaluate(index, withLast(parsed, prefix === "pair" ? "pair" : false), keep, page);
    if (!whole) return null;  // first tiers that prove no first page (the caller fetches the rest)
    if (whole.exact) return whole;
    if (prefix !== true) return whole.partial ? null : whole;  // which words are found needs every list
    var started = evaluate(index, withLast(parsed, true), keep, page);
    if (!started) return null;
    if (!started.exact) return whole.partial ? null : whole;
    if (started.partial) return started;
    if (whole.partial) return null;
    var seen = Object.create(null);
    started.results.slice(0, started.exact).forEach(function (r) { seen[r.ref] = true; });
    var rest = whole.results.filter(function (r) { return !seen[r.ref]; });
    return { mode: "all", results: started.results.slice(0, started.exact).concat(rest), exact: started.exact };
  }

  var COMMON_SHARE = 0.2, COMMON_MIN_DOCUMENTS = 50;
  var QUALITY = { pair: 2, exact: 0.5 };  // tuned on the benchmark's tuned queries
  // a Vietnamese syllable, folded: onset, vowels, coda ("nghiêng", "ubnd" is not one)
  var SYLLABLE = /^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$/;

  /*
   * Every matching article judged (see search). With some lists known only by their first
   * tier (tiers.py), -> the first results the bounds prove ({partial: true}, at least `page`
   * of them), {partial: true, exact: 0} when no article can have every word, or null.
   */
  function evaluate(index, parsed, keep, page) {
    var stats = statistics(index, parsed), groups = parsed.groups, results = [];
    var hits = runLunr(index, clauses(parsed)), other = new Array(groups.length);
    for (var h = 0; h < hits.length; h++) {  // a loop, not closures: this runs for every matching article
      var r = hits[h];
      if (keep && !keep(r.ref)) continue;
      var judged = judge(r.score, r.matchData.metadata, groups, stats, other);
      judged.ref = r.ref;
      results.push(judged);
    }
    if (hits.tiers && hits.tiers.length) return keep ? null : bounded(hits, results, groups, stats, page);
    var complete = results.filter(function (r) { return r.complete; });
    // the reader's own words before other words for the same thing, every word spelt as typed
    // first ("Thạnh Hóa" before "Thanh Hóa"), then by score
    complete.sort(ranking);
    var n = groups.length, need = n >= 3 ? Math.ceil(n * 2 / 3) : n;
    var others = results.filter(function (r) { return !r.complete && r.strong > 0 && (complete.length === 0 || r.strong >= need); });
    others.sort(function (a, b) { return b.strong - a.strong || b.groups - a.groups || b.score - a.score; });
    var mode = complete.length ? "all" : others.length ? "any" : "none";
    return { mode: mode, results: complete.concat(others), exact: complete.length };
  }

  /* Best first; equal articles by number, so a part of the lists orders them as the whole does. */
  function ranking(a, b) {
    return beats(a, b) || Number(a.ref) - Number(b.ref);
  }

  function beats(a, b) {
    return (b.said - a.said) || (b.spelt - a.spelt) || b.score - a.score;
  }

  /*
   * What an article's matched terms and lunr score say of it (`other`: scratch, a slot per
   * group). `optimistic`: a bound, so a group's other form counts for the pairs and the marks
   * even where its own words are found (more matched terms then never judge an article lower).
   */
  function judge(score, matched, groups, stats, other, optimistic) {
    var n = groups.length, strong = 0, weak = 0, said = true;
    for (var k = 0; k < n; k++) {
      var g = groups[k], own = readingHas(g, matched, stats, true);
      var otherWeight = own && !optimistic ? 0 : alternativeHas(g, matched, stats, true);
      other[k] = otherWeight > 0;
      if (own) otherWeight = 1;
      if (other[k] && otherWeight < 1) said = false;  // found only through another word for it
      if (own || other[k]) { strong++; weak++; } else if (groupHas(g, matched, stats, false)) weak++;
    }
    var pairs = pairShare(stats.pairs, matched, other), spelt = exactShare(stats.marks, matched, other);
    var quality = QUALITY.pair * pairs + QUALITY.exact * spelt;
    return { ref: "", score: score * (1 + quality), groups: weak, strong: strong, spelt: spelt === 1, said: said,
             complete: strong === n && (!stats.pairs.length || pairs >= stats.pairsNeeded) };
  }

  /*
   * The first results proven from first tiers (tiers.py). An article missing a tiered term
   * may have it in the rest of the list, unless the article is in the tier of the term's
   * group (it would be there): at best it has every such term, each adding its bound. An
   * article in no tier has at best every tiered term and nothing else. Judging only gains
   * from more terms and score, so an article whose known terms rank it above every best
   * case is placed for certain, in the order the whole lists give (they hold its entries
   * alike). The count of articles with every word is then only estimated (`about`).
   */
  function bounded(hits, results, groups, stats, page) {
    var tiers = hits.tiers, other = new Array(groups.length), best = null, known = [], slack = 1 + 1e-9;
    function consider(score, matched) {
      var judged = judge(score * slack, matched, groups, stats, other, true);
      if (judged.complete && (!best || beats(judged, best) < 0)) best = judged;
      return judged.complete;
    }
    var everything = Object.create(null), most = 0, possible = new Array(hits.length);
    tiers.forEach(function (t) { everything[t.term] = true; most += t.most; });
    consider(most, everything);
    for (var h = 0; h < hits.length; h++) {
      var matched = hits[h].matchData.metadata, missing = null, extra = 0;
      for (var i = 0; i < tiers.length; i++) {
        var t = tiers[i];
        if (matched[t.term] || matched[t.group]) continue;
        (missing || (missing = Object.create(null)))[t.term] = true;
        extra += t.most;
      }
      possible[h] = missing ? consider(hits[h].score + extra, Object.assign(missing, matched)) : results[h].complete;
      if (!missing && results[h].complete) known.push(results[h]);
    }
    known.sort(ranking);
    var proven = best ? known.filter(function (r) { return beats(r, best) < 0; }) : known;
    if (!proven.length && !best) return { mode: "none", results: [], exact: 0, partial: true };
    if (proven.length < page) return null;
    return { mode: "all", results: proven, exact: proven.length, partial: true,
             about: estimate(tiers, hits, possible, proven.length) };
  }

  /* About how many articles have every word: in the tier of the rarest tiered group, the
     share that have them or may (in the best case), applied to all of the group's articles. */
  function estimate(tiers, hits, possible, floor) {
    var heads = tiers.filter(function (t) { return t.term === t.group; });
    var rarest = (heads.length ? heads : tiers).reduce(function (a, b) { return b.df < a.df ? b : a; });
    var inTier = 0, complete = 0;
    for (var h = 0; h < hits.length; h++) {
      if (!hits[h].matchData.metadata[rarest.group]) continue;
      inTier++;
      if (possible[h]) complete++;
    }
    return Math.max(floor, inTier ? Math.round(rarest.df * complete / inTier) : floor);
  }

  /* What judging evidence needs about the archive and the query. */
  function statistics(index, parsed) {
    var total = documentTotal(index), counts = Object.create(null);
    function common(term) {
      if (total < COMMON_MIN_DOCUMENTS) return false;
      if (counts[term] === undefined) counts[term] = documentCount(index, term);
      return counts[term] >= COMMON_SHARE * total;
    }
    var pairs = [], all = [], groupOf = [];
    parsed.groups.forEach(function (g, k) { g.syllables.forEach(function (s) { all.push(s); groupOf.push(k); }); });
    for (var i = 0; i + 1 < all.length; i++) {
      if (SYLLABLE.test(all[i].folded) && (SYLLABLE.test(all[i + 1].folded) || all[i + 1].prefix)) {
        // a pair inside one group is found too when the group's other form is; a pair with
        // the word being read as a prefix is found by any pair it begins ("_ham ta" in "_ham tan")
        pairs.push({ term: analysis.bigram(all[i].folded, all[i + 1].folded), prefix: Boolean(all[i + 1].prefix),
                     group: groupOf[i] === groupOf[i + 1] ? groupOf[i] : -1 });
      }
    }
    // one pair of two found side by side, half of three or more ("kết quả bóng đá" is not
    // found in an article that has "kết quả" and, elsewhere, "bóng" and "đá")
    var needed = pairs.length > 1 ? 0.5 : pairs.length ? 1 : 0;
    var marks = [];  // the syllables typed with marks, and their group
    all.forEach(function (s, i) { if (s.exact !== s.folded) marks.push({ term: s.exact, group: groupOf[i] }); });
    return { common: common, marked: marks.length > 0, single: all.length === 1, pairs: pairs, pairsNeeded: needed,
             marks: marks, needs: new Map(), besides: new Map() };
  }

  /* The Searcher knows the archive's size; a lunr index counts the refs of its vectors. */
  function documentTotal(index) {
    if (typeof index.count === "number") return index.count;
    var refs = Object.create(null), n = 0;
    Object.keys(index.fieldVectors || {}).forEach(function (key) {
      var ref = key.slice(key.indexOf("/") + 1);
      if (!refs[ref]) { refs[ref] = true; n++; }
    });
    return n;
  }

  function documentCount(index, term) {
    if (index.documentCount) return index.documentCount(term);
    var postings = index.invertedIndex && index.invertedIndex[term], docs = Object.create(null), n = 0;
    if (!postings) return 0;
    Object.keys(postings).forEach(function (field) {
      if (field === "_index") return;
      Object.keys(postings[field]).forEach(function (ref) { if (!docs[ref]) { docs[ref] = true; n++; } });
    });
    return n;
  }

  /* A group's words, or one of its other forms, found in a document (strict: each word
     with real evidence, see search). */
  function groupHas(group, matched, stats, strict) {
    return readingHas(group, matched, stats, strict) || alternativeHas(group, matched, stats, strict);
  }

  /* The weight of the best other form found (0 when none): 1 for an abbreviation or a code
     spelt otherwise, less for another word for the same thing (aliases.js, EQUIVALENT). */
  function alternativeHas(group, matched, stats, strict) {
    var list = group.alternatives, best = 0;
    if (!list) return 0;
    for (var i = 0; i < list.length; i++) {
      var weight = list[i].weight || 1;
      if (weight > best && readingHas(list[i], matched, stats, strict)) best = weight;
    }
    return best;
  }

  function readingHas(reading, matched, stats, strict) {
    var list = stats.needs.get(reading), i;  // the same for every document: made once per search
    if (!list) stats.needs.set(reading, list = needs(reading));
    for (i = 0; i < list.length; i++) if (!satisfies(list[i], matched)) return false;
    if (!strict) return true;
    for (i = 0; i < reading.syllables.length; i++) if (!evidence(reading.syllables[i], matched, stats)) return false;
    return true;
  }

  /* The pairs a syllable makes with its query neighbours: [before, after] (either may be ""). */
  function pairsOf(s, stats) {
    var known = stats.besides.get(s);
    if (!known) {
      known = [s.previous ? analysis.bigram(s.previous.folded, s.folded) : "", s.next ? analysis.bigram(s.folded, s.next.folded) : ""];
      stats.besides.set(s, known);
    }
    return known;
  }

  function evidence(s, matched, stats) {
    // read as a prefix only when no article has the word whole: beside the word before it
    if (s.prefix) return !s.previous || begins(matched, pairsOf(s, stats)[0]);
    var marked = s.exact !== s.folded;
    if (marked && matched[s.exact]) return true;
    if (!matched[s.folded] && !(marked && matched[s.exact])) return false;
    if (/\d/.test(s.folded) || !SYLLABLE.test(s.folded)) return true;  // a number, an acronym
    if (!marked && (stats.marked || stats.single)) return true;  // typed without marks on purpose
    if (!stats.common(s.folded)) return true;
    // found next to its query neighbour ("_chuyen doi" for a mistyped "đôi")
    var around = pairsOf(s, stats);
    return Boolean((around[0] && matched[around[0]]) || (around[1] && matched[around[1]]));
  }

  /* other[k]: group k was found in its other form (an abbreviation's full form…). */
  function pairShare(pairs, matched, other) {
    if (!pairs.length) return 0;
    var found = 0;
    for (var i = 0; i < pairs.length; i++) {
      var p = pairs[i];
      if ((p.prefix ? begins(matched, p.term) : matched[p.term]) || (p.group >= 0 && other[p.group])) found++;
    }
    return found / pairs.length;
  }

  function begins(matched, start) {
    for (var term in matched) if (term.lastIndexOf(start, 0) === 0) return true;
    return false;
  }

  /* Of the syllables typed with marks, the share found spelt that way (or in the group's other form). */
  function exactShare(marks, matched, other) {
    if (!marks.length) return 0;
    var found = 0;
    for (var i = 0; i < marks.length; i++) if (matched[marks[i].term] || other[marks[i].group]) found++;
    return found / marks.length;
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

  return {
    parseQuery: parseQuery,
    withAliases: aliases.withAliases,
    keyRanges: keyRanges,
    isEmpty: isEmpty,
    search: search,
    filterOf: filterOf,
    hasFilters: hasFilters,
    highlight: snippets.highlight,
    snippet: snippets.snippet,
    // for the unit tests (tests/js/): what a group needs, and whether matched terms give it
    needs: needs,
    satisfies: satisfies
  };
});

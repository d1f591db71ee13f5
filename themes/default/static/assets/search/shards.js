/*
 * The split index (reform_archive/search/shards.py): which shards a query needs, how a shard
 * decodes, and a Searcher that answers over the shards loaded. No DOM; node runs it in the
 * tests.
 *
 * Every term keeps its vector index from the unsplit index, so the shards loaded hold every
 * query term's entries in the unsplit index's order, and lunr sums the same products in the
 * same order: the scores are the unsplit index's to the last bit, for every query whose
 * terms are all in the shards loaded (shardsFor makes sure they are).
 *
 * The page builds no lunr.Index from them (the tests do: tests/search/lunr_reference.js). A
 * Searcher answers lunr.Index#query from the decoded shards with the same steps and the
 * same arithmetic, over typed arrays. lunr's own query makes an object per matching field
 * of every article (640 ms in node for the commonest words of a 10,000-article archive);
 * the tests hold the Searcher to it, score for score.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"));
  } else {
    root.viSearchShards = factory(root.lunr);
  }
})(this, function (lunr) {
  "use strict";

  var AFTER_ALL = "\uffff";  // sorts after every continuation of a key: the end of a prefix's range

  /*
   * How the build wrote the files (encoding.py's encoding(), in the manifest): run kinds, the
   * character between a group's key and a term, the lengths' digits. Read from the manifest,
   * never copied here, so that the two halves cannot disagree; worked out once per manifest.
   */
  function encodingOf(manifest) {
    if (manifest.decoding) return manifest.decoding;
    var e = manifest.encoding, values = {};
    for (var d = 0; d < e.digits.length; d++) values[e.digits.charCodeAt(d)] = d;
    var decoding = { scores: e.runs.scores, counts: e.runs.counts, scoresInFolded: e.runs.scores_in_folded,
                     countsInFolded: e.runs.counts_in_folded, withinGroup: e.within_group, values: values };
    Object.defineProperty(manifest, "decoding", { value: decoding });  // not enumerable: not part of the data
    return decoding;
  }

  /* The last shard whose first key is <= key (JavaScript's string order, as the build sorts). */
  function lastAtOrBefore(keys, key) {
    var low = 0, high = keys.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (keys[middle] <= key) low = middle + 1; else high = middle;
    }
    return low - 1;
  }

  /* Where a term sorts among shards' first keys: its group (key), then the term (shards.first_of). */
  function firstOf(term, key, within) {
    return term === key ? key : key + within + term;
  }

  /* A shard that starts inside a group needs the shard with the group's folded term. */
  function headOf(keys, n, within) {
    var cut = keys[n].indexOf(within);
    return cut < 0 ? n : lastAtOrBefore(keys, keys[n].slice(0, cut));
  }

  /*
   * Shard numbers that hold every term a query can touch, ascending (the order to decode
   * them in). ranges: [{key, term, prefix}] from engine.keyRanges: a term and its group's
   * key (a folded syllable, or a bigram); a prefix range covers every key starting with it.
   */
  function shardsFor(manifest, ranges) {
    return planFor(manifest, ranges, true).shards;
  }

  /*
   * What to fetch for a query: {shards, tiers}, each ascending. A tiered group (tiers.py)
   * has its lists' first tier in a tier file and the rest in shards of its own. Unless
   * `full` is true, only its tier is fetched, but for the groups `full` lists ({key: true});
   * the Searcher then knows those lists only in part, and says so.
   */
  function planFor(manifest, ranges, full) {
    var keys = manifest.shards.keys, tiers = tierKeys(manifest), whole = full || {};
    var within = encodingOf(manifest).withinGroup;
    var wanted = Object.create(null), tiered = Object.create(null), list = [], tierList = [];
    function add(n) {
      if (n < 0 || wanted[n]) return;
      var group = groupOf(keys[n], within), tier = tiers.length ? tierOf(tiers, group) : -1;
      if (tier >= 0) {  // the first tier always; the rest of the lists, the group's shards, if asked
        if (!tiered[tier]) { tiered[tier] = true; tierList.push(tier); }
        if (full !== true && !whole[group]) return;
      }
      wanted[n] = true;
      add(headOf(keys, n, within));
    }
    ranges.forEach(function (range) {
      add(lastAtOrBefore(keys, range.key));
      if (range.prefix) {
        var last = lastAtOrBefore(keys, range.key + AFTER_ALL);
        for (var n = Math.max(0, lastAtOrBefore(keys, range.key)); n <= last; n++) add(n);
      } else if (range.term !== range.key) {
        add(lastAtOrBefore(keys, firstOf(range.term, range.key, within)));
      }
    });
    for (var n in wanted) list.push(Number(n));
    function ascending(a, b) { return a - b; }
    return { shards: list.sort(ascending), tiers: tierList.sort(ascending) };
  }

  function tierKeys(manifest) {
    return manifest.tiers ? manifest.tiers.keys : [];
  }

  /* A shard's first key's group: "chinh" for "chinh\u0001chính". */
  function groupOf(key, within) {
    var cut = key.indexOf(within);
    return cut < 0 ? key : key.slice(0, cut);
  }

  /* The number of the tier of group `key`, or -1. */
  function tierOf(tiers, key) {
    var n = lastAtOrBefore(tiers, key);
    return n >= 0 && tiers[n] === key ? n : -1;
  }

  /* The fields (numbers) whose lengths the given shards need to score their counted lists. */
  function lengthsFor(manifest, shardNumbers) {
    var mask = 0, fields = [];
    shardNumbers.forEach(function (n) { mask |= manifest.shards.lengths[n]; });
    for (var f = 0; f < Object.keys(manifest.fields).length; f++) if (mask & (1 << f)) fields.push(f);
    return fields;
  }

  /* A lengths file ({width, lengths: base-64 digits}) -> each document's field length. */
  function decodeLengths(manifest, file) {
    var value = encodingOf(manifest).values, width = file.width, text = file.lengths, out = new Array(text.length / width);
    for (var i = 0, at = 0; i < out.length; i++) {
      var n = 0;
      for (var w = 0; w < width; w++) n = n * 64 + value[text.charCodeAt(at++)];
      out[i] = n;
    }
    return out;
  }

  /* lunr.py's score from a count, with its floating-point operations in its order. */
  function bm25(bm, idf, count, length, average, boost) {
    var norm = bm.k1 * (1 - bm.b + bm.b * (length / average));
    return round3(idf * ((bm.k1 + 1) * count) / (norm + count) * boost);
  }

  /*
   * Python's round(x, 3): the exact value of x rounded, a true half to even. toFixed rounds
   * the exact value too, but a half up; a true half is x = an odd number of sixteenths (x *
   * 1000 ends in exactly .5 and x * 16 is whole), rounded to even here. toFixed is slow, so
   * it is kept for x * 1000 next to a half, where Math.round(x * 1000) / 1000 can be wrong
   * (1.0005 * 1000 is 1000.5); elsewhere the two agree (reform_archive.search.index._round3).
   */
  function round3(x) {
    var scaled = x * 1000, whole = Math.floor(scaled), fraction = scaled - whole;
    if (Math.abs(fraction - 0.5) >= 1e-6) return Math.round(scaled) / 1000;
    if (fraction === 0.5 && Number.isInteger(x * 16)) return (whole % 2 === 0 ? whole : whole + 1) / 1000;
    return Number(x.toFixed(3));
  }

  /*
   * A shard -> {terms: [{term, index, lists: [{field, docs, scores}]}], folded}. lengths: per
   * field, the documents' lengths (those lengthsFor named). head: for a shard that starts
   * inside a group, the decoded shard holding the group's folded term (headOf).
   */
  function decodeShard(manifest, shard, lengths, head) {
    var boosts = Object.keys(manifest.fields).map(function (name) { return manifest.fields[name]; });
    var terms = shard.terms.map(function (term, i) { return { term: term, index: shard.index[i], lists: [] }; });
    var runs = shard.runs, gaps = shard.gaps, counts = shard.counts, scores = shard.scores;
    var at = 0, counted = 0, scored = 0, kinds = encodingOf(manifest);
    var folded = head ? head.folded.slice() : [];  // per field: the current group's folded list
    for (var r = 0; r < runs.length; r += 4) {
      var term = terms[runs[r]], field = runs[r + 1], kind = runs[r + 2], size = runs[r + 3];
      var list = { field: field, docs: new Array(size), scores: new Array(size), counts: null };
      var parent = folded[field], place = 0;
      var inFolded = kind === kinds.scoresInFolded || kind === kinds.countsInFolded;  // places in its group's list
      var byScore = kind === kinds.scores || kind === kinds.scoresInFolded;  // else counted
      if (kind === kinds.counts) list.counts = new Array(size);
      for (var i = 0; i < size; i++, at++) {
        place += gaps[at];
        var doc = inFolded ? parent.docs[place] : place;
        list.docs[i] = doc;
        if (byScore) {
          list.scores[i] = scores[scored++];
        } else {
          var count = kind === kinds.counts ? counts[counted++] : parent.counts[place] - counts[counted++];
          if (list.counts) list.counts[i] = count;
          list.scores[i] = bm25(manifest.bm25, shard.idf[runs[r]], count, lengths[field][doc],
                                manifest.averages[field], boosts[field]);
        }
      }
      if (!inFolded) folded[field] = list;  // a group's folded term comes first
      term.lists.push(list);
    }
    return { terms: terms, folded: folded };
  }

  /*
   * A tier file (tiers.py) -> decoded like a shard, its terms marked with what the rest of
   * their lists hold: `df` (documents with the term) and `bound` (the most the term weighs,
   * summed over the fields, in any document not in the tier), and `group` (the tier's key:
   * a document in the tier has every term of the group it has there, and only those).
   */
  function decodeTier(manifest, key, tier) {
    var terms = tier.terms.map(function (term, i) {
      return { term: term, index: tier.index[i], lists: [], df: tier.df[i], bound: tier.bound[i], group: key };
    });
    var runs = tier.runs, gaps = tier.gaps, scores = tier.scores, at = 0, folded = [];
    for (var r = 0; r < runs.length; r += 3) {
      var t = runs[r], field = runs[r + 1], size = runs[r + 2], place = 0;
      var list = { field: field, docs: new Array(size), scores: new Array(size), counts: null };
      for (var i = 0; i < size; i++, at++) {
        place += gaps[at];
        list.docs[i] = t === 0 ? place : folded[field].docs[place];
        list.scores[i] = scores[at];
      }
      if (t === 0) folded[field] = list;
      terms[t].lists.push(list);
    }
    return { terms: terms, folded: [], tier: true };
  }

  /*
   * Decodes shards `numbers` (ascending, as shardsFor gives them) in that order, each once:
   * entries[n] = {raw} gains `decoded` (and drops `raw`). A shard that starts inside a group
   * is decoded from its group's first shard, which shardsFor named too and comes before it.
   */
  function decodeInOrder(manifest, numbers, entries, lengths) {
    return numbers.map(function (n) {
      var entry = entries[n], head = headOf(manifest.shards.keys, n, encodingOf(manifest).withinGroup);
      if (!entry.decoded) {
        entry.decoded = decodeShard(manifest, entry.raw, lengths, head === n ? null : entries[head].decoded);
        entry.raw = null;
      }
      return entry.decoded;
    });
  }

  /*
   * Decoded shards and tiers -> {terms}, a term decoded twice (its first tier, the rest of
   * its lists) once, each field's list merged in document order, known in full.
   */
  function combine(decodedShards) {
    var byName = Object.create(null), out = [];
    decodedShards.forEach(function (decoded) {
      decoded.terms.forEach(function (t) {
        var seen = byName[t.term];
        if (seen === undefined) { byName[t.term] = out.length; out.push(t); return; }
        out[seen] = merged(out[seen], t);
      });
    });
    return { terms: out };
  }

  function merged(a, b) {
    var lists = [], byField = [];
    a.lists.concat(b.lists).forEach(function (list) {
      var other = byField[list.field];
      byField[list.field] = other ? mergedList(other, list) : list;
    });
    byField.forEach(function (list) { if (list) lists.push(list); });
    return { term: a.term, index: a.index, lists: lists, df: a.df !== undefined ? a.df : b.df };
  }

  function mergedList(a, b) {
    var size = a.docs.length + b.docs.length, docs = new Array(size), scores = new Array(size);
    for (var i = 0, j = 0, k = 0; k < size; k++) {
      var fromA = j >= b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j]);
      docs[k] = fromA ? a.docs[i] : b.docs[j];
      scores[k] = fromA ? a.scores[i++] : b.scores[j++];
    }
    return { field: a.field, docs: docs, scores: scores, counts: null };
  }

  /*
   * lunr.Index#query over decoded shards: the same clauses (lunr.Query), term expansion
   * (lunr.TokenSet), query vectors (lunr.Vector), field order and summation order, so the
   * same scores and the same order. Only what this site's queries use: every clause is
   * optional and searches every field.
   */
  function Searcher(manifest, decodedShards) {
    var terms = Object.create(null), names = [];
    combine(decodedShards).terms.forEach(function (t) { terms[t.term] = t; names.push(t.term); });
    this.fields = Object.keys(manifest.fields);
    this.count = manifest.count;
    this.terms = terms;
    this.tokenSet = lunr.TokenSet.fromArray(names.sort());
  }

  Searcher.prototype.query = function (build) {
    var fields = this.fields, width = fields.length, count = this.count, self = this;
    var query = new lunr.Query(fields);
    build.call(query, query);
    var queryVectors = fields.map(function () { return new lunr.Vector(); });
    var listsByIndex = fields.map(function () { return Object.create(null); });
    var done = Object.create(null), seen = new Uint8Array(count * width);
    var fieldOrder = new Uint8Array(count * width), fieldCount = new Uint8Array(count);
    var docOrder = [], matched = new Array(count);
    query.clauses.forEach(function (clause) {
      if (clause.presence !== lunr.Query.presence.OPTIONAL || clause.fields.length !== width) {
        throw new Error("Searcher: only optional clauses over every field");
      }
      var expanded = self.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
      expanded.forEach(function (term) {
        var t = self.terms[term];
        for (var f = 0; f < width; f++) {
          queryVectors[f].upsert(t.index, clause.boost, add);
          if (done[term + "/" + f]) continue;
          done[term + "/" + f] = true;
          var list = t.byField ? t.byField[f] : fieldList(t, f);
          if (!list) continue;
          listsByIndex[f][t.index] = list;
          var docs = list.docs;
          for (var i = 0; i < docs.length; i++) {
            var doc = docs[i], at = doc * width + f;
            if (!seen[at]) {  // lunr's matchingFields: first seen, first summed
              seen[at] = 1;
              if (fieldCount[doc] === 0) docOrder.push(doc);
              fieldOrder[doc * width + fieldCount[doc]++] = f;
            }
            (matched[doc] || (matched[doc] = Object.create(null)))[term] = true;
          }
        }
      });
    });
    // each field's dot products: query entries in ascending vector index, as lunr.Vector#dot
    var similarity = fields.map(function (name, f) {
      var sums = new Float64Array(count), elements = queryVectors[f].elements, lists = listsByIndex[f];
      for (var e = 0; e < elements.length; e += 2) {
        var list = lists[elements[e]], weight = elements[e + 1];
        if (!list) continue;
        for (var i = 0; i < list.docs.length; i++) sums[list.docs[i]] += weight * list.scores[i];
      }
      var magnitude = queryVectors[f].magnitude();
      return function (doc) { return sums[doc] / magnitude || 0; };
    });
    var results = docOrder.map(function (doc) {
      var score = similarity[fieldOrder[doc * width]](doc);
      for (var k = 1; k < fieldCount[doc]; k++) score += similarity[fieldOrder[doc * width + k]](doc);
      return { ref: String(doc), score: score, matchData: { metadata: matched[doc] } };
    });
    results.sort(function (a, b) { return b.score - a.score; });
    results.tiers = this.lastTiers = tiersOf(this.terms, queryVectors[0]);
    return results;
  };

  /*
   * The query's terms known only by their first tier: {term, group, df, most}, `most` being
   * the most the term can add to the score of a document whose list entries are not loaded
   * (every field's query vector is the same, so one weight and one magnitude serve).
   */
  function tiersOf(terms, vector) {
    var elements = vector.elements, magnitude = vector.magnitude(), byIndex = Object.create(null), out = [];
    for (var e = 0; e < elements.length; e += 2) byIndex[elements[e]] = elements[e + 1];
    for (var name in terms) {
      var t = terms[name];
      if (t.bound !== undefined && byIndex[t.index] !== undefined) {
        out.push({ term: name, group: t.group, df: t.df, most: byIndex[t.index] * t.bound / magnitude });
      }
    }
    return out;
  }

  /* How many documents hold `term` in any field (0 when its shard is not loaded). */
  Searcher.prototype.documentCount = function (term) {
    var t = this.terms[term];
    if (!t) return 0;
    if (t.df !== undefined) return t.df;
    var seen = Object.create(null), n = 0;
    t.lists.forEach(function (list) {
      list.docs.forEach(function (doc) { if (!seen[doc]) { seen[doc] = true; n++; } });
    });
    return n;
  };

  function add(a, b) { return a + b; }

  function fieldList(term, field) {
    term.byField = [];
    term.lists.forEach(function (list) { term.byField[list.field] = list; });
    return term.byField[field];
  }

  return {
    Searcher: Searcher,
    shardsFor: shardsFor,
    planFor: planFor,
    decodeTier: decodeTier,
    combine: combine,
    lengthsFor: lengthsFor,
    decodeLengths: decodeLengths,
    decodeInOrder: decodeInOrder,
    round3: round3
  };
});

// First tiers (reform_archive/search/tiers.py): what a query fetches of a tiered group, how a
// tier file decodes and merges with the rest of its lists, and engine.search's bounds.
"use strict";
const { describe, test } = require("node:test");
const assert = require("node:assert/strict");
const { ENCODING, engine, shards } = require("./fixtures.js");

const SCORES = ENCODING.runs.scores;  // a run kind (shards.py)

/* Group "binh" is tiered: its first tier in tier-0.json, the rest in shards 1 and 2. */
function manifest() {
  return {
    fields: { title: 10, text: 1 }, pipeline: ["vi-normalise", "vi-expand"], bm25: { k1: 1.2, b: 0.75 },
    averages: [2, 5], count: 6, index: "i/", encoding: ENCODING,
    shards: { keys: ["_ham tan", "binh", "binh\u0001bính", "ham"], lengths: [0, 0, 0, 0] },
    tiers: { keys: ["binh"] },
  };
}

/* Documents 0 and 3 are binh's first tier; bình is in document 3's title. */
const TIER = {
  terms: ["binh", "bình", "bính"], index: [1, 2, 3], df: [4, 2, 0], bound: [3.5, 1.25, 0],
  runs: [0, 0, 2,  // binh in titles: documents 0, 3
         0, 1, 1,  // binh in texts: document 3
         1, 0, 1],  // bình in titles: place 1 of binh's title run, document 3
  gaps: [0, 3, 3, 1], scores: [4.1, 3.9, 0.5, 5.2],
};
const REST = {  // shard 1 without the tier: binh in the titles of documents 1 and 5, bình in 5's
  terms: ["binh", "bình"], index: [1, 2], idf: [null, null],
  runs: [0, 0, SCORES, 2, 1, 0, 2, 1], gaps: [1, 4, 1], counts: [], scores: [3.5, 0.25, 1.25],
};

describe("planFor", () => {
  const ranges = [{ key: "binh", term: "bính", prefix: false }, { key: "ham", term: "ham", prefix: false }];
  test("a tiered group comes as its tier, the others as shards", () => {
    assert.deepEqual(shards.planFor(manifest(), ranges), { shards: [3], tiers: [0] });
  });
  test("full: every list, the tier too (it is the lists' first part)", () => {
    assert.deepEqual(shards.planFor(manifest(), ranges, true), { shards: [1, 2, 3], tiers: [0] });
    assert.deepEqual(shards.planFor(manifest(), ranges, { binh: true }), { shards: [1, 2, 3], tiers: [0] });
    assert.deepEqual(shards.shardsFor(manifest(), ranges), [1, 2, 3]);
  });
  test("a manifest without tiers", () => {
    const plain = manifest();
    delete plain.tiers;
    assert.deepEqual(shards.planFor(plain, ranges), { shards: [1, 2, 3], tiers: [] });
  });
});

describe("decodeTier and combine", () => {
  const tier = shards.decodeTier(manifest(), "binh", TIER);
  test("a spelling's documents are places in its folded term's run of the same field", () => {
    const byTerm = Object.fromEntries(tier.terms.map((t) => [t.term, t]));
    assert.deepEqual(byTerm.binh.lists.map((l) => [l.field, l.docs, l.scores]), [[0, [0, 3], [4.1, 3.9]], [1, [3], [0.5]]]);
    assert.deepEqual(byTerm["bình"].lists.map((l) => [l.field, l.docs, l.scores]), [[0, [3], [5.2]]]);
    assert.deepEqual(byTerm["bính"].lists, []);  // a term of the group no tier document has
    assert.deepEqual([byTerm.binh.df, byTerm.binh.bound, byTerm.binh.group], [4, 3.5, "binh"]);
  });
  test("a list's two parts merge in document order, its df kept", () => {
    const rest = shards.decodeInOrder(manifest(), [1], { 1: { raw: REST } }, []);
    const merged = Object.fromEntries(shards.combine(rest.concat([tier])).terms.map((t) => [t.term, t]));
    assert.deepEqual(merged.binh.lists.map((l) => [l.field, l.docs, l.scores]),
                     [[0, [0, 1, 3, 5], [4.1, 3.5, 3.9, 0.25]], [1, [3], [0.5]]]);
    assert.deepEqual(merged["bình"].lists[0].docs, [3, 5]);
    assert.equal(merged.binh.df, 4);
  });
});

/* An index as the Searcher answers with first tiers loaded: `scores` per document (all in
   the tier of "binh"), and the most a document outside it can weigh. */
function tieredIndex(scores, most) {
  return {
    count: 40,
    documentCount: () => 30,
    query() {
      const hits = scores.map((score, doc) => ({ ref: String(doc), score: score, matchData: { metadata: { binh: {} } } }));
      hits.sort((a, b) => b.score - a.score);
      hits.tiers = [{ term: "binh", group: "binh", df: 30, most: most }];
      return hits;
    },
  };
}

describe("search with first tiers", () => {
  const parsed = engine.parseQuery("binh");
  const scores = Array.from({ length: 25 }, (_, i) => 10 - i * 0.25);
  test("the results above every bound are the first page, and the count is about", () => {
    const found = engine.search(tieredIndex(scores, 4.1), parsed, null, { page: 20 });
    assert.equal(found.partial, true);
    assert.deepEqual(found.results.map((r) => r.ref), Array.from({ length: 24 }, (_, i) => String(i)));  // 4.0 is not above 4.1
    assert.equal(found.exact, 24);
    assert.equal(found.about, 30);  // every tier document has the word: all 30 of its articles
  });
  test("fewer than a page proven: no answer (the page fetches every list)", () => {
    assert.equal(engine.search(tieredIndex(scores, 6), parsed, null, { page: 20 }), null);
  });
  test("equal scores keep the documents' order, as every list gives it", () => {
    const found = engine.search(tieredIndex(Array(22).fill(2), 1), parsed, null, { page: 20 });
    assert.deepEqual(found.results.map((r) => r.ref), Array.from({ length: 22 }, (_, i) => String(i)));
  });
  test("a filter needs every list", () => {
    assert.equal(engine.search(tieredIndex(scores, 1), parsed, () => true, { page: 20 }), null);
  });
});

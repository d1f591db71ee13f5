// shards.js: which shards a query needs, how shards and field lengths decode, Python's
// rounding, and the Searcher (lunr.Index#query over decoded shards, score for score).
"use strict";
const { describe, test } = require("node:test");
const assert = require("node:assert/strict");
const lunr = require("lunr");
const { ENCODING, engine, shards } = require("./fixtures.js");
const { mergeIndex } = require("../search/lunr_reference.js");

const { scores: SCORES, counts: COUNTS, scores_in_folded: SCORES_IN_FOLDED, counts_in_folded: COUNTS_IN_FOLDED } =
  ENCODING.runs;  // run kinds (shards.py)

/*
 * A split index written by hand, in reform_archive/search/shards.py's format. All terms in
 * JavaScript's order (their vector indices): _ham tan, binh, bình, bính, ham, hàm. The
 * group "binh" is cut inside: shard 2 starts at "bính" and decodes from shard 1's runs.
 * Field 1 ("text") is sent as counts for "binh" and "bình", so it needs its lengths.
 */
function manifest() {
  return {
    fields: { title: 10, text: 1 }, pipeline: ["vi-normalise", "vi-expand"], bm25: { k1: 1.2, b: 0.75 },
    averages: [2, 5], count: 4, index: "i/", encoding: ENCODING,
    shards: { keys: ["_ham tan", "binh", "binh\u0001bính", "ham"], lengths: [0, 2, 0, 0] },
  };
}

function files() {
  return {
    0: { terms: ["_ham tan"], index: [0], idf: [null], runs: [0, 1, SCORES, 1], gaps: [2], counts: [], scores: [1.5] },
    1: {
      terms: ["binh", "bình"], index: [1, 2], idf: [0.8, 1.1],
      runs: [0, 0, SCORES, 2,  // binh in titles: documents 0 and 3
             0, 1, COUNTS, 3,  // binh in texts: documents 0, 1, 2 counted 1, 2, 1
             1, 0, SCORES_IN_FOLDED, 1,  // bình in titles: place 1 of binh's list, document 3
             1, 1, COUNTS_IN_FOLDED, 2],  // bình in texts: places 1, 2 (documents 1, 2), binh's count less 1 and 0
      gaps: [0, 3, 0, 1, 1, 1, 1, 1], counts: [1, 2, 1, 1, 0], scores: [4.1, 3.9, 5.2],
    },
    2: { terms: ["bính"], index: [3], idf: [null], runs: [0, 0, SCORES_IN_FOLDED, 1], gaps: [0], scores: [2.5], counts: [] },
    3: {
      terms: ["ham", "hàm"], index: [4, 5], idf: [null, null],
      runs: [0, 1, SCORES, 2, 1, 1, SCORES_IN_FOLDED, 1], gaps: [1, 1, 1], counts: [], scores: [1.2, 0.9, 1.4],
    },
    lengths1: { width: 1, lengths: "EKGA" },  // text lengths 4, 10, 6, 0
  };
}

function decodeAll(numbers = [0, 1, 2, 3], m = manifest(), f = files()) {
  const entries = {};
  numbers.forEach((n) => { entries[n] = { raw: f[n] }; });
  const lengths = [];
  shards.lengthsFor(m, numbers).forEach((field) => { lengths[field] = shards.decodeLengths(m, f["lengths" + field]); });
  return { manifest: m, entries, lengths, decoded: shards.decodeInOrder(m, numbers, entries, lengths) };
}

const termOf = (decoded, term) => decoded.flatMap((d) => d.terms).find((t) => t.term === term);
const listOf = (decoded, term, field) => termOf(decoded, term).lists.find((l) => l.field === field);

describe("shardsFor", () => {
  const needed = (...ranges) => shards.shardsFor(manifest(), ranges);

  test("finds a group's shard by binary search over the shards' first keys", () => {
    assert.deepEqual(needed({ key: "ham", term: "ham", prefix: false }), [3]);
    assert.deepEqual(needed({ key: "ham", term: "hàm", prefix: false }), [3]);
    assert.deepEqual(needed({ key: "_ham tan", term: "_ham tan", prefix: false }), [0]);
  });

  test("a spelling in the second shard of a cut group also needs the group's first shard", () => {
    assert.deepEqual(needed({ key: "binh", term: "bính", prefix: false }), [1, 2]);
    assert.deepEqual(needed({ key: "binh", term: "bình", prefix: false }), [1]);
  });

  test("a prefix needs every shard that may hold a key starting with it", () => {
    assert.deepEqual(needed({ key: "bi", term: "bi", prefix: true }), [0, 1, 2]);
    assert.deepEqual(needed({ key: "ha", term: "ha", prefix: true }), [1, 2, 3]);
  });

  test("gives each shard once, ascending, for many ranges", () => {
    assert.deepEqual(needed({ key: "ham", term: "ham", prefix: false }, { key: "binh", term: "bính", prefix: false },
                            { key: "ham", term: "hàm", prefix: false }), [1, 2, 3]);
  });

  test("a key sorting before the first shard is in none", () => {
    assert.deepEqual(needed({ key: "0", term: "0", prefix: false }), []);
  });

  test("takes engine.keyRanges as they are: a query loads the shards of all its terms", () => {
    assert.deepEqual(shards.shardsFor(manifest(), engine.keyRanges(engine.parseQuery("bính"))), [1, 2]);
    assert.deepEqual(shards.shardsFor(manifest(), engine.keyRanges(engine.parseQuery("hàm tân"))), [0, 3]);
  });
});

describe("field lengths", () => {
  test("lengthsFor names the fields whose counted lists the shards score", () => {
    assert.deepEqual(shards.lengthsFor(manifest(), [1]), [1]);
    assert.deepEqual(shards.lengthsFor(manifest(), [0, 2, 3]), []);
    const both = manifest();
    both.shards.lengths = [1, 2, 0, 0];
    assert.deepEqual(shards.lengthsFor(both, [0, 1]), [0, 1]);
  });

  test("decodeLengths reads fixed-width base-64 digits (A is 0, _ is 63)", () => {
    const m = manifest();
    assert.deepEqual(shards.decodeLengths(m, { width: 1, lengths: "EKGA" }), [4, 10, 6, 0]);
    assert.deepEqual(shards.decodeLengths(m, { width: 1, lengths: "az9-_" }), [26, 51, 61, 62, 63]);
    assert.deepEqual(shards.decodeLengths(m, { width: 2, lengths: "BAA___" }), [64, 63, 4095]);
    assert.deepEqual(shards.decodeLengths(m, { width: 3, lengths: "" }), []);
  });
});

describe("round3 (Python's round(x, 3))", () => {
  test("rounds a true half to even", () => {
    assert.equal(shards.round3(0.0625), 0.062);
    assert.equal(shards.round3(0.3125), 0.312);
    assert.equal(shards.round3(0.1875), 0.188);
  });

  test("rounds the exact binary value, not the decimal one written", () => {
    assert.equal(shards.round3(1.0005), 1);  // 1.000499999…
    assert.equal(shards.round3(1.2345), 1.234);  // 1.234499999…
    assert.equal(shards.round3(0.0015), 0.002);  // 0.001500000…02
  });

  test("rounds ordinary values to the nearest", () => {
    assert.equal(shards.round3(3.14159), 3.142);
    assert.equal(shards.round3(2.675), 2.675);
    assert.equal(shards.round3(0), 0);
  });
});

describe("the files' encoding comes from the manifest", () => {
  /* The same index written with other run kinds, another separator inside groups and other
     digits: what decodes must not change, so nothing of the encoding is assumed here. */
  function recoded() {
    const kinds = { [SCORES]: 3, [COUNTS]: 2, [SCORES_IN_FOLDED]: 1, [COUNTS_IN_FOLDED]: 0 };
    const digits = ENCODING.digits.split("").reverse().join("");
    const m = manifest();
    m.encoding = { runs: { scores: 3, counts: 2, scores_in_folded: 1, counts_in_folded: 0 }, within_group: "\u0002",
                   digits: digits, bigram_mark: ENCODING.bigram_mark };
    m.shards.keys = m.shards.keys.map((key) => key.replace("\u0001", "\u0002"));
    const f = files();
    [0, 1, 2, 3].forEach((n) => { f[n].runs = f[n].runs.map((v, i) => (i % 4 === 2 ? kinds[v] : v)); });
    const swap = (text) => text.split("").map((c) => digits[ENCODING.digits.indexOf(c)]).join("");
    f.lengths1 = { width: 1, lengths: swap(f.lengths1.lengths) };
    return { m, f };
  }

  test("shards, lists and lengths decode the same whatever the encoding", () => {
    const { m, f } = recoded();
    const plain = decodeAll(), other = decodeAll([0, 1, 2, 3], m, f);
    for (const [term, field] of [["binh", 0], ["binh", 1], ["bình", 0], ["bình", 1], ["bính", 0], ["hàm", 1]]) {
      assert.deepEqual(listOf(other.decoded, term, field), listOf(plain.decoded, term, field), `${term} ${field}`);
    }
    assert.deepEqual(other.lengths, plain.lengths);
  });

  test("a group cut inside is found by the manifest's separator", () => {
    const { m } = recoded();
    assert.deepEqual(shards.shardsFor(m, [{ key: "binh", term: "bính", prefix: false }]), [1, 2]);
  });
});

describe("decodeInOrder", () => {
  test("reads documents from gaps and takes sent scores as they are", () => {
    const { decoded } = decodeAll();
    assert.deepEqual(listOf(decoded, "binh", 0).docs, [0, 3]);
    assert.deepEqual(listOf(decoded, "binh", 0).scores, [4.1, 3.9]);
    assert.deepEqual(listOf(decoded, "_ham tan", 1).docs, [2]);
    assert.deepEqual(termOf(decoded, "hàm").index, 5);
  });

  test("scores counted lists with BM25 from the field lengths, rounded as lunr.py does", () => {
    const { decoded } = decodeAll();
    const list = listOf(decoded, "binh", 1);
    assert.deepEqual(list.docs, [0, 1, 2]);
    assert.deepEqual(list.scores, [0.871, 0.859, 0.739]);  // Python: round(idf * (k1 + 1) * tf / (norm + tf), 3)
  });

  test("reads a spelling's documents as places in its folded term's list", () => {
    const { decoded } = decodeAll();
    assert.deepEqual(listOf(decoded, "bình", 0).docs, [3]);
    assert.deepEqual(listOf(decoded, "bình", 0).scores, [5.2]);
    assert.deepEqual(listOf(decoded, "hàm", 1).docs, [2]);
  });

  test("takes a spelling's counts as the folded term's count less the one sent", () => {
    const list = listOf(decodeAll().decoded, "bình", 1);
    assert.deepEqual(list.docs, [1, 2]);
    assert.deepEqual(list.scores, [0.781, 1.017]);  // counts 2 - 1 and 1 - 0, idf 1.1
  });

  test("decodes a shard that starts inside a group from its head shard's runs", () => {
    const { decoded } = decodeAll([1, 2]);
    assert.deepEqual(listOf(decoded, "bính", 0).docs, [0]);
    assert.deepEqual(listOf(decoded, "bính", 0).scores, [2.5]);
  });

  test("decodes each shard once, dropping its raw form", () => {
    const { manifest: m, entries, lengths, decoded } = decodeAll([1, 2]);
    assert.equal(entries[1].raw, null);
    assert.equal(entries[2].decoded, decoded[1]);
    const again = shards.decodeInOrder(m, [1, 2], entries, lengths);
    assert.equal(again[0], decoded[0]);
    assert.equal(again[1], decoded[1]);
  });
});

describe("Searcher", () => {
  const answers = (index, build) => index.query(build).map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));
  const both = (numbers, build) => {
    const { manifest: m, decoded } = decodeAll(numbers);
    return [answers(new shards.Searcher(m, decoded), build), answers(mergeIndex(m, decoded), build)];
  };
  const optional = (term, boost, wildcard) => (q) => q.term(term, { usePipeline: false, boost,
    wildcard: wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE });

  test("answers a term as lunr.js does over the same shards: refs, scores and order", () => {
    const [searcher, reference] = both([0, 1, 2, 3], optional("binh", 1));
    assert.deepEqual(searcher.map((r) => [r.ref, r.score]), [["0", 4.1 + 0.871], ["3", 3.9], ["1", 0.859], ["2", 0.739]]);
    assert.deepEqual(searcher, reference);
  });

  test("sums several boosted clauses and prefixes exactly as lunr.js does", () => {
    const build = (q) => {
      optional("ham", 1)(q);
      optional("hàm", 1.5)(q);
      optional("_ham tan", 2)(q);
      optional("bi", 0.3, true)(q);
    };
    const [searcher, reference] = both([0, 1, 2, 3], build);
    assert.equal(searcher.length, 4);
    assert.deepEqual(searcher, reference);
    assert.deepEqual(searcher.find((r) => r.ref === "2").terms, ["_ham tan", "binh", "ham", "hàm"]);  // "bi*" is not "bì*"
  });

  test("gives engine.search the same answers as a lunr index", () => {
    const { manifest: m, decoded } = decodeAll();
    for (const text of ["bình", "ham binh", "\"hàm\"", "bi"]) {
      const parsed = engine.parseQuery(text, { typing: true });
      assert.deepEqual(engine.search(new shards.Searcher(m, decoded), parsed),
                       engine.search(mergeIndex(m, decoded), parsed), text);
    }
  });

  test("counts a term's documents as the lunr index does", () => {
    const { manifest: m, decoded } = decodeAll();
    const searcher = new shards.Searcher(m, decoded), index = mergeIndex(m, decoded);
    for (const term of Object.keys(index.invertedIndex)) {
      const postings = index.invertedIndex[term], docs = new Set();
      for (const field of Object.keys(postings)) if (field !== "_index") Object.keys(postings[field]).forEach((d) => docs.add(d));
      assert.equal(searcher.documentCount(term), docs.size, term);
    }
    assert.equal(searcher.documentCount("no-such-term"), 0);
  });

  test("refuses clauses it does not mirror (required, or some fields only)", () => {
    const { manifest: m, decoded } = decodeAll();
    const searcher = new shards.Searcher(m, decoded);
    assert.throws(() => searcher.query((q) => q.term("binh", { presence: lunr.Query.presence.REQUIRED })), /only optional/);
    assert.throws(() => searcher.query((q) => q.term("binh", { fields: ["title"] })), /only optional/);
  });
});

// Merges every shard of a split index with the theme's shards.js and prints lunr's
// serialisation of the result, plus, for every term, whether shardsFor finds its shard.
// stdin: {"manifest": {...SplitIndex.manifest()}, "files": {"0.json": {...}, "lengths-2.json": {...}}}
// stdout: {"index": lunr.Index#toJSON(), "found": {term: true|false}, "fetched": {term: shard count}}
"use strict";
const fs = require("fs");
const path = require("path");
const shards = require(path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search", "shards.js"));
const { mergeIndex } = require("./lunr_reference.js");
const analysis = require(path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search", "analysis.js"));

const { manifest, files } = JSON.parse(fs.readFileSync(0, "utf8"));
const all = manifest.shards.keys.map((_, n) => n);
const lengths = [];
shards.lengthsFor(manifest, all).forEach((f) => { lengths[f] = shards.decodeLengths(manifest, files["lengths-" + f + ".json"]); });
const entries = {};
all.forEach((n) => { entries[n] = { raw: files[n + ".json"] }; });
const decoded = shards.decodeInOrder(manifest, all, entries, lengths);
const found = {}, fetched = {};
all.forEach((n) => files[n + ".json"].terms.forEach((term) => {
  const key = term[0] === analysis.BIGRAM_MARK ? term : analysis.foldWord(term);
  const numbers = shards.shardsFor(manifest, [{ key: key, term: term, prefix: false }]);
  found[term] = numbers.indexOf(n) >= 0;
  fetched[term] = numbers.length;
}));
process.stdout.write(JSON.stringify({ index: mergeIndex(manifest, decoded).toJSON(), found: found, fetched: fetched }));

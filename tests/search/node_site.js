// Shared by the node scripts here: a built site's search files opened the way the search
// page opens them (its manifest, its files read by name, shards decoded in order with the
// field lengths they need, a query parsed with the manifest's aliases).
"use strict";
const fs = require("fs");
const path = require("path");
const assets = path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search");
const engine = require(path.join(assets, "engine.js"));
const shards = require(path.join(assets, "shards.js"));

function openSite(site) {
  const dir = path.join(site, "search");
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  const manifest = read("manifest.json");

  // Each call decodes its shards afresh, as a page that has fetched nothing else would: a
  // shard decoded for an earlier query must not hide a head shard this one failed to name.
  function decodedShards(numbers) {
    const lengths = [], entries = {};
    shards.lengthsFor(manifest, numbers).forEach((f) => {
      lengths[f] = shards.decodeLengths(manifest, read(manifest.index + "lengths-" + f + ".json"));
    });
    numbers.forEach((n) => { entries[n] = { raw: read(manifest.index + n + ".json") }; });
    return shards.decodeInOrder(manifest, numbers, entries, lengths);
  }

  const parse = (query, typing) => engine.withAliases(engine.parseQuery(query, { typing: Boolean(typing) }),
                                                       manifest.aliases, manifest.codes, manifest.equivalents);
  return { manifest, read, decodedShards, parse };
}

module.exports = { engine, shards, openSite };

// Answers queries against a built site's search files two ways, in node: as the page first
// tries (the first tiers of tiered groups, shards.planFor without `full`, engine.search with
// a page of 20) and from every list (full).
// stdin: {"site": "<output dir>", "queries": ["ham tan", ...], "typing": false}
// stdout: {"ham tan": {"tiered": null | {"mode", "refs", "scores", "partial", "about"},
//                      "full": {"mode", "refs", "scores", "exact"}, "tiers": n}, ...}
"use strict";
const fs = require("fs");
const path = require("path");
const assets = path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search");
const engine = require(path.join(assets, "engine.js"));
const shards = require(path.join(assets, "shards.js"));

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const dir = path.join(request.site, "search");
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const manifest = read("manifest.json");

function searcher(parsed, full) {
  const plan = shards.planFor(manifest, engine.keyRanges(parsed), full);
  const lengths = [], entries = {};
  shards.lengthsFor(manifest, plan.shards).forEach((f) => {
    lengths[f] = shards.decodeLengths(manifest, read(manifest.index + "lengths-" + f + ".json"));
  });
  plan.shards.forEach((n) => { entries[n] = { raw: read(manifest.index + n + ".json") }; });
  const tiers = plan.tiers.map((n) => shards.decodeTier(manifest, manifest.tiers.keys[n],
                                                        read(manifest.index + "tier-" + n + ".json")));
  return { searcher: new shards.Searcher(manifest, shards.decodeInOrder(manifest, plan.shards, entries, lengths).concat(tiers)),
           tiers: plan.tiers.length };
}

const shown = (found) => found && {
  mode: found.mode, refs: found.results.map((r) => r.ref), scores: found.results.map((r) => r.score),
  exact: found.exact, partial: Boolean(found.partial), about: found.about === undefined ? null : found.about,
};
const out = {};
for (const query of request.queries) {
  const parsed = engine.withAliases(engine.parseQuery(query, { typing: Boolean(request.typing) }),
                                    manifest.aliases, manifest.codes, manifest.equivalents);
  const first = searcher(parsed, false);
  out[query] = { tiered: shown(engine.search(first.searcher, parsed, null, { page: 20 })),
                 full: shown(engine.search(searcher(parsed, true).searcher, parsed, null)), tiers: first.tiers };
}
process.stdout.write(JSON.stringify(out));

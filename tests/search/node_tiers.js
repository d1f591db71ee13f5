// Answers queries against a built site's search files two ways, in node: as the page first
// tries (the first tiers of tiered groups, shards.planFor without `full`, engine.search with
// a page of 20) and from every list (full).
// stdin: {"site": "<output dir>", "queries": ["ham tan", ...], "typing": false}
// stdout: {"ham tan": {"tiered": null | {"mode", "refs", "scores", "partial", "about"},
//                      "full": {"mode", "refs", "scores", "exact"}, "tiers": n}, ...}
"use strict";
const fs = require("fs");
const { engine, shards, openSite } = require("./node_site.js");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const { manifest, read, decodedShards, parse } = openSite(request.site);

function searcher(parsed, full) {
  const plan = shards.planFor(manifest, engine.keyRanges(parsed), full);
  const tiers = plan.tiers.map((n) => shards.decodeTier(manifest, manifest.tiers.keys[n],
                                                        read(manifest.index + "tier-" + n + ".json")));
  return { searcher: new shards.Searcher(manifest, decodedShards(plan.shards).concat(tiers)), tiers: plan.tiers.length };
}

const shown = (found) => found && {
  mode: found.mode, refs: found.results.map((r) => r.ref), scores: found.results.map((r) => r.score),
  exact: found.exact, partial: Boolean(found.partial), about: found.about === undefined ? null : found.about,
};
const out = {};
for (const query of request.queries) {
  const parsed = parse(query, request.typing);
  const first = searcher(parsed, false);
  out[query] = { tiered: shown(engine.search(first.searcher, parsed, null, { page: 20 })),
                 full: shown(engine.search(searcher(parsed, true).searcher, parsed, null)), tiers: first.tiers };
}
process.stdout.write(JSON.stringify(out));

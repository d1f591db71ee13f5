// Runs queries against a built site's search files with the theme's engine, in node, the
// way the search page does: for each query, only the shards it needs, merged.
// stdin: {"site": "<output dir>", "queries": ["ham tan", ...], "typing": false,
//         "filters": {"from": "", "to": "", "topic": "", "province": ""},
//         "reference": "<optional: an unsplit index in the wire format, to query as well>"}
// stdout: {"ham tan": {"mode": "all", "results": [{"ref", "url", "title", "score", "groups"}],
//                      "shards": [n, ...], "lunr": {"mode", "results"}, "reference": {...}}, ...}
// "lunr": lunr.js's own Index#query over the same shards merged (what the Searcher mirrors).
"use strict";
const fs = require("fs");
const { engine, shards, openSite } = require("./node_site.js");
const { loadIndex, mergeIndex } = require("./lunr_reference.js");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const { manifest, read, decodedShards, parse } = openSite(request.site);
const docs = [];
for (let n = 0; n < manifest.count; n++) docs.push(read(manifest.documents + n + ".json"));
const filters = request.filters || {};
const keep = engine.hasFilters(filters) ? engine.filterOf(filters, read(manifest.facets), manifest.filters) : null;
const reference = request.reference ? loadIndex(JSON.parse(fs.readFileSync(request.reference, "utf8"))) : null;

const shown = (found) => ({
  mode: found.mode,
  results: found.results.map((r) => ({ ref: r.ref, url: docs[Number(r.ref)].url, title: docs[Number(r.ref)].title,
                                       score: r.score, groups: r.groups })),
});
const out = {};
for (const query of request.queries) {
  const parsed = parse(query, request.typing);
  const numbers = shards.shardsFor(manifest, engine.keyRanges(parsed));
  const loaded = decodedShards(numbers);
  out[query] = shown(engine.search(new shards.Searcher(manifest, loaded), parsed, keep));
  out[query].shards = numbers;
  out[query].lunr = shown(engine.search(mergeIndex(manifest, loaded), parsed, keep));
  if (reference) out[query].reference = shown(engine.search(reference, parsed, keep));
}
process.stdout.write(JSON.stringify(out));

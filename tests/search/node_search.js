// Runs queries against a built site's search files with the theme's engine, in node.
// stdin: {"site": "<output dir>", "queries": ["ham tan", ...], "typing": false,
//         "filters": {"from": "", "to": "", "topic": "", "province": ""}}
// stdout: {"ham tan": {"mode": "all", "results": [{"url", "title", "score", "groups"}]}, ...}
"use strict";
const fs = require("fs");
const path = require("path");
const assets = path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search");
const engine = require(path.join(assets, "engine.js"));

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const dir = path.join(request.site, "search");
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const manifest = read("manifest.json");
const index = engine.loadIndex(read(manifest.index[0].file));
const docs = [].concat(...manifest.documents.files.map(read));
const filters = request.filters || {};
const keep = engine.hasFilters(filters) ? engine.filterOf(filters, read(manifest.facets), manifest.filters) : null;
const out = {};
for (const query of request.queries) {
  const found = engine.search(index, engine.parseQuery(query, { typing: Boolean(request.typing) }), keep);
  out[query] = {
    mode: found.mode,
    results: found.results.map((r) => ({ url: docs[Number(r.ref)].url, title: docs[Number(r.ref)].title,
                                         score: r.score, groups: r.groups })),
  };
}
process.stdout.write(JSON.stringify(out));

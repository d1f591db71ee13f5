// Shared by the unit tests in this folder (not a test file itself): where the browser's
// scripts are, and a tiny lunr index made in memory the way the site's analysis reads text.
"use strict";
const path = require("node:path");
const lunr = require("lunr");

const ROOT = path.join(__dirname, "..", "..");
const SEARCH = path.join(ROOT, "themes", "default", "static", "assets", "search");
const analysis = require(path.join(SEARCH, "analysis.js"));
const engine = require(path.join(SEARCH, "engine.js"));
const shards = require(path.join(SEARCH, "shards.js"));

/* A lunr index over docs ([{id, title, text}]) with the site's pipeline (vi-normalise,
   vi-expand, registered by analysis.js) and its tokenizer, nothing else. */
function tinyIndex(docs) {
  return lunr(function () {
    this.ref("id");
    this.field("title", { boost: 10 });
    this.field("text");
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(lunr.Pipeline.registeredFunctions["vi-normalise"],
                      lunr.Pipeline.registeredFunctions["vi-expand"]);
    this.tokenizer = (text) => analysis.tokenize(text ?? "").map((w) => new lunr.Token(w, {}));
    docs.forEach((doc) => this.add(doc));
  });
}

/* The files' encoding as the build writes it into the manifest (reform_archive/search/encoding.py,
   encoding(); tests/search/test_parity.py checks that this copy is the build's). */
const ENCODING = {
  runs: { scores: 0, counts: 1, scores_in_folded: 2, counts_in_folded: 3 },
  within_group: "\u0001",
  digits: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  bigram_mark: "_",
};

module.exports = { ENCODING, ROOT, analysis, engine, shards, tinyIndex };

// The browser's analysis pipeline, run in node for the parity test.
// stdin: JSON list of strings; stdout: JSON list of {tokens, words, folded, analysed, pipeline}.
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const analysis = require(path.join(__dirname, "..", "..", "themes", "default", "static", "assets", "search", "analysis.js"));

// the pipeline as lunr.Index.load rebuilds it from an index's labels
const pipeline = lunr.Pipeline.load(["vi-normalise", "vi-expand"]);
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
const out = texts.map((text) => {
  const tokens = analysis.tokenize(text);
  const words = tokens.map(analysis.normaliseWord);
  return {
    tokens,
    words,
    folded: words.map(analysis.foldWord),
    analysed: analysis.analyse(text),
    pipeline: pipeline.run(lunr.tokenizer(tokens)).map(String),
  };
});
process.stdout.write(JSON.stringify(out));

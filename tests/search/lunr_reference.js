// lunr.js's own indexes, for the tests to hold the page's answers to (the page ships neither):
// - loadIndex: the unsplit index (reform_archive/search/index.py's wire format), as lunr.Index.load;
// - mergeIndex: one lunr.Index from decoded shards, which the page's shards.Searcher mirrors.
"use strict";
const lunr = require("lunr");

/*
 * The wire format back to lunr's serialisation: postings are the non-zero entries of the
 * field vectors; a term's vector index is its position in the sorted term list; a vector
 * is [field/ref, index gaps, scores].
 */
function expandIndex(wire) {
  const postings = wire.terms.map((term, i) => {
    const posting = { _index: i };
    wire.fields.forEach((field) => { posting[field] = {}; });
    return posting;
  });
  const vectors = wire.fieldVectors.map((entry) => {
    const slash = entry[0].indexOf("/"), field = entry[0].slice(0, slash), ref = entry[0].slice(slash + 1);
    const gaps = entry[1], scores = entry[2], elements = new Array(2 * gaps.length);
    let index = 0;
    for (let i = 0; i < gaps.length; i++) {
      index += gaps[i];
      elements[2 * i] = index;
      elements[2 * i + 1] = scores[i];
      postings[index][field][ref] = {};
    }
    return [entry[0], elements];
  });
  return {
    version: wire.version, fields: wire.fields, pipeline: wire.pipeline, fieldVectors: vectors,
    invertedIndex: wire.terms.map((term, i) => [term, postings[i]]),
  };
}

function loadIndex(wire) {
  return lunr.Index.load(expandIndex(wire));
}

/* One lunr index from decoded shards: lunr.Index.load's result for the terms they hold. */
function mergeIndex(manifest, decodedShards) {
  const all = [];
  decodedShards.forEach((decoded) => all.push(...decoded.terms));
  all.sort((a, b) => a.index - b.index);  // vectors list their entries in this order
  const names = Object.keys(manifest.fields), invertedIndex = Object.create(null), elements = Object.create(null);
  all.forEach((t) => {
    const posting = { _index: t.index };
    names.forEach((name) => { posting[name] = {}; });
    t.lists.forEach((list) => {
      const name = names[list.field], field = posting[name];
      for (let i = 0; i < list.docs.length; i++) {
        const ref = String(list.docs[i]), vector = name + "/" + ref;
        field[ref] = {};
        (elements[vector] || (elements[vector] = [])).push(t.index, list.scores[i]);
      }
    });
    invertedIndex[t.term] = posting;
  });
  const fieldVectors = Object.create(null);
  for (const vector in elements) fieldVectors[vector] = new lunr.Vector(elements[vector]);
  const index = new lunr.Index({
    invertedIndex: invertedIndex,
    fieldVectors: fieldVectors,
    tokenSet: lunr.TokenSet.fromArray(all.map((t) => t.term).sort()),  // fromArray wants them sorted
    fields: names,
    pipeline: lunr.Pipeline.load(manifest.pipeline),
  });
  index.count = manifest.count;  // the archive's size: its vectors are only those of the terms loaded
  return index;
}

module.exports = { expandIndex, loadIndex, mergeIndex };

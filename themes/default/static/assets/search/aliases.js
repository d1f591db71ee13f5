/*
 * A query read with the search manifest's table of what is the same (no DOM; node runs it
 * in the tests): abbreviations and their full forms, a document code's parts run together
 * or apart. engine.js hands it on as engine.withAliases.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./analysis.js"));
  } else {
    root.viSearchAliases = factory(root.viSearchAnalysis);
  }
})(this, function (analysis) {
  "use strict";

  /*
   * parsed, with what the manifest's table reads as the same: a run of whole groups that
   * is an abbreviation or one of its full forms ("CCHC", "cải cách hành chính") becomes one
   * group that either form satisfies (the other as a phrase); a document code's parts run
   * together ("61/2018/NĐCP") or apart ("NĐ-CP") likewise. aliases: [[short, full], ...];
   * codes: the code parts ("NĐ", "CP", "TTg", ...).
   */
  function withAliases(parsed, aliases, codes, equivalents) {
    var table = tableOf(aliases || [], codes || []), forms = table.forms, parts = table.parts;
    var groups = [], i = 0, source = parsed.groups;
    while (i < source.length) {
      var found = aliasAt(source, i, forms);
      if (found) {
        var covered = source.slice(i, found.end), syllables = [];
        covered.forEach(function (g) { syllables.push.apply(syllables, g.syllables); });
        groups.push({ syllables: syllables, phrase: covered.length === 1 && covered[0].phrase,
                      alternatives: [alternative(found.to)] });
        i = found.end;
        continue;
      }
      var code = source[i].phrase ? codeSpelling(source[i].syllables, parts) : null;
      // inside a phrase, a run of its words may be printed as the other form:
      // "Chương trình tổng thể cải cách hành chính" is also "Chương trình tổng thể CCHC"
      var inner = source[i].phrase && !code ? innerSpelling(source[i].syllables, forms) : null;
      var other = code || inner;
      groups.push(other ? Object.assign({}, source[i], { alternatives: [alternative(other)] }) : source[i]);
      i++;
    }
    return { text: parsed.text, groups: withEquivalents(groups, equivalents || []), syllables: parsed.syllables };
  }

  /*
   * Another word for the same thing ("sáp nhập", "hợp nhất", "sắp xếp"): a run of whole groups
   * that is one of a set's phrases gets the others as weaker alternatives (EQUIVALENT of the
   * weight, and ranked after the articles with the reader's own words, engine.js).
   * equivalents: [[phrase, phrase, ...], ...].
   */
  var EQUIVALENT = 0.5;
  function withEquivalents(groups, equivalents) {
    if (!equivalents.length) return groups;
    var sets = setsOf(equivalents), out = [], i = 0;
    while (i < groups.length) {
      var best = null, folded = [];
      for (var end = i; end < groups.length && end - i < 6; end++) {
        if (groups[end].alternatives) break;  // already read as an abbreviation or a code
        groups[end].syllables.forEach(function (s) { folded.push(s.folded); });
        var others = sets.get(folded.join(" "));
        if (others && groups[end].syllables.every(function (s) { return !s.prefix; })) best = { end: end + 1, others: others };
      }
      if (!best) { out.push(groups[i]); i++; continue; }
      var covered = groups.slice(i, best.end), syllables = [];
      covered.forEach(function (g) { syllables.push.apply(syllables, g.syllables); });
      out.push({ syllables: syllables, phrase: covered.length === 1 && covered[0].phrase,
                 alternatives: best.others.map(function (words) {
                   return Object.assign(alternative(words), { weight: EQUIVALENT });
                 }) });
      i = best.end;
    }
    return out;
  }

  var equivalentTables = new WeakMap();
  function setsOf(equivalents) {
    var known = equivalentTables.get(equivalents);
    if (known) return known;
    known = new Map();
    equivalents.forEach(function (set) {
      var phrases = set.map(function (p) { return analysis.tokenize(p); }).filter(function (w) { return w.length; });
      phrases.forEach(function (words, k) {
        var key = words.map(fold).join(" ");
        known.set(key, (known.get(key) || []).concat(phrases.filter(function (_, j) { return j !== k; })));
      });
    });
    equivalentTables.set(equivalents, known);
    return known;
  }

  function alternative(words) {
    var syllables = words.map(function (w) { return Object.assign(analysis.syllable(w), { prefix: false }); });
    syllables.forEach(function (s, k) { s.previous = syllables[k - 1] || null; s.next = syllables[k + 1] || null; });
    return { syllables: syllables, phrase: syllables.length > 1 };
  }

  /* The manifest's table read once (it is the same object for every query of a page):
     forms, folded syllables joined by spaces -> the other form's words; code parts by fold. */
  var tables = new WeakMap();
  function tableOf(aliases, codes) {
    var known = tables.get(aliases);
    if (known) return known;
    var forms = new Map(), parts = Object.create(null);
    aliases.forEach(function (pair) {
      var a = analysis.tokenize(pair[0]), b = analysis.tokenize(pair[1]);
      if (!a.length || !b.length) return;
      forms.set(a.map(fold).join(" "), b);
      forms.set(b.map(fold).join(" "), a);
    });
    codes.forEach(function (code) { var w = analysis.normaliseWord(code); parts[fold(w)] = w; });
    known = { forms: forms, parts: parts };
    tables.set(aliases, known);
    return known;
  }

  /* The longest table form made of whole groups from `start`: {end, to}, or null. */
  function aliasAt(groups, start, forms) {
    var best = null, folded = [];
    for (var end = start; end < groups.length && folded.length < 12; end++) {
      groups[end].syllables.forEach(function (s) { folded.push(s.folded); });
      var to = forms.get(folded.join(" "));
      if (to && groups[end].syllables.every(function (s) { return !s.prefix; })) best = { end: end + 1, to: to };
    }
    return best;
  }

  /* A phrase with each run of its words that is a table form (the longest from each word)
     replaced by the other form, or null when none is. */
  function innerSpelling(syllables, forms) {
    var out = [], changed = false;
    for (var k = 0; k < syllables.length; k++) {
      var best = null, folded = [];
      for (var end = k; end < syllables.length && end - k < 12; end++) {
        folded.push(syllables[end].folded);
        var to = forms.get(folded.join(" "));
        if (to && !syllables[end].prefix) best = { end: end, to: to };
      }
      if (best && (best.end > k || syllables.length > 1)) {
        out.push.apply(out, best.to);
        changed = true;
        k = best.end;
        continue;
      }
      out.push(syllables[k].exact);
    }
    return changed ? out : null;
  }

  /* A code's other spelling: "nđcp" split into its parts, or parts side by side joined. */
  function codeSpelling(syllables, parts) {
    var words = syllables.map(function (s) { return s.exact; }), changed = false, out = [];
    for (var k = 0; k < words.length; k++) {
      var split = splitCode(fold(words[k]), parts);
      if (split && split.length > 1) { out.push.apply(out, split); changed = true; continue; }
      var run = k;
      while (run < words.length && parts[fold(words[run])]) run++;
      if (run - k > 1) { out.push(words.slice(k, run).join("")); changed = true; k = run - 1; continue; }
      out.push(words[k]);
    }
    return changed ? out : null;
  }

  function splitCode(folded, parts) {
    if (parts[folded]) return [parts[folded]];
    for (var cut = folded.length - 1; cut > 0; cut--) {
      var head = parts[folded.slice(0, cut)];
      var tail = head ? splitCode(folded.slice(cut), parts) : null;
      if (tail) return [head].concat(tail);
    }
    return null;
  }

  function fold(word) {
    return analysis.foldWord(analysis.normaliseWord(word));
  }

  return { withAliases: withAliases };
});

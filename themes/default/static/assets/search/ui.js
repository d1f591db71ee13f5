/*
 * The search page: reads the query and filters from the URL, fetches the manifest once and,
 * per query, the index shards it needs (shards.js; kept for later queries), asks engine.js,
 * and renders into <ol id="search-results">. Everything from the data is inserted as text
 * (textContent), never as HTML.
 *
 * History: ?q= follows the box as it is typed (going back from an article returns to the
 * same results); each search typed, submitted or filtered is one entry for the back button.
 */
(function () {
  "use strict";
  var engine = window.viSearchEngine, shards = window.viSearchShards, analysis = window.viSearchAnalysis;
  var form = document.getElementById("search-form");
  if (!form || !engine || !shards || !analysis || !window.lunr) return;

  var input = document.getElementById("search-input");
  var statusLine = document.getElementById("search-status");
  var notice = document.getElementById("search-notice");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var strings = JSON.parse(document.getElementById("search-strings").textContent);
  var manifestUrl = new URL(form.getAttribute("data-manifest"), document.baseURI);
  var baseTitle = document.title;
  var PAGE_SIZE = 20, TYPING_DELAY = 150, FIRST_DOCUMENTS = 5;
  var INDEX_FORMAT = 5;  // the manifest's "format" these scripts read (search/store.py FORMAT_VERSION)
  var FILTERS = ["from", "to", "topic", "province", "sort"];  // "sort": "new" lists the newest first
  var data = null, current = null, runId = 0, typingTimer = 0;

  function format(template, params) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in params ? params[key] : all; });
  }

  /* strings[key + "_one"] when n is 1, as the Python side's t() does */
  function plural(key, params) {
    return format(params.n === 1 ? strings[key + "_one"] : strings[key], params);
  }

  // ---- state <-> URL <-> form ----
  function readUrl() {
    var params = new URLSearchParams(location.search), state = { q: params.get("q") || "" };
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function readForm() {
    var state = { q: input.value };
    FILTERS.forEach(function (name) { state[name] = form.elements[name] ? form.elements[name].value : ""; });
    return state;
  }

  function fillForm(state) {
    input.value = state.q;
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      field.value = state[name];
      if (field.value !== state[name]) field.value = "";  // an unknown topic or year in the URL
    });
  }

  function urlOf(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  /*
   * Typing: the first keystroke after a kept search adds an entry, later ones replace it.
   * Submitting or changing a filter keeps the current search (a new entry when it differs).
   */
  function remember(state, typing) {
    var url = urlOf(state), same = url === location.pathname + location.search;
    var typed = Boolean(history.state && history.state.typed);
    if (typing) {
      if (typed) history.replaceState({ typed: true }, "", url);
      else if (!same) history.pushState({ typed: true }, "", url);
    } else {
      if (typed) history.replaceState({ typed: false }, "", location.href);  // keep the typed search
      if (!same) history.pushState({ typed: false }, "", url);
    }
  }

  // ---- data ----
  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  }

  function loadData() {
    if (!data) {
      data = fetchJson(manifestUrl).then(function (manifest) {
        // a page cached from one build and data from another read each other wrong: say so instead
        if (manifest.format !== INDEX_FORMAT || !manifest.encoding || manifest.encoding.bigram_mark !== analysis.BIGRAM_MARK) {
          throw Object.assign(new Error("search data format " + manifest.format + ", page reads " + INDEX_FORMAT), { stale: true });
        }
        return { manifest: manifest, shards: {}, tiers: {}, whole: {}, lengths: {}, searcher: null, docs: {}, facets: null };
      });
      data.catch(function () { data = null; });  // let a later query try again
    }
    return data;
  }

  /* Fetched (and decoded, if given a decoder) once, kept: a failed fetch is forgotten so the
     next query tries again. */
  function cached(store, key, url, decode) {
    if (!store[key]) {
      store[key] = decode ? fetchJson(url).then(decode) : fetchJson(url);
      store[key].catch(function () { delete store[key]; });
    }
    return store[key];
  }

  /*
   * What answers a query: its shards (and the field lengths they score with) fetched in
   * parallel, decoded in shard order (a group's folded term first), searched together. The
   * commonest words' groups come as their first tiers unless `full` (true, or the groups to
   * fetch whole: shards.planFor). The
   * last one is kept, so keystrokes that need no new file cost only the search.
   */
  function searcherFor(loaded, parsed, full) {
    var manifest = loaded.manifest, plan = shards.planFor(manifest, engine.keyRanges(parsed), full);
    var numbers = plan.shards, name = numbers.join(",") + "/" + plan.tiers.join(",");
    if (loaded.searcher && loaded.searcher.name === name) return loaded.searcher.promise;
    var folder = new URL(manifest.index, manifestUrl), lengths = [];
    var needed = shards.lengthsFor(manifest, numbers).map(function (f) {
      return cached(loaded.lengths, f, new URL("lengths-" + f + ".json", folder), function (file) {
        return shards.decodeLengths(manifest, file);
      })
        .then(function (values) { lengths[f] = values; });
    });
    var files = numbers.map(function (n) {
      return cached(loaded.shards, n, new URL(n + ".json", folder), function (shard) { return { raw: shard }; });
    });
    var tiers = plan.tiers.map(function (n) {
      return cached(loaded.tiers, n, new URL("tier-" + n + ".json", folder), function (tier) {
        return shards.decodeTier(manifest, manifest.tiers.keys[n], tier);
      });
    });
    var promise = Promise.all(files.concat(tiers, needed)).then(function (all) {
      var entries = {};
      numbers.forEach(function (n, i) { entries[n] = all[i]; });
      var decoded = shards.decodeInOrder(manifest, numbers, entries, lengths);
      return new shards.Searcher(manifest, decoded.concat(all.slice(numbers.length, numbers.length + tiers.length)));
    });
    var kept = loaded.searcher = { name: name, promise: promise, done: false };
    promise.then(function () { kept.done = true; }, function () { if (loaded.searcher === kept) loaded.searcher = null; });
    return promise;
  }

  /*
   * The answer to a query: from first tiers when they prove the first page (engine.search
   * with `page`), else, or when `full`, from every list.
   */
  function answer(loaded, parsed, keep, full) {
    return searcherFor(loaded, parsed, full || loaded.whole).then(function (searcher) {
      var found = engine.search(searcher, parsed, keep, full ? null : { page: PAGE_SIZE });
      if (found) return found;
      // the groups whose tiers proved too little come whole from now on: one search a keystroke
      (searcher.lastTiers || []).forEach(function (t) { loaded.whole[t.group] = true; });
      return answer(loaded, parsed, keep, true);
    });
  }

  function facets(loaded) {
    return cached(loaded, "facets", new URL(loaded.manifest.facets, manifestUrl));
  }

  /*
   * A promise per document, in order: the first few are fetched at once, the rest when the
   * first has arrived, so a slow connection spends itself on what shows first.
   */
  function prioritised(loaded, refs, wanted) {
    var first = documents(loaded, refs.slice(0, FIRST_DOCUMENTS));
    if (refs.length <= FIRST_DOCUMENTS) return first;
    var rest = first[0].then(later, later);
    function later() {  // not for results a newer search has replaced
      return wanted() ? documents(loaded, refs.slice(FIRST_DOCUMENTS)) : [];
    }
    return first.concat(refs.slice(FIRST_DOCUMENTS).map(function (ref, i) {
      return rest.then(function (docs) { return docs[i]; });
    }));
  }

  /* A promise per document: fetched in parallel, one small file each. */
  function documents(loaded, refs) {
    var folder = new URL(loaded.manifest.documents, manifestUrl);
    return refs.map(function (ref) {
      return cached(loaded.docs, ref, new URL(ref + ".json", folder));
    });
  }

  // ---- searching ----
  function run(state, typing) {
    var id = ++runId, parsed = engine.parseQuery(state.q, { typing: typing });
    var query = state.q.trim(), filtering = engine.hasFilters(state);
    document.title = query ? query + " – " + baseTitle : baseTitle;
    if (engine.isEmpty(parsed) && !filtering) {
      current = null;
      show({ status: format(strings.empty, { n: form.getAttribute("data-count") }), notice: "" });
      list.removeAttribute("aria-busy");
      return Promise.resolve();
    }
    list.setAttribute("aria-busy", "true");
    if (!data) statusLine.textContent = strings.loading;
    return loadData().then(function (loaded) {
      parsed = engine.withAliases(parsed, loaded.manifest.aliases, loaded.manifest.codes, loaded.manifest.equivalents);
      // filters and the newest first need every list; so does the answer the tiers do not prove
      var full = filtering || state.sort === "new";
      // the filters' verdict on every article, worked out once for the search and the listing
      var kept = !filtering ? Promise.resolve(null) : facets(loaded).then(function (facetData) {
        return engine.filterOf(state, facetData, loaded.manifest.filters);
      });
      var found = engine.isEmpty(parsed) ? null : kept.then(function (keep) {
        return answer(loaded, parsed, keep, full);
      });
      if (loaded.searcher && !loaded.searcher.done) statusLine.textContent = strings.loading;
      return Promise.all([found, kept]).then(function (both) {
        if (id !== runId) return;  // a newer search has started: no time spent on this one
        var keep = both[1];
        var found = both[0] || browse(loaded.manifest.count, keep);
        if (state.sort === "new") found = newestFirst(found);
        current = { loaded: loaded, parsed: parsed, keep: keep, found: found, state: state, query: query, results: found.results, shown: 0,
                    pending: Promise.resolve() };
        show({ status: statusOf(found, query, state), notice: noticeOf(found), mode: found.mode,
               count: found.results.length });
        return showMore();
      });
    }).catch(function (error) {
      // A rebuild renames the index folder: start again from the manifest on the next query.
      data = null;
      if (id !== runId) return;
      show({ status: error && error.stale ? strings.stale : strings.error, notice: "" });
      if (window.console) console.error(error);
    }).then(function () {
      if (id === runId) list.removeAttribute("aria-busy");
    });
  }

  /* Documents are numbered newest first: the answers with every word by date, then the rest by date. */
  function newestFirst(found) {
    var cut = found.exact === undefined ? found.results.length : found.exact;
    function byDate(list) { return list.slice().sort(function (a, b) { return Number(a.ref) - Number(b.ref); }); }
    return { mode: found.mode, exact: found.exact,
             results: byDate(found.results.slice(0, cut)).concat(byDate(found.results.slice(cut))) };
  }

  /* No words, only filters: every article that passes, newest first. */
  function browse(count, keep) {
    var results = [];
    for (var i = 0; i < count; i++) if (!keep || keep(String(i))) results.push({ ref: String(i) });
    return { mode: results.length ? "all" : "none", results: results };
  }

  /* What the page concluded, in words: how many articles have every word (never the
     articles that have only some), and the filters in use. */
  function statusOf(found, query, state) {
    var n = found.exact === undefined ? found.results.length : found.exact, filters = filterNames(state);
    var said = !query ? plural("filtered", { n: found.results.length })
      : found.mode === "none" ? format(strings.none, { q: query })
      : found.mode === "any" ? format(strings.partial, { q: query })
      : found.partial ? format(strings.count_about, { n: about(found.about), q: query })
      : plural("count", { n: n, q: query });
    return filters && query ? said + " " + format(strings.in_filters, { filters: filters }) : said;
  }

  /* An estimate to two significant digits, grouped as the page's language writes numbers. */
  function about(n) {
    var digits = Math.max(0, String(Math.round(n)).length - 2), unit = Math.pow(10, digits);
    return (Math.round(n / unit) * unit).toLocaleString(document.documentElement.lang || undefined);
  }

  function noticeOf(found) {
    if (found.mode === "any") return strings.fallback;
    if (found.mode === "none") return strings.none_hint;
    return found.exact !== undefined && found.results.length > found.exact ? strings.near : "";
  }

  /* "Từ năm: 2020, Tỉnh, thành phố: Hà Tĩnh": each filter set, by its label and its choice. */
  function filterNames(state) {
    return FILTERS.filter(function (name) { return name !== "sort" && state[name] && form.elements[name]; }).map(function (name) {
      var field = form.elements[name], option = field.options ? field.options[field.selectedIndex] : null;
      // the label's own words (the select sits inside it), the choice without its count "(12)"
      var label = field.labels && field.labels[0] ? field.labels[0].firstChild.textContent.trim() : name;
      return label + ": " + (option ? option.textContent.replace(/\s*\(\d+\)\s*$/, "").trim() : state[name]);
    }).join(", ");
  }

  /* view.mode and view.count are also kept on the status line (data-mode: all, any or none)
     for tests and benchmarks that read what the page concluded. */
  function show(view) {
    statusLine.textContent = view.status;
    statusLine.setAttribute("data-mode", view.mode || "");
    statusLine.setAttribute("data-count", view.count === undefined ? "" : String(view.count));
    notice.textContent = view.notice;
    notice.hidden = !view.notice;
    list.textContent = "";
    more.hidden = true;
  }

  /*
   * The next page of results, each shown as soon as it and those above it have arrived;
   * pages are chained so a double click cannot reorder them.
   */
  function showMore() {
    var state = current;
    more.disabled = true;
    state.pending = state.pending.then(function () {
      var refs = state.results.slice(state.shown, state.shown + PAGE_SIZE).map(function (r) { return r.ref; });
      var shown = Promise.resolve();
      prioritised(state.loaded, refs, function () { return current === state; }).forEach(function (doc) {
        shown = shown.then(function () { return doc; }).then(function (loadedDoc) {
          if (current !== state) return;
          list.appendChild(resultItem(loadedDoc, state.parsed));
          state.shown += 1;
        });
      });
      return shown.then(function () {
        if (current !== state) return;
        more.hidden = state.shown >= state.results.length && !state.found.partial;
        more.disabled = false;
      });
    });
    return state.pending;
  }

  function resultItem(doc, parsed) {
    var item = document.createElement("li"), link = document.createElement("a");
    item.className = "search-result";
    link.href = doc.url;
    link.className = "result-title";
    appendMarked(link, engine.highlight(doc.title, parsed));
    var meta = document.createElement("p"), time = document.createElement("time");
    meta.className = "result-meta";
    time.dateTime = doc.iso;
    time.textContent = doc.date;
    meta.appendChild(time);
    var text = document.createElement("p"), cut = engine.snippet(doc.text, parsed, 32);
    text.className = "result-snippet";
    if (cut.before) text.appendChild(document.createTextNode("… "));
    appendMarked(text, cut.parts);
    if (cut.after) text.appendChild(document.createTextNode(" …"));
    item.appendChild(link);
    item.appendChild(meta);
    item.appendChild(text);
    // matched only where it is filed (a province, a document, a tag): say where
    var about = doc.about ? engine.highlight(doc.about, parsed) : [];
    if (!cut.parts.some(function (part) { return part.mark; }) && about.some(function (part) { return part.mark; })) {
      var filed = document.createElement("p");
      filed.className = "result-about";
      appendMarked(filed, about);
      item.appendChild(filed);
    }
    return item;
  }

  function appendMarked(parent, parts) {
    parts.forEach(function (part) {
      if (part.mark) {
        var mark = document.createElement("mark");
        mark.textContent = part.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(part.text));
      }
    });
  }

  // ---- events ----
  input.addEventListener("input", function () {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      var state = readForm();
      remember(state, true);
      run(state, true);
    }, TYPING_DELAY);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typingTimer);
    var state = readForm();
    remember(state, false);
    run(state, false);
  });

  form.addEventListener("change", function (event) {
    if (event.target === input) return;
    var state = readForm();
    remember(state, false);
    run(state, false);
  });

  more.addEventListener("click", function () {
    if (!current) return;
    var first = current.shown;
    whole(current).then(showMore).then(function () {
      var next = list.querySelectorAll("a")[first];
      if (next) next.focus();
    });
  });

  /* Before more results than the first tiers proved: every list, the same first results
     (they were proven), and the count found exactly. */
  function whole(state) {
    if (!state.found.partial) return Promise.resolve();
    more.disabled = true;
    return answer(state.loaded, state.parsed, state.keep, true).then(function (found) {
      if (current !== state) return;
      state.found = found;
      state.results = found.results;
      statusLine.textContent = statusOf(found, state.query, state.state);
      statusLine.setAttribute("data-count", String(found.results.length));
    });
  }

  // Arrow keys move between the box and the results; Escape goes back to the box.
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });

  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    else if (event.key === "Escape") { event.preventDefault(); input.focus(); }
  });

  // The form, once filled from the URL, is the state: a filter value the archive does not
  // have shows as "any" and is searched as "any".
  window.addEventListener("popstate", function () {
    fillForm(readUrl());
    run(readForm(), false);
  });

  fillForm(readUrl());
  form.classList.add("is-ready");
  run(readForm(), false);
  if (!input.value) input.focus();
})();

/*
 * The search page: reads the query and filters from the URL, fetches the manifest and the
 * index once, asks engine.js, and renders into <ol id="search-results">. Everything from
 * the data is inserted as text (textContent), never as HTML.
 *
 * History: typing replaces the current entry (?q= follows the box, so going back from an
 * article returns to the same results); submitting or changing a filter adds an entry.
 */
(function () {
  "use strict";
  var engine = window.viSearchEngine, lunr = window.lunr;
  var form = document.getElementById("search-form");
  if (!form || !engine || !lunr) return;

  var input = document.getElementById("search-input");
  var statusLine = document.getElementById("search-status");
  var notice = document.getElementById("search-notice");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var strings = JSON.parse(document.getElementById("search-strings").textContent);
  var manifestUrl = new URL(form.getAttribute("data-manifest"), document.baseURI);
  var baseTitle = document.title;
  var PAGE_SIZE = 20, TYPING_DELAY = 150;
  var FILTERS = ["from", "to", "topic", "province"];
  var data = null, current = null, runId = 0, typingTimer = 0;

  function format(template, params) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in params ? params[key] : all; });
  }

  function count(n, q) {
    return format(n === 1 ? strings.count_one : strings.count, { n: n, q: q });
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

  function remember(state, push) {
    var url = urlOf(state);
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
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
        return fetchJson(new URL(manifest.index[0].file, manifestUrl)).then(function (serialised) {
          return { manifest: manifest, index: engine.loadIndex(serialised), files: {}, facets: null };
        });
      });
      data.catch(function () { data = null; });  // let a later query try again
    }
    return data;
  }

  function facets(loaded) {
    if (!loaded.facets) loaded.facets = fetchJson(new URL(loaded.manifest.facets, manifestUrl));
    return loaded.facets;
  }

  function documents(loaded, refs) {
    var per = loaded.manifest.documents.per_file;
    return Promise.all(refs.map(function (ref) {
      var n = Math.floor(Number(ref) / per);
      if (!loaded.files[n]) loaded.files[n] = fetchJson(new URL(loaded.manifest.documents.files[n], manifestUrl));
      return loaded.files[n].then(function (docs) { return docs[Number(ref) % per]; });
    }));
  }

  function filterIds(manifest, state) {
    function id(name, slug) {
      var terms = manifest.filters[name];
      for (var i = 0; i < terms.length; i++) if (terms[i].slug === slug) return i;
      return -1;
    }
    return { topic: state.topic ? id("topics", state.topic) : null,
             province: state.province ? id("provinces", state.province) : null };
  }

  // ---- searching ----
  function run(state) {
    var id = ++runId, parsed = engine.parseQuery(state.q);
    var filters = { from: Number(state.from) || 0, to: Number(state.to) || 0, topic: state.topic, province: state.province };
    document.title = state.q.trim() ? state.q.trim() + " – " + baseTitle : baseTitle;
    if (engine.isEmpty(parsed) && !engine.hasFilters(filters)) {
      current = null;
      show({ status: format(strings.empty, { n: form.getAttribute("data-count") }), notice: "", results: [] });
      return Promise.resolve();
    }
    list.setAttribute("aria-busy", "true");
    if (!data) statusLine.textContent = strings.loading;
    return loadData().then(function (loaded) {
      var found = engine.isEmpty(parsed)
        ? { mode: "all", results: Array.from({ length: loaded.manifest.count }, function (_, i) { return { ref: String(i) }; }) }
        : engine.search(loaded.index, parsed);
      var filtering = engine.hasFilters(filters) ? facets(loaded) : Promise.resolve(null);
      return filtering.then(function (facetData) {
        var results = found.results;
        if (facetData) {
          var ids = filterIds(loaded.manifest, state);
          filters.topic = ids.topic; filters.province = ids.province;
          results = results.filter(function (r) { return engine.passes(r.ref, filters, facetData, ids); });
        }
        if (id !== runId) return;
        current = { loaded: loaded, parsed: parsed, results: results, shown: 0, query: state.q.trim() };
        var mode = results.length ? found.mode : "none";
        show({
          status: mode === "none" ? format(strings.none, { q: current.query }) : count(results.length, current.query),
          notice: mode === "any" ? strings.fallback : mode === "none" ? strings.none_hint : "",
          results: []
        });
        return showMore();
      });
    }).catch(function (error) {
      if (id !== runId) return;
      show({ status: strings.error, notice: "", results: [] });
      if (window.console) console.error(error);
    }).then(function () {
      if (id === runId) list.removeAttribute("aria-busy");
    });
  }

  function show(view) {
    statusLine.textContent = view.status;
    notice.textContent = view.notice;
    notice.hidden = !view.notice;
    list.textContent = "";
    more.hidden = true;
  }

  function showMore() {
    var state = current, from = state.shown, refs = state.results.slice(from, from + PAGE_SIZE);
    state.shown += refs.length;
    return documents(state.loaded, refs.map(function (r) { return r.ref; })).then(function (docs) {
      if (current !== state) return;
      docs.forEach(function (doc) { list.appendChild(resultItem(doc, state.parsed)); });
      more.hidden = state.shown >= state.results.length;
    });
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
      remember(state, false);
      run(state);
    }, TYPING_DELAY);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typingTimer);
    var state = readForm();
    remember(state, true);
    run(state);
  });

  form.addEventListener("change", function (event) {
    if (event.target === input) return;
    var state = readForm();
    remember(state, true);
    run(state);
  });

  more.addEventListener("click", function () {
    var first = current ? current.shown : 0;
    showMore().then(function () {
      var next = list.querySelectorAll("a")[first];
      if (next) next.focus();
    });
  });

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

  window.addEventListener("popstate", function () {
    var state = readUrl();
    fillForm(state);
    run(state);
  });

  var initial = readUrl();
  fillForm(initial);
  form.classList.add("is-ready");
  run(initial);
  if (!initial.q) input.focus();
})();

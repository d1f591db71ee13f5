// reform_archive/serve/live.js, the preview's live reload, run in a node vm with a small fake of
// the few browser objects it touches (document, location, sessionStorage, EventSource).
// The real browser is tests/serve/'s business; this holds what it decides on each status.
"use strict";
const { describe, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { ROOT } = require("./fixtures.js");

const SCRIPT = path.join(ROOT, "reform_archive", "serve", "live.js");
const SOURCE = fs.readFileSync(SCRIPT, "utf8");
const ORIGIN = "http://127.0.0.1:8000";

class FakeElement {
  constructor(tag) {
    this.tagName = tag;
    this.attributes = new Map();
    this.children = [];
    this.parent = null;
    this.listeners = {};
    this.text = "";
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  removeAttribute(name) { this.attributes.delete(name); }
  hasAttribute(name) { return this.attributes.has(name); }
  addEventListener(type, listener) { (this.listeners[type] = this.listeners[type] || []).push(listener); }
  fire(type) { (this.listeners[type] || []).forEach((listener) => listener({ type })); }
  appendChild(child) { child.parent = this; this.children.push(child); return child; }
  append(...children) { children.forEach((child) => this.appendChild(child)); }
  remove() {
    if (this.parent) this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
  after(node) {
    const siblings = this.parent.children;
    node.parent = this.parent;
    siblings.splice(siblings.indexOf(this) + 1, 0, node);
  }
  cloneNode() {
    const copy = new FakeElement(this.tagName);
    this.attributes.forEach((value, name) => copy.attributes.set(name, value));
    copy.href = this.href;
    return copy;
  }
  attachShadow() { this.shadowRoot = new FakeElement("#shadow-root"); return this.shadowRoot; }
  get textContent() { return this.text + this.children.map((c) => c.textContent).join(""); }
  set textContent(value) { this.children = []; this.text = String(value); }
  *walk() {
    yield this;
    for (const child of this.children) yield* child.walk();
    if (this.shadowRoot) yield* this.shadowRoot.walk();
  }
}

/* A page holding live.js as the preview serves it; returns the fakes to look at. */
function page({ version = "v1", language = "vi", hidden = false, stylesheets = ["/assets/style.css"],
                path: pathname = "/tin/", search = "", stored = {} } = {}) {
  const html = new FakeElement("html"), head = html.appendChild(new FakeElement("head"));
  const body = html.appendChild(new FakeElement("body"));
  stylesheets.forEach((href) => {
    const link = head.appendChild(new FakeElement("link"));
    link.setAttribute("rel", "stylesheet");
    link.href = href;
  });
  const script = body.appendChild(new FakeElement("script"));
  script.src = ORIGIN + "/__reform-archive/live.js";
  script.setAttribute("data-version", version);
  script.setAttribute("data-language", language);
  const storage = new Map(Object.entries(stored));
  const sources = [], reloads = [], scrolls = [];
  const windowListeners = {}, documentListeners = {};
  const listen = (table) => (type, listener) => { (table[type] = table[type] || []).push(listener); };

  const document = {
    currentScript: script, body, visibilityState: hidden ? "hidden" : "visible",
    createElement: (tag) => new FakeElement(tag),
    getElementById: (id) => [...html.walk()].find((el) => el.id === id) || null,
    querySelectorAll: (selector) => {
      assert.equal(selector, 'link[rel="stylesheet"]:not([data-live-replaced])');
      return [...html.walk()].filter((el) => el.tagName === "link" && el.getAttribute("rel") === "stylesheet" &&
                                              !el.hasAttribute("data-live-replaced"));
    },
    addEventListener: listen(documentListeners),
  };
  const location = { origin: ORIGIN, pathname, search, href: ORIGIN + pathname + search, reload: () => reloads.push(true) };
  const window = { scrollY: 640, scrollTo: (x, y) => scrolls.push([x, y]), addEventListener: listen(windowListeners) };
  class EventSource {
    constructor(url) { this.url = url; this.closed = false; this.listeners = {}; sources.push(this); }
    addEventListener(type, listener) { this.listeners[type] = listener; }
    close() { this.closed = true; }
  }
  const sessionStorage = {
    getItem: (key) => (storage.has(key) ? storage.get(key) : null),
    setItem: (key, value) => storage.set(key, String(value)),
    removeItem: (key) => storage.delete(key),
  };
  vm.runInContext(SOURCE, vm.createContext({ document, window, location, sessionStorage, EventSource, URL }),
                  { filename: SCRIPT });

  const fire = (table, type) => (table[type] || []).forEach((listener) => listener({ type }));
  return {
    head, sources, reloads, scrolls, storage, window,
    /* the server's status event on the open stream */
    send(status) {
      const open = sources.filter((s) => !s.closed);
      assert.equal(open.length, 1, "one open stream");
      open[0].listeners.status({ data: JSON.stringify({ problems: [], ...status }) });
    },
    setVisibility(state) { document.visibilityState = state; fire(documentListeners, "visibilitychange"); },
    fireWindow: (type) => fire(windowListeners, type),
    overlay: () => document.getElementById("reform-archive-overlay"),
    stylesheets: () => head.children.filter((el) => el.tagName === "link"),
  };
}

describe("live.js: the stream", () => {
  test("opens the status stream next to the script", () => {
    const p = page();
    assert.equal(p.sources.length, 1);
    assert.equal(p.sources[0].url, ORIGIN + "/__reform-archive/events");
  });

  test("a hidden tab holds no stream; it connects when shown and closes when hidden again", () => {
    const p = page({ hidden: true });
    assert.equal(p.sources.length, 0);
    p.setVisibility("visible");
    assert.equal(p.sources.length, 1);
    p.setVisibility("hidden");
    assert.equal(p.sources[0].closed, true);
    p.setVisibility("visible");
    assert.equal(p.sources.length, 2);
    assert.equal(p.sources[1].closed, false);
  });

  test("leaving the page closes the stream; coming back from the cache opens one, only one", () => {
    const p = page();
    p.fireWindow("pagehide");
    assert.equal(p.sources[0].closed, true);
    p.fireWindow("pageshow");
    p.fireWindow("pageshow");
    assert.equal(p.sources.length, 2);
  });
});

describe("live.js: reloading", () => {
  test("the version this page was built from, or none yet, changes nothing", () => {
    const p = page({ version: "v1" });
    p.send({ version: "v1" });
    p.send({ version: "" });
    assert.equal(p.reloads.length, 0);
    assert.equal(p.overlay(), null);
  });

  test("a new version reloads the page, keeping the scroll position for this address", () => {
    const p = page({ version: "v1", path: "/tin/a/", search: "?q=x" });
    p.send({ version: "v2" });
    assert.equal(p.reloads.length, 1);
    assert.equal(p.storage.get("reform-archive:scroll:/tin/a/?q=x"), "640");
  });

  test("a reloaded page scrolls back once loaded, and forgets the position", () => {
    const p = page({ path: "/tin/", stored: { "reform-archive:scroll:/tin/": "420" } });
    assert.equal(p.storage.has("reform-archive:scroll:/tin/"), false);
    assert.equal(p.scrolls.length, 0);
    p.fireWindow("load");
    assert.deepEqual(p.scrolls, [[0, 420]]);
  });

  test("a page the status does not name stays, and follows the next status from the new version", () => {
    const p = page({ version: "v1", path: "/luu-tru/" });
    p.send({ version: "v2", previous: "v1", pages: ["/luu-tru/2022/09/mot-cua/"] });  // a partial version
    assert.equal(p.reloads.length, 0);
    p.send({ version: "v3", previous: "v2", pages: ["/luu-tru/", "/luu-tru/2022/09/mot-cua/"] });
    assert.equal(p.reloads.length, 1);
  });

  test("the page a status names reloads, and so does any page when the list is from another version", () => {
    const named = page({ version: "v1", path: "/luu-tru/2022/09/mot-cua/" });
    named.send({ version: "v2", previous: "v1", pages: ["/luu-tru/2022/09/mot-cua/"] });
    assert.equal(named.reloads.length, 1);
    const behind = page({ version: "v0", path: "/luu-tru/" });  // missed a version: the list is not about it
    behind.send({ version: "v2", previous: "v1", pages: ["/luu-tru/2022/09/mot-cua/"] });
    assert.equal(behind.reloads.length, 1);
  });

  test("a page whose address has Vietnamese letters is matched as the server names it", () => {
    const p = page({ version: "v1", path: "/t%E1%BB%89nh/" });
    p.send({ version: "v2", previous: "v1", pages: ["/tỉnh/"] });
    assert.equal(p.reloads.length, 1);
  });

  test("a new good build reloads even while the last rebuild failed", () => {
    const p = page({ version: "v1" });
    p.send({ version: "v2", previous: "v1", stylesOnly: true, problems: ["content/a.md:3: bad date"] });
    assert.equal(p.reloads.length, 1);
  });
});

describe("live.js: stylesheets only", () => {
  test("swaps each stylesheet for a fresh copy instead of reloading, the old one going once it loaded", () => {
    const p = page({ version: "v1", stylesheets: ["/assets/style.css"] });
    const [old] = p.stylesheets();
    p.send({ version: "v2", previous: "v1", stylesOnly: true });
    assert.equal(p.reloads.length, 0);
    const [, fresh] = p.stylesheets();
    assert.equal(fresh.href, ORIGIN + "/assets/style.css?reload=v2");
    assert.equal(old.hasAttribute("data-live-replaced"), true);
    fresh.fire("load");
    assert.deepEqual(p.stylesheets(), [fresh]);
    p.send({ version: "v2" });  // this page is v2 now
    assert.equal(p.reloads.length, 0);
  });

  test("a fresh copy that fails to load leaves the old stylesheet to be swapped next time", () => {
    const p = page({ version: "v1" });
    const [old] = p.stylesheets();
    p.send({ version: "v2", previous: "v1", stylesOnly: true });
    p.stylesheets()[1].fire("error");
    assert.deepEqual(p.stylesheets(), [old]);
    assert.equal(old.hasAttribute("data-live-replaced"), false);
  });

  test("reloads when a stylesheet is from another origin", () => {
    const p = page({ version: "v1", stylesheets: ["/assets/style.css", "https://fonts.example/f.css"] });
    p.send({ version: "v2", previous: "v1", stylesOnly: true });
    assert.equal(p.reloads.length, 1);
  });

  test("reloads when this page missed a build in between", () => {
    const p = page({ version: "v1" });
    p.send({ version: "v3", previous: "v2", stylesOnly: true });
    assert.equal(p.reloads.length, 1);
    assert.equal(p.stylesheets().length, 1);
  });
});

describe("live.js: problems", () => {
  test("shows the last rebuild's problems over the page as text, and removes them once fixed", () => {
    const p = page({ version: "v1" });
    const problem = "content/a.md:3: <b>date</b> is not a date";
    p.send({ version: "v1", problems: [problem, "site.toml:1: bad"] });
    const host = p.overlay();
    assert.ok(host, "overlay shown");
    const items = [...host.shadowRoot.walk()].filter((el) => el.tagName === "li");
    assert.deepEqual(items.map((li) => li.textContent), [problem, "site.toml:1: bad"]);
    assert.match(host.shadowRoot.textContent, /Lần dựng lại vừa rồi bị lỗi/);
    p.send({ version: "v1", problems: ["site.toml:1: bad"] });
    assert.equal([...p.overlay().shadowRoot.walk()].filter((el) => el.tagName === "li").length, 1);
    assert.equal([...p.head.parent.walk()].filter((el) => el.id === "reform-archive-overlay").length, 1);
    p.send({ version: "v1", problems: [] });
    assert.equal(p.overlay(), null);
    assert.equal(p.reloads.length, 0);
  });

  test("speaks English on an English site, and its button hides it", () => {
    const p = page({ language: "en" });
    p.send({ version: "v1", problems: ["x"] });
    const shadow = p.overlay().shadowRoot;
    assert.match(shadow.textContent, /The last rebuild failed/);
    const button = [...shadow.walk()].find((el) => el.tagName === "button");
    assert.equal(button.textContent, "Hide");
    button.fire("click");
    assert.equal(p.overlay(), null);
  });
});

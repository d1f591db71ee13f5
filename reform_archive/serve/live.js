/* Live reload for `reform-archive serve`; added to pages as they are sent, never built into a site.
 *
 * The server streams its status (Server-Sent Events): the version of the build it serves and
 * the problems of the last rebuild. A different version reloads the page (keeping the scroll
 * position), or only swaps the stylesheets when nothing but CSS changed; problems show as an
 * overlay over the last good page until a rebuild succeeds. A hidden tab closes its stream,
 * so many open tabs never use up the browser's few connections to one host, and catches up
 * when shown again.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me.getAttribute("data-version");
  var english = me.getAttribute("data-language") === "en";
  var scrollKey = "reform-archive:scroll:" + location.pathname + location.search;
  var text = english ? {
    title: "The last rebuild failed",
    note: "This page shows the last good build. Fix the problem and save: the page reloads by itself.",
    hide: "Hide"
  } : {
    title: "Lần dựng lại vừa rồi bị lỗi",
    note: "Trang đang hiển thị bản dựng tốt gần nhất. Sửa lỗi rồi lưu: trang sẽ tự tải lại.",
    hide: "Ẩn"
  };
  var source = null;

  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
  }

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  /* Each same-origin stylesheet is loaded again beside the old one, which goes once the new
   * one has loaded (no flash of unstyled page). One that is already being replaced is left
   * to its replacement; one from elsewhere cannot be refreshed, so the page reloads. */
  function swapStylesheets(stamp) {
    var links = document.querySelectorAll('link[rel="stylesheet"]:not([data-live-replaced])');
    var foreign = false;
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) {
        foreign = true;
        return;
      }
      url.searchParams.set("reload", stamp);
      var fresh = link.cloneNode();
      fresh.href = url.href;
      link.setAttribute("data-live-replaced", "");
      fresh.addEventListener("load", function () { link.remove(); });
      fresh.addEventListener("error", function () { fresh.remove(); link.removeAttribute("data-live-replaced"); });
      link.after(fresh);
    });
    return !foreign;
  }

  function overlay(problems) {
    var host = document.getElementById("reform-archive-overlay");
    if (!problems.length) {
      if (host) host.remove();
      return;
    }
    if (!host) {
      host = document.createElement("div");
      host.id = "reform-archive-overlay";
      host.attachShadow({ mode: "open" });
      document.body.appendChild(host);
    }
    var root = host.shadowRoot;
    root.textContent = "";
    var style = document.createElement("style");
    style.textContent = [
      ".box{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;",
      "background:#fff5f5;color:#3b0a0a;border-top:4px solid #c0262d;padding:1rem 1.25rem;",
      "font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)}",
      "h2{margin:0 0 .25rem;font-size:1.1rem}p{margin:0 0 .5rem}",
      "ol{margin:0;padding-left:1.25rem}code{font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap;",
      "overflow-wrap:anywhere}button{float:right;font:inherit;padding:.2rem .8rem;cursor:pointer}"
    ].join("");
    var box = document.createElement("section");
    box.className = "box";
    box.setAttribute("role", "alert");
    var hide = document.createElement("button");
    hide.type = "button";
    hide.textContent = text.hide;
    hide.addEventListener("click", function () { host.remove(); });
    var title = document.createElement("h2");
    title.textContent = text.title;
    var note = document.createElement("p");
    note.textContent = text.note;
    var list = document.createElement("ol");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = problem;
      item.appendChild(code);
      list.appendChild(item);
    });
    box.append(hide, title, note, list);
    root.append(style, box);
  }

  function onStatus(event) {
    var status = JSON.parse(event.data);
    overlay(status.problems);
    if (!status.version || status.version === version) return;
    // the server names the pages that changed since the version this page has: when this
    // page is not one of them it is still right (an edit elsewhere, a partial version)
    if (status.previous === version && status.pages && status.pages.length &&
        status.pages.indexOf(decodeURI(location.pathname)) < 0) {
      version = status.version;
      return;
    }
    // a newer good build than this page: reload even while the last rebuild failed (the
    // reloaded page gets the overlay again, and the same version, so it cannot loop)
    if (status.stylesOnly && status.previous === version && !status.problems.length &&
        swapStylesheets(status.version)) {
      version = status.version;
    } else {
      reload();
    }
  }

  function connect() {
    if (source || document.visibilityState === "hidden") return;
    source = new EventSource(new URL("events", me.src).href);
    source.addEventListener("status", onStatus);
  }

  function disconnect() {
    if (source) source.close();
    source = null;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") disconnect(); else connect();
  });
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", connect);
  connect();
})();

// armsflow dashboard script: hand-written, no dependencies. Pages work
// without it; it adds search suggestions and in-place form results.
"use strict";

function esc(s) {
  return String(s).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function releaseParam() {
  var m = /[?&]release=([^&]+)/.exec(window.location.search);
  return m ? "&release=" + m[1] : "";
}

// Search box: suggestions from /api/search, keyboard navigable (combobox pattern).
function initSearch() {
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var timer = null, active = -1, seq = 0;
  function close() {
    list.hidden = true; list.innerHTML = ""; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function mark(i) {
    var items = list.querySelectorAll("a");
    items.forEach(function (a, k) { a.setAttribute("aria-selected", k === i ? "true" : "false"); });
    active = i;
    if (items[i]) input.setAttribute("aria-activedescendant", items[i].id);
  }
  function lookup() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    var mine = ++seq;
    fetch("/api/search?q=" + encodeURIComponent(q) + "&limit=8" + releaseParam())
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (d) {
        if (mine !== seq) return;
        if (!d.hits || !d.hits.length) { close(); return; }
        var rel = releaseParam().replace("&", "?");
        var lang = document.documentElement.lang;
        list.innerHTML = d.hits.map(function (h, i) {
          // The name in the page's language where the API gives one.
          var name = (h.names && h.names[lang]) || h.name;
          var alias = h.matched && h.matched !== name ? ' <span class="muted">(' + esc(h.matched) + ")</span>" : "";
          return '<li role="presentation"><a role="option" id="sr-' + i + '" href="' + esc(h.url + rel) +
            '">' + esc(name) + alias + ' <span class="muted">' + esc(h.key) + "</span></a></li>";
        }).join("");
        list.hidden = false; active = -1;
        input.setAttribute("aria-expanded", "true");
      })
      .catch(close);
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 150); });
  input.addEventListener("keydown", function (e) {
    var n = list.querySelectorAll("a").length;
    if (e.key === "ArrowDown" && n) { e.preventDefault(); mark((active + 1) % n); }
    else if (e.key === "ArrowUp" && n) { e.preventDefault(); mark((active - 1 + n) % n); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter" && active >= 0) {
      e.preventDefault(); window.location.href = list.querySelectorAll("a")[active].href;
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
}

// Texts this script writes, in the page's language: the page renders them as
// a JSON block (#messages), so no English is hard-coded here.
var MSG = (function () {
  var el = document.getElementById("messages");
  try { return el ? JSON.parse(el.textContent) : {}; } catch (e) { return {}; }
})();
function msg(key) { return MSG[key] || ""; }

// Forms with data-fragment submit (GET or POST) and swap in that element of
// the answer page: the server renders once, in the page's language, and the
// page does not jump. A GET result gets its URL, so it can be linked.
function initFragmentForms() {
  document.querySelectorAll("form[data-fragment]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var id = form.getAttribute("data-fragment");
      var target = document.getElementById(id);
      if (!target || !window.fetch || !window.DOMParser) return;
      e.preventDefault();
      var post = form.method.toLowerCase() === "post";
      var action = form.getAttribute("action").split("#")[0];
      var fields = new URLSearchParams(new FormData(form)).toString();
      var url = post ? action : action + (action.indexOf("?") < 0 ? "?" : "&") + fields;
      var init = post ? {
        method: "POST", body: fields,
        headers: { "Content-Type": "application/x-www-form-urlencoded" }
      } : {};
      target.innerHTML = '<p class="note">' + esc(msg("working")) + "</p>";
      fetch(url, init).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById(id);
        target.innerHTML = fresh ? fresh.innerHTML :
          '<p role="alert">' + esc(msg("no_result")) + "</p>";
        if (!post) history.replaceState(null, "", url + "#" + (form.closest("section") || target).id);
        target.focus();
      }).catch(function (err) {
        target.innerHTML = '<p role="alert">' + esc(msg("failed")) + " " + esc(err) + "</p>";
      });
    });
  });
}

// Dark/light toggle: a button in the header, remembered in localStorage (read
// back by theme.js on every page). Without script the page follows the system.
function initTheme() {
  var header = document.querySelector("header.top");
  if (!header) return;
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function dark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : !!(media && media.matches);
  }
  var b = document.createElement("button");
  b.type = "button"; b.id = "theme-toggle"; b.className = "theme-toggle";
  b.textContent = msg("dark_mode");
  function sync() { b.setAttribute("aria-pressed", dark() ? "true" : "false"); }
  b.addEventListener("click", function () {
    var next = dark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { window.localStorage.setItem("armsflow-theme", next); } catch (e) { /* not remembered */ }
    sync();
  });
  if (media && media.addEventListener) media.addEventListener("change", sync);
  sync();
  var nav = header.querySelector("nav");
  if (nav) nav.insertAdjacentElement("afterend", b); else header.appendChild(b);
}

// Print: every printed page's margin names the source and the release (the CSS
// @page box reads this property; a stylesheet alone cannot see the release id).
// The page writes the line, synthetic releases never credited to SIPRI.
function initPrintSource() {
  if (!MSG.print_source) return;
  document.documentElement.style.setProperty("--print-source", JSON.stringify(MSG.print_source));
}

document.addEventListener("DOMContentLoaded", function () {
  initTheme(); initPrintSource(); initSearch(); initFragmentForms();
});

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

// --- World map (/map; engineer MAP, issue #14 point 1) ---
// Without script the map has native tooltips (<title>), a form and
// earlier/later links. With it: a label that follows hover and keyboard focus,
// the arc toggle without a reload, and "play through the windows", which
// fetches each window's page and swaps in its map, legend and table.
function initMap() {
  var live = document.getElementById("map-live");
  var form = document.getElementById("map-form");
  if (!live || !form) return;
  function tip() { return document.getElementById("map-tip"); }
  function show(a) {
    var t = tip(), box = a.closest(".map-box");
    if (!t || !box) return;
    var r = a.getBoundingClientRect(), b = box.getBoundingClientRect();
    t.textContent = a.getAttribute("aria-label");
    t.style.left = Math.max(60, Math.min(b.width - 60, r.left + r.width / 2 - b.left)) + "px";
    t.style.top = Math.max(24, r.top - b.top) + "px";
    t.hidden = false;
  }
  function hide() { var t = tip(); if (t) t.hidden = true; }
  function target(e) { return e.target.closest ? e.target.closest("#world-map a") : null; }
  live.addEventListener("mouseover", function (e) { var a = target(e); if (a) show(a); });
  live.addEventListener("focusin", function (e) { var a = target(e); if (a) show(a); });
  live.addEventListener("mouseout", function (e) { if (target(e)) hide(); });
  live.addEventListener("focusout", function (e) { if (target(e)) hide(); });

  function url(period) {
    var data = new FormData(form);
    if (period) data.set("period", period);
    var q = new URLSearchParams();
    data.forEach(function (v, k) { if (v !== "" && !(k === "category" && v === "all")) q.append(k, v); });
    return form.getAttribute("action") + "?" + q.toString();
  }
  // Keep the form's question consistent: a group asks metric=group, a
  // supplier metric=share (the server refuses a mix, naming the fix).
  var metric = document.getElementById("map-metric");
  var group = document.getElementById("map-group"), supplier = document.getElementById("map-supplier");
  if (metric && group && supplier) {
    group.addEventListener("change", function () { if (group.value) { metric.value = "group"; supplier.value = ""; } });
    supplier.addEventListener("input", function () { if (supplier.value) { metric.value = "share"; group.value = ""; } });
    metric.addEventListener("change", function () {
      if (metric.value !== "group") group.value = "";
      if (metric.value !== "share") supplier.value = "";
    });
  }
  var arcs = document.getElementById("map-arcs");
  if (arcs) arcs.addEventListener("change", function () {
    var svg = document.getElementById("world-map");
    if (svg) svg.classList.toggle("show-arcs", arcs.checked);
    history.replaceState(null, "", url());
  });

  var play = document.getElementById("map-play");
  var sel = document.getElementById("map-period");
  var slider = document.getElementById("map-slider");
  if (!play || !sel || !window.fetch || !window.DOMParser) return;
  play.hidden = false;
  var timer = null, playing = false, seq = 0;
  function stop() {
    playing = false; clearTimeout(timer);
    play.setAttribute("aria-pressed", "false"); play.textContent = play.getAttribute("data-play");
  }
  function mark(i) {
    sel.selectedIndex = i;
    if (slider) { slider.value = i; slider.setAttribute("aria-valuetext", sel.options[i].text); }
    var out = document.getElementById("map-slider-value");
    if (out) out.textContent = sel.options[i].text;
  }
  // Swaps in window i's map, legend and table; `then` runs once it is shown.
  function load(i, then) {
    var mine = ++seq, u = url(sel.options[i].value);
    fetch(u).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); }).then(function (html) {
      if (mine !== seq) return;
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("map-live");
      if (!fresh) { stop(); return; }
      live.innerHTML = fresh.innerHTML;
      mark(i);
      var status = document.getElementById("map-status"), t = live.querySelector("#world-map-title");
      if (status && t) status.textContent = t.textContent;
      history.replaceState(null, "", u);
      if (then) then();
    }).catch(stop);
  }
  function step(i) {
    if (!playing) return;
    if (i >= sel.options.length) { stop(); return; }
    load(i, function () { if (playing) timer = setTimeout(function () { step(i + 1); }, 1600); });
  }
  play.addEventListener("click", function () {
    if (playing) { stop(); return; }
    playing = true;
    play.setAttribute("aria-pressed", "true"); play.textContent = play.getAttribute("data-pause");
    var start = sel.selectedIndex >= sel.options.length - 1 ? 0 : sel.selectedIndex + 1;
    step(start);
  });
  // The window slider: the select's windows on a track, loaded as it moves.
  if (slider) {
    var wrap = slider.closest(".map-slider");
    if (wrap) wrap.hidden = false;
    mark(sel.selectedIndex);
    var wait = null;
    slider.addEventListener("input", function () {
      stop();
      var i = +slider.value;
      slider.setAttribute("aria-valuetext", sel.options[i].text);
      document.getElementById("map-slider-value").textContent = sel.options[i].text;
      clearTimeout(wait);
      wait = setTimeout(function () { load(i); }, 250);
    });
  }
}

document.addEventListener("DOMContentLoaded", function () {
  initTheme(); initPrintSource(); initSearch(); initFragmentForms(); initMap();
});

// Journalist's kit (issue #13): the chart toolbars. Without script they are
// plain download links and <details> panels; this only writes the site's
// address into embed codes and citations (the server never puts its Host in a
// cached page), puts today's date in citations, and adds copy buttons.
(function () {
  var MONTHS = {
    en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
  };
  function today(lang) {
    var d = new Date(), m = MONTHS[lang] || MONTHS.en;
    return lang === "de" ? d.getDate() + ". " + m[d.getMonth()] + " " + d.getFullYear()
      : d.getDate() + " " + m[d.getMonth()] + " " + d.getFullYear();
  }
  function initKit() {
    var origin = window.location.origin;
    document.querySelectorAll("[data-kit-path]").forEach(function (el) {
      var path = el.getAttribute("data-kit-path"), isField = el.tagName === "TEXTAREA";
      var text = isField ? el.value : el.textContent;
      text = text.split(path).join(origin + path);
      var lang = el.getAttribute("data-kit-date");
      // The server's date may come from a cached page: the reader's own date is the access date.
      if (lang) text = text.replace(/(accessed|abgerufen am) [^,]*\d{4}\.$/, "$1 " + today(lang) + ".");
      if (isField) el.value = text; else el.textContent = text;
    });
    document.querySelectorAll("button.kit-copy[data-copy]").forEach(function (b) {
      var label = b.textContent;
      b.hidden = false;
      b.addEventListener("click", function () {
        var src = document.getElementById(b.getAttribute("data-copy"));
        if (!src) return;
        var text = src.tagName === "TEXTAREA" ? src.value : src.textContent;
        function done(ok) {
          b.textContent = ok ? (b.getAttribute("data-copied") || "Copied") : "Ctrl+C";
          b.setAttribute("data-done", "");
          setTimeout(function () { b.textContent = label; b.removeAttribute("data-done"); }, 2000);
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        } else {
          done(false);
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", initKit);
})();

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
        list.innerHTML = d.hits.map(function (h, i) {
          var alias = h.matched ? ' <span class="muted">(' + esc(h.matched) + ")</span>" : "";
          return '<li role="presentation"><a role="option" id="sr-' + i + '" href="' + esc(h.url + rel) +
            '">' + esc(h.name) + alias + ' <span class="muted">' + esc(h.key) + "</span></a></li>";
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

// Forms with data-api post their fields as JSON (or text) and render the answer
// into the element named by data-target, using the renderer named by data-render.
var renderers = {
  claims: {
    body: function (form) {
      return { type: "text/plain; charset=utf-8", data: form.querySelector("textarea").value };
    },
    html: function (j) {
      var cls = { supported: "supported", not_supported: "not_supported" };
      var n = j.claims.length;
      var out = "<h2>" + n + " claim" + (n === 1 ? "" : "s") + " found</h2>";
      if (!n) out += "<p>No checkable claim in this text.</p>";
      j.claims.forEach(function (c) {
        out += '<div class="result"><p><span class="verdict ' + (cls[c.verdict] || "cannot_check") + '">' +
          esc(c.verdict_text) + "</span> " + esc((j.sentences[c.sentence] || {}).text) + "</p>" +
          '<p class="muted">Claim: <code>' + esc(c.structured) + "</code></p><p>" + esc(c.explanation) + "</p>" +
          (c.tolerance ? '<p class="note">Accepted interval: ' + esc(c.tolerance) + "</p>" : "") +
          (c.estimated_share != null ? '<p class="note">' + (100 * c.estimated_share).toFixed(1) +
            "% of the figure rests on SIPRI estimates.</p>" : "") +
          '<p class="note">' + esc(c.citation) + "</p></div>";
      });
      var sk = j.skipped || [];
      if (sk.length) {
        out += "<h3>Not checked (" + sk.length + ")</h3><ul class=\"skipped\">";
        sk.forEach(function (k) {
          out += "<li>" + esc((j.sentences[k.sentence] || {}).text) + ' <span class="note">(' + esc(k.reason) + ")</span></li>";
        });
        out += "</ul>";
      }
      return out;
    }
  }
};

// Forms with data-fragment submit as GET and swap in that element of the
// answer page: the server renders once, the page does not jump.
function initFragmentForms() {
  document.querySelectorAll("form[data-fragment]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var id = form.getAttribute("data-fragment");
      var target = document.getElementById(id);
      if (!target || !window.fetch || !window.DOMParser) return;
      e.preventDefault();
      var url = form.getAttribute("action").split("#")[0] + "?" +
        new URLSearchParams(new FormData(form)).toString();
      target.innerHTML = '<p class="note">Working…</p>';
      fetch(url).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById(id);
        target.innerHTML = fresh ? fresh.innerHTML : '<p role="alert">No result.</p>';
        history.replaceState(null, "", url + "#" + (form.closest("section") || target).id);
        target.focus();
      }).catch(function (err) { target.innerHTML = '<p role="alert">Request failed: ' + esc(err) + "</p>"; });
    });
  });
}

function initApiForms() {
  document.querySelectorAll("form[data-api]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var render = renderers[form.getAttribute("data-render")];
      var target = document.getElementById(form.getAttribute("data-target"));
      if (!render || !target) return; // fall back to the plain form submission
      e.preventDefault();
      var body = render.body(form);
      target.innerHTML = '<p class="note">Working…</p>';
      fetch(form.getAttribute("data-api") + "?" + releaseParam().slice(1), {
        method: "POST", headers: { "Content-Type": body.type }, body: body.data
      })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (x) {
          target.innerHTML = x.ok ? render.html(x.j) :
            '<p role="alert"><strong>' + esc(x.j.message || "Error") + "</strong>" +
            (x.j.suggestions ? " Did you mean: " + esc(x.j.suggestions.join(", ")) + "?" : "") + "</p>";
          target.focus();
        })
        .catch(function (err) { target.innerHTML = '<p role="alert">Request failed: ' + esc(err) + "</p>"; });
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
  b.textContent = "Dark mode";
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
function initPrintSource() {
  var id = document.querySelector("footer code");
  if (!id) return;
  // Generated numbers must never print as SIPRI's.
  var synthetic = /SYNTHETIC/.test(document.querySelector("footer").textContent);
  var line = (synthetic ? "SYNTHETIC DEMO DATA - not SIPRI." : "Source: SIPRI Arms Transfers Database (c) SIPRI.") +
    " Computed by armsflow, release " + id.textContent;
  document.documentElement.style.setProperty("--print-source", JSON.stringify(line));
}

document.addEventListener("DOMContentLoaded", function () {
  initTheme(); initPrintSource(); initSearch(); initApiForms(); initFragmentForms();
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

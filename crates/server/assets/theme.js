// Applies the reader's remembered colour theme before the page paints (loaded
// in <head>, not deferred, so a dark choice never flashes light). Without a
// stored choice the page follows prefers-color-scheme through CSS alone.
"use strict";
(function () {
  try {
    var t = window.localStorage.getItem("armsflow-theme");
    if (t === "dark" || t === "light") document.documentElement.setAttribute("data-theme", t);
  } catch (e) { /* storage blocked: follow the system setting */ }
})();

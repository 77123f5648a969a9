/* Tables wider than the screen (on a phone) scroll sideways inside the box the theme puts
 * around each table; that box takes keyboard focus, so the arrow keys scroll it, and is a
 * region named after the heading above the table. Worksheet tables and run-sheets have
 * their own (pages/worksheet.md, score.css). Without JS the page itself scrolls. */
(function () {
  "use strict";

  function heading(box) {
    for (var node = box; node && !node.matches("article"); node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return before.textContent.replace(/¶$/, "").trim();
      }
    }
    return "";
  }

  function regions() {
    document.querySelectorAll("article .md-typeset__scrollwrap").forEach(function (box) {
      if (box.closest(".ws-table, .run-sheet") || box.hasAttribute("role")) return;
      var table = box.querySelector("table");
      var name = heading(box) || (table && table.rows[0] ? table.rows[0].textContent : "");
      box.setAttribute("role", "region");
      box.setAttribute("tabindex", "0");
      box.setAttribute("aria-label", name.replace(/\s+/g, " ").trim());
    });
  }

  /* the theme wraps the tables when it has loaded a page (document$, also on instant loads) */
  if (window.document$) window.document$.subscribe(regions);
  else document.addEventListener("DOMContentLoaded", regions);
})();

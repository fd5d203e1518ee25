/* Registers' tables: a header checkbox that ticks every row of the page, the count of ticked rows, and
   the toolbar's menus (columns, saved filters): one open at a time, Escape closes it.
   Loaded only by the pages with a selectable table (no inline script: the Content-Security-Policy forbids it). */
(function () {
  "use strict";
  function rows(name) {
    return Array.prototype.slice.call(document.querySelectorAll('[data-select-row="' + name + '"]'));
  }
  function refresh(name) {
    var all = rows(name);
    var ticked = all.filter(function (box) { return box.checked; }).length;
    var head = document.querySelector('[data-select-all="' + name + '"]');
    if (head) {
      head.checked = ticked > 0 && ticked === all.length;
      head.indeterminate = ticked > 0 && ticked < all.length;
    }
    var count = document.querySelector('[data-selected-count="' + name + '"]');
    if (count) {
      count.textContent = ticked ? "Đã chọn " + ticked + " dòng" : "Đánh dấu các dòng cần giao việc";
    }
  }
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || !box.getAttribute) { return; }
    var name = box.getAttribute("data-select-all");
    if (name) {
      rows(name).forEach(function (row) { row.checked = box.checked; });
      refresh(name);
      return;
    }
    name = box.getAttribute("data-select-row");
    if (name) { refresh(name); }
  });
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.classList || !menu.classList.contains("table-menu") || !menu.open) { return; }
    document.querySelectorAll("details.table-menu[open]").forEach(function (other) {
      if (other !== menu) { other.open = false; }
    });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("details.table-menu[open]").forEach(function (menu) {
      menu.open = false;
      var summary = menu.querySelector("summary");
      if (summary && menu.contains(document.activeElement)) { summary.focus(); }
    });
  });
})();

/* Page behaviours without inline script (the Content-Security-Policy forbids it):
   - a <select data-autosubmit> sends its form when it changes;
   - a <button data-toggle-nav> opens and closes the side menu on small screens;
   - an <a data-history-back> goes back to the previous page of this site (its href is the fallback);
   - a .table-wrap wider than the screen can be focused, so the keyboard can scroll it (WCAG 2.1.1). */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field && field.matches && field.matches("[data-autosubmit]") && field.form) {
      field.form.submit();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    var back = target ? target.closest("[data-history-back]") : null;
    if (back && document.referrer.indexOf(window.location.origin + "/") === 0 && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
      return;
    }
    var button = target ? target.closest("[data-toggle-nav]") : null;
    if (!button) {
      return;
    }
    var nav = document.getElementById(button.getAttribute("aria-controls") || "nav");
    if (nav) {
      var open = nav.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
  });
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Bảng cuộn ngang");
    }
  });
})();

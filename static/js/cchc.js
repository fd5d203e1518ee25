/* Page behaviours without inline script (the Content-Security-Policy forbids it):
   - a <select data-autosubmit> sends its form when it changes;
   - a <button data-toggle-nav> opens and closes the side menu on small screens;
   - an <a data-history-back> goes back to the previous page of this site (its href is the fallback);
   - an <input data-date-input> (typed dd/mm/yyyy) gets a calendar button whose picked day is written back as
     dd/mm/yyyy: the browser's own calendar is used, the text box stays the value sent;
   - a form's error summary ([data-error-summary]) takes the focus so that it is read first;
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

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }
  function toIso(text) {
    var match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || "");
    return match ? match[3] + "-" + pad(+match[2]) + "-" + pad(+match[1]) : "";
  }
  function enhanceDate(input) {
    if (input.dataset.dateReady) {
      return;
    }
    input.dataset.dateReady = "1";
    var wrap = document.createElement("span");
    wrap.className = "date-input";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var native = document.createElement("input");
    native.type = "date";
    native.className = "date-native";
    native.tabIndex = -1;
    native.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "date-button";
    var label = document.body.getAttribute("data-calendar-label") || "";
    button.setAttribute("aria-label", label + (input.labels && input.labels[0] ? ": " + input.labels[0].textContent.trim() : ""));
    button.title = label;
    var sprite = document.body.getAttribute("data-icons");
    button.innerHTML = '<svg class="icon" aria-hidden="true" focusable="false"><use href="' + sprite + '#calendar"></use></svg>';
    if (input.disabled || input.readOnly) {
      button.disabled = true;
    }
    wrap.appendChild(button);
    wrap.appendChild(native);
    button.addEventListener("click", function () {
      native.value = toIso(input.value);
      if (typeof native.showPicker === "function") {
        try {
          native.showPicker();
          return;
        } catch (error) {
          /* falls through to focusing the text box */
        }
      }
      input.focus();
    });
    native.addEventListener("change", function () {
      var parts = native.value.split("-");
      if (parts.length === 3) {
        input.value = parts[2] + "/" + parts[1] + "/" + parts[0];
        input.dispatchEvent(new Event("change", { bubbles: true }));
        input.focus();
      }
    });
  }
  function enhance(root) {
    var inputs = root.querySelectorAll ? root.querySelectorAll("input[data-date-input]") : [];
    for (var i = 0; i < inputs.length; i++) {
      enhanceDate(inputs[i]);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  });
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
  });
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Bảng cuộn ngang");
    }
  });
})();

// The public survey one part (one factor) per screen. The form stays a single page, so the answers live in the
// page itself: the phone's back button returns to the previous part with every answer kept, and a copy in
// sessionStorage brings them back if the browser dropped the page. Without script every part shows at once.
(function () {
  "use strict";
  var form = document.querySelector("form[data-steps]");
  if (!form) return;
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  if (steps.length < 2) return;
  var submit = document.getElementById("submit");
  var progress = document.getElementById("progress");
  var progressText = document.getElementById("progress-text");
  var progressBar = document.getElementById("progress-bar");
  var storeKey = "sipas:" + location.pathname;
  var total = steps.reduce(function (sum, step) { return sum + Number(step.dataset.seconds || 0); }, 0);
  var current = 0;

  function remainingMinutes(index) {
    var left = 0;
    for (var i = index; i < steps.length; i++) left += Number(steps[i].dataset.seconds || 0);
    return Math.max(1, Math.ceil(left / 60));
  }

  function show(index, focus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (step, i) { step.hidden = i !== current; });
    submit.hidden = current !== steps.length - 1;
    progressText.textContent = "Phần " + (current + 1) + "/" + steps.length + ": " + steps[current].dataset.title +
      (total ? " · còn khoảng " + remainingMinutes(current) + " phút" : "");
    progressBar.style.width = Math.round(((current + 1) / steps.length) * 100) + "%";
    if (focus) {
      steps[current].querySelector("h2").focus();
      progress.scrollIntoView({ block: "start" });
    }
  }

  function unanswered(step) {
    return Array.prototype.filter.call(step.querySelectorAll("fieldset[data-required]"), function (fieldset) {
      return !fieldset.querySelector("input:checked");
    });
  }

  function flag(fieldsets) {
    fieldsets.forEach(function (fieldset) {
      fieldset.classList.add("err");
      if (!fieldset.querySelector(".err-msg")) {
        var message = document.createElement("p");
        message.className = "err-msg";
        message.id = fieldset.id + "-err";
        message.textContent = "Xin chọn một mức trả lời (có thể chọn “Không ý kiến”).";
        fieldset.querySelector("legend").after(message);
        fieldset.setAttribute("aria-describedby", message.id);
      }
    });
    fieldsets[0].querySelector("input").focus();
  }

  function save() {
    var answers = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "form_key" && name !== "website") answers[name] = String(value);
    });
    try { sessionStorage.setItem(storeKey, JSON.stringify(answers)); } catch (e) { /* private mode: nothing kept */ }
  }

  function restore() {
    var answers;
    try { answers = JSON.parse(sessionStorage.getItem(storeKey) || "null"); } catch (e) { answers = null; }
    if (!answers || form.querySelector("input[type=radio]:checked")) return;
    Object.keys(answers).forEach(function (name) {
      form.querySelectorAll("[name='" + CSS.escape(name) + "']").forEach(function (field) {
        if (field.type === "radio") field.checked = field.value === answers[name];
        else field.value = answers[name];
      });
    });
  }

  form.noValidate = true;
  progress.hidden = false;
  steps.forEach(function (step) { step.querySelector(".step-nav").hidden = false; });
  restore();

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.err");
    if (fieldset && fieldset.querySelector("input:checked")) {
      fieldset.classList.remove("err");
      var message = fieldset.querySelector(".err-msg");
      if (message) message.remove();
      fieldset.removeAttribute("aria-describedby");
    }
    save();
  });
  form.addEventListener("click", function (event) {
    if (event.target.closest("[data-next]")) {
      var missing = unanswered(steps[current]);
      if (missing.length) { flag(missing); return; }
      history.pushState({ step: current + 1, pushed: true }, "", "#phan-" + (current + 2));
      show(current + 1, true);
    } else if (event.target.closest("[data-back]")) {
      // The part before was reached in this page: go back through the history, as the phone's back button does.
      if (history.state && history.state.pushed && history.state.step === current) history.back();
      else {
        history.replaceState({ step: current - 1 }, "", "#phan-" + current);
        show(current - 1, true);
      }
    }
  });
  form.addEventListener("submit", function (event) {
    for (var i = 0; i < steps.length; i++) {
      var missing = unanswered(steps[i]);
      if (missing.length) {
        event.preventDefault();
        show(i, false);
        flag(missing);
        return;
      }
    }
    try { sessionStorage.removeItem(storeKey); } catch (e) { /* nothing kept */ }
  });
  window.addEventListener("popstate", function (event) {
    show(event.state && typeof event.state.step === "number" ? event.state.step : 0, true);
  });

  // A page sent back with errors opens on the first part that has one; a reload stays on its part.
  var withError = steps.findIndex(function (step) { return step.querySelector(".err"); });
  var start = withError >= 0 ? withError : (history.state && typeof history.state.step === "number" ? history.state.step : 0);
  if (withError >= 0 || !history.state) history.replaceState({ step: start }, "");
  show(start, withError >= 0);
})();

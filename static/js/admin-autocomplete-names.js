/*
 * Every admin page: select2 names its box after the chosen text only, so an empty box has no
 * name for a screen reader. Name each autocomplete after its label too ("District", then the
 * choice), and let a box point at the line that says what saving will do (`<id>_plan`) when
 * the page has one. Loaded deferred, after the admin's own scripts: its ready handler runs
 * after theirs, once select2 has started; and again on each new row.
 */
(function () {
  "use strict";

  function boxesLabel(scope) {
    scope.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const label = select.id && document.querySelector("label[for='" + select.id + "']");
      const container = select.nextElementSibling;
      const box = container && container.querySelector(".select2-selection");
      if (!label || !box) return;
      if (!label.id) label.id = select.id + "_label";
      const rendered = box.querySelector(".select2-selection__rendered");
      box.setAttribute("aria-labelledby", label.id + (rendered ? " " + rendered.id : ""));
      if (rendered) rendered.setAttribute("aria-labelledby", label.id);
      const plan = document.getElementById(select.id + "_plan");
      if (plan) box.setAttribute("aria-describedby", plan.id);
    });
  }

  const $ = window.django && window.django.jQuery;
  if ($) $(function () { boxesLabel(document); });
  document.addEventListener("formset:added", function (event) {
    setTimeout(function () { boxesLabel(event.target); }, 0); // after select2 starts on the row
  });
})();

// Optional filtering of long lists: every page is complete without it. A search field with
// data-filter="SELECTOR" hides the elements of SELECTOR whose text does not contain what is typed.
(function () {
  "use strict";
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var holder = input.closest(".filter");
    if (holder) { holder.hidden = false; }
    input.addEventListener("input", function () {
      var wanted = input.value.trim().toLowerCase();
      document.querySelectorAll(input.getAttribute("data-filter")).forEach(function (item) {
        item.hidden = wanted !== "" && item.textContent.toLowerCase().indexOf(wanted) < 0;
      });
    });
  });
})();

// Progressive enhancement for the review page (it works without it): the focus starts on
// the question, or on the verdict once answered, so that the keyboard is where the eyes are.
(function () {
  "use strict";

  var target = document.querySelector("[data-focus-on-load]");
  if (target) {
    target.focus({ preventScroll: false });
  }
})();

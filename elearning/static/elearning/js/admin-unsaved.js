// The admin's course and lesson pages: leaving with unsaved edits asks first (the browser's
// own "leave this page?" dialog). Saving, or any submit of the form, leaves freely.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var form = document.querySelector("#content-main form");
  if (!form) {
    return;
  }
  var edited = false;
  form.addEventListener("input", function () { edited = true; });
  form.addEventListener("change", function () { edited = true; });
  form.addEventListener("submit", function () { edited = false; });
  window.addEventListener("beforeunload", function (event) {
    if (edited) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
});

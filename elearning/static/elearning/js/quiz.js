// Progressive enhancement for the quiz pages (the pages work without it):
// - saves an answer on the server as soon as it is picked;
// - shows a countdown to the deadline (the server enforces the deadline, not this);
// - puts the focus on the page's heading when it opens (the question; on the summary,
//   its title, so that the next Tab reaches the submit button), or on the verdict just
//   after a check, so that a screen reader reads it first and Tab goes on from there.
(function () {
  "use strict";

  var landing = (window.location.hash === "#checked" && document.getElementById("checked")) ||
    document.querySelector("[data-quiz-landing]");
  if (landing && (document.activeElement === document.body || document.activeElement === null)) {
    landing.focus();
  }

  var form = document.querySelector("form[data-autosave]");
  if (form) {
    var status = form.querySelector(".quiz-autosave");
    var pending = null;

    var say = function (text) {
      if (status) { status.textContent = text; }
    };

    // Not form.action: the buttons named "action" shadow that property.
    var save = function () {
      var data = new FormData(form);
      data.set("action", "save");
      say(form.dataset.savingText || "…");
      fetch(form.getAttribute("action") || window.location.pathname, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.json().then(function (body) {
          if (response.ok && body.saved) {
            say(form.dataset.savedText || "");
          } else {
            say(body.error || form.dataset.failedText || "");
          }
        });
      }).catch(function () {
        say(form.dataset.failedText || "");
      });
    };

    form.addEventListener("change", function (event) {
      if (!event.target.matches("input[name=answer]")) { return; }
      window.clearTimeout(pending);
      pending = window.setTimeout(save, 150);
    });

    // Every button posts the answer itself. A save still waiting would reach the server
    // after that move, and take her back to this question (or be refused once checked).
    form.addEventListener("submit", function () {
      window.clearTimeout(pending);
    });
  }

  var deadline = document.querySelector("[data-deadline]");
  if (deadline) {
    var end = Date.parse(deadline.dataset.deadline);
    var box = deadline.querySelector(".quiz-countdown");
    var value = deadline.querySelector(".quiz-countdown-value");
    var tick = function () {
      var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
      var two = function (n) { return (n < 10 ? "0" : "") + n; };
      var hours = Math.floor(left / 3600);
      var minutes = Math.floor(left / 60) % 60;
      var seconds = left % 60;
      value.textContent = (hours ? hours + ":" + two(minutes) : minutes) + ":" + two(seconds);
      if (left === 0) {
        window.clearInterval(timer);
        deadline.classList.replace("alert-secondary", "alert-warning");
      }
    };
    if (!Number.isNaN(end) && box && value) {
      box.hidden = false;
      var timer = window.setInterval(tick, 1000);
      tick();
    }
  }
})();

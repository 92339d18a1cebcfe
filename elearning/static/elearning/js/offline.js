// Offline reading (progressive enhancement; the site works without it):
// - registers the site's service worker, which keeps the lessons she opens readable
//   offline (see templates/elearning/service-worker.js for what it keeps, and never);
// - tells it what this page loaded, so that the page open when it first takes control
//   is kept too;
// - shows the page's offline notice while the browser has no network.
(function () {
  "use strict";

  var script = document.currentScript;
  var notice = document.getElementById("offline-notice");

  var showStatus = function () {
    if (notice) { notice.hidden = navigator.onLine; }
  };
  window.addEventListener("online", showStatus);
  window.addEventListener("offline", showStatus);
  showStatus();

  if (!("serviceWorker" in navigator) || !script || !script.dataset.serviceWorker) {
    return;
  }
  var loaded = function () {
    var urls = [window.location.pathname];
    document.querySelectorAll("link[rel~='stylesheet'][href], link[rel~='icon'][href], script[src]")
      .forEach(function (element) {
        urls.push(element.href || element.src);
      });
    return urls;
  };
  navigator.serviceWorker.register(script.dataset.serviceWorker).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    if (navigator.onLine && registration.active) {
      registration.active.postMessage({ keep: loaded() });
    }
  }).catch(function () {
    // Without a service worker the site still works online; nothing to tell her.
  });
}());

{% autoescape off %}// The site's service worker (served at the site's root by elearning.offline_views, so
// that its scope covers every page): lessons she has opened stay readable offline.
//
// - The site's own static files (CSS, scripts, icons): from the cache, refreshed from the
//   network in the background.
// - A lesson page: from the network, its copy kept; from that copy when the network fails.
// - Everything else is left to the network, never answered from a cache: quiz pages and
//   answers, the dashboard, the profile, certificates, the admin, and every request that
//   is not a GET. Logging out deletes the copies of the lessons.
"use strict";

const STATIC_PREFIX = {{ static_prefix }};
const LESSON_PATH = new RegExp({{ lesson_pattern }});
const LOGOUT_PATHS = {{ logout_paths }};
const ASSETS = "assets-v1";
const LESSONS = "lessons-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name !== ASSETS && name !== LESSONS).map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

function kind(url) {
  if (url.origin !== self.location.origin) return null;
  if (url.pathname.startsWith(STATIC_PREFIX)) return ASSETS;
  if (LESSON_PATH.test(url.pathname) && !url.search) return LESSONS;
  return null;
}

// A page worth keeping: the page itself, not a redirection to the login page or an error.
function keepable(response) {
  return response.ok && response.type === "basic" && !response.redirected;
}

async function fromCacheThenRefresh(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  const refresh = fetch(request).then((response) => {
    if (keepable(response)) cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    refresh.catch(() => undefined);
    return cached;
  }
  return refresh;
}

async function fromNetworkElseCopy(request, url) {
  const cache = await caches.open(LESSONS);
  try {
    const response = await fetch(request);
    if (keepable(response)) await cache.put(url.pathname, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(url.pathname);
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET") {
    if (url.origin === self.location.origin && LOGOUT_PATHS.includes(url.pathname)) {
      event.waitUntil(caches.delete(LESSONS));
    }
    return;
  }
  const cacheName = kind(url);
  if (cacheName === ASSETS) {
    event.respondWith(fromCacheThenRefresh(request));
  } else if (cacheName === LESSONS) {
    event.respondWith(fromNetworkElseCopy(request, url));
  }
});

// The page she opened before this worker took control tells it what it loaded: that
// lesson and its static files are kept too, so that the first lesson opened reads offline.
self.addEventListener("message", (event) => {
  const urls = (event.data && event.data.keep) || [];
  event.waitUntil(Promise.all(urls.map(async (href) => {
    const url = new URL(href, self.location.origin);
    const cacheName = kind(url);
    if (!cacheName) return;
    const key = cacheName === LESSONS ? url.pathname : url.href;
    const cache = await caches.open(cacheName);
    if (await cache.match(key)) return;
    const response = await fetch(url.href, { credentials: "same-origin" });
    if (keepable(response)) await cache.put(key, response);
  }).map((kept) => kept.catch(() => undefined))));
});
{% endautoescape %}

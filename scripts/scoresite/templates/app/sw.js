/* The site's service worker, written by scoresite at build time (publish/webapp.py): every
 * page, style, script and both search indexes are kept on the device when the site is first
 * opened over http(s), under a cache named by a hash of their content, so a new build is a
 * new cache. PDFs and slide decks are kept when they are opened (or when a module is kept for
 * offline use), each under its own content hash. */
"use strict";
var VERSION = {{ version|tojson }};
var PAGES = "score-5r-" + VERSION;
var FILES = "score-5r-files";
var PRECACHED = {{ precached|tojson }};
var KEPT = {{ kept|tojson }};  /* PDF or deck path -> hash of its bytes */

function inSite(url) {
  var path = decodeURIComponent(new URL(url).pathname);
  var root = decodeURIComponent(new URL(self.registration.scope).pathname);
  return path.indexOf(root) === 0 ? path.slice(root.length) : null;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return cache.addAll(PRECACHED.map(function (path) {
      return new Request(path, { cache: "no-cache" });
    }));
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("score-5r-") === 0 && name !== PAGES && name !== FILES;
    }).map(function (name) { return caches.delete(name); }));
  }).then(forgetChangedFiles).then(function () { return self.clients.claim(); }));
});

/* Kept PDFs and decks whose content this build changed or removed. */
function forgetChangedFiles() {
  return caches.open(FILES).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.filter(function (request) {
        var url = new URL(request.url);
        return KEPT[inSite(url.href)] !== url.searchParams.get("v");
      }).map(function (request) { return cache.delete(request); }));
    });
  });
}

self.addEventListener("message", function (event) {
  if (event.data === "activate") self.skipWaiting();
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  var path = inSite(request.url);
  if (path === null) return;
  if (path === "" || path.slice(-1) === "/") path += "index.html";
  event.respondWith(path in KEPT ? kept(request, path) : page(request, path));
});

function page(request, path) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(path, { ignoreSearch: true }).then(function (hit) {
      return hit || fetch(request).catch(function (error) {
        if (request.mode !== "navigate") throw error;
        return cache.match("404.html");  /* a page this build does not have, offline */
      });
    });
  });
}

/* A PDF or deck: from the device when kept, else from the network, then kept. */
function kept(request, path) {
  var key = new URL(path + "?v=" + KEPT[path], self.registration.scope).href;
  return caches.open(FILES).then(function (cache) {
    return cache.match(key).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) cache.put(key, response.clone());
        return response;
      });
    });
  });
}

/* The site over http(s) as an app that works without signal, written by scoresite at build
 * time (publish/webapp.py): links the web app manifest of the page's language, registers the
 * service worker (sw.js at the site's root), says when a new version is ready, and on a
 * module's page offers to keep its PDFs and slides on the device. Opened from disk (file://)
 * it does nothing; under `mkdocs serve` (no worker) it removes a worker left by a build. */
(function () {
  "use strict";
  var WORKER = {{ worker|tojson }};
  var WORDS = {{ words|tojson }};
  var MODULES = "assets/javascripts/offline-modules.json";  /* folder -> [[path, bytes, hash]] */
  var INDEX = /search\/search_index\.full\.json$/;
  var FILES = "score-5r-files";
  var script = document.currentScript;
  if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator) || !script) return;
  var root = new URL("../../", script.src);
  if (!WORKER) {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) { registration.unregister(); });
    });
    return;
  }
  var lang = WORDS[document.documentElement.lang] ? document.documentElement.lang : "id";
  var words = WORDS[lang];

  var manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = new URL((lang === "id" ? "" : lang + "/") + "manifest.webmanifest", root).href;
  document.head.appendChild(manifest);

  function notice(text, button, action) {
    var bar = document.createElement("div");
    bar.className = "app-notice";
    bar.setAttribute("role", "status");
    bar.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10;padding:.6rem 1rem;" +
      "background:#212121;color:#fff;font-size:.8rem";  /* opaque: the theme's fg is 87 % */
    bar.textContent = text + " ";
    var press = document.createElement("button");
    press.type = "button";
    press.style.cssText = "margin-left:.5rem;padding:.3rem .8rem;border:0;border-radius:.2rem;" +
      "background:#00695c;color:#fff;font:inherit;font-weight:700;cursor:pointer";
    press.textContent = button;
    press.addEventListener("click", action);
    bar.appendChild(press);
    document.body.appendChild(bar);
  }

  function offerUpdate(worker) {
    notice(words.new_version, words.reload, function () { worker.postMessage("activate"); });
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) {
      offerUpdate(registration.waiting);
    }
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) {
          offerUpdate(worker);
        }
      });
    });
  }

  var reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!reloading && document.querySelector(".app-notice")) {
      reloading = true;
      location.reload();
    }
  });

  function megabytes(bytes) {
    var number = (bytes / 1e6).toLocaleString(lang, { maximumFractionDigits: 1 });
    return number + " MB";
  }

  function say(button, text, values) {
    button.textContent = text.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  function isKept(files) {
    return caches.open(FILES).then(function (cache) {
      return Promise.all(files.map(function (file) {
        return cache.match(new URL(file[0] + "?v=" + file[2], root).href);
      }));
    }).then(function (hits) { return hits.every(Boolean); });
  }

  function keep(button, files, size) {
    var done = 0;
    button.disabled = true;
    say(button, words.keeping, { done: 0, total: files.length });
    Promise.all(files.map(function (file) {
      return fetch(new URL(file[0], root).href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.arrayBuffer();
      }).then(function () {
        done += 1;
        say(button, words.keeping, { done: done, total: files.length });
      });
    })).then(function () {
      say(button, words.kept, { size: size });
    }, function () {
      button.disabled = false;
      say(button, words.keep_failed, {});
    });
  }

  function offerKeeping() {
    var path = decodeURIComponent(location.pathname).slice(decodeURIComponent(root.pathname).length);
    if (!/(^|\/)materi\/[^/]+\/(index\.html)?$/.test(path)) return;
    fetch(new URL(MODULES, root).href).then(function (response) {
      return response.json();
    }).then(function (modules) {
      offerModule(modules[path.replace(/index\.html$/, "")]);
    });
  }

  function offerModule(files) {
    var heading = document.querySelector(".md-content h1");
    if (!files || !heading) return;
    var size = megabytes(files.reduce(function (sum, file) { return sum + file[1]; }, 0));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button app-keep";
    say(button, words.keep, { size: size });
    button.addEventListener("click", function () { keep(button, files, size); });
    heading.insertAdjacentElement("afterend", button);
    isKept(files).then(function (all) {
      if (all) {
        button.disabled = true;
        say(button, words.kept, { size: size });
      }
    });
  }

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href })
      .then(function (registration) {
        watch(registration);
        return navigator.serviceWorker.ready;
      })
      .then(offerKeeping);
  }

  /* On a first visit, 10 s after the page has what it needs, search index included (the theme
   * fetches it on every page), or after 20 s: on a slow network the worker's downloads come
   * after the page's and the search worker's (its lunr scripts, building the index). */
  function whenSettled(then) {
    var done = false;
    function once() {
      if (!done) { done = true; then(); }
    }
    function arrived() {
      return performance.getEntriesByType("resource").some(function (entry) {
        return INDEX.test(entry.name);
      });
    }
    if (arrived()) return setTimeout(once, 10000);
    new PerformanceObserver(function (list, observer) {
      if (arrived()) { observer.disconnect(); setTimeout(once, 10000); }
    }).observe({ type: "resource" });
    setTimeout(once, 20000);
  }

  if (navigator.serviceWorker.controller) register();  /* kept already: nothing to wait for */
  else if (document.readyState === "complete") whenSettled(register);
  else window.addEventListener("load", function () { whenSettled(register); });
})();

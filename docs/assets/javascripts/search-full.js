/* Search with every word, after a quick first answer (search.py). Over http(s) the theme's
 * search worker is first set up with search/search_index.json, the quick index: titles,
 * headings and the opening words of each section, small enough for a phone on a slow network
 * to search within seconds. That index names the whole one (`config.full`); once the worker
 * has the quick one, this fetches the whole index and sets the worker up again with it, asks
 * the open query again, and gives every later setup from the theme (it sends one each time
 * search is opened) the whole index too. If the whole index cannot be fetched, the quick one
 * keeps answering. Once the worker has the whole index, the page says so for tests:
 * <html data-search-index="full">. From file:// the theme reads the whole index at once.
 * Loaded before the theme's script (mkdocs.yml, extra.polyfills): it wraps `Worker`. */
(function () {
  "use strict";
  if (location.protocol === "file:" || typeof window.Worker !== "function") return;
  var Native = window.Worker;
  var send = Native.prototype.postMessage;
  var SETUP = 0, READY = 1, QUERY = 2;

  function Wrapped(url, options) {
    var worker = new Native(url, options);
    follow(worker);
    return worker;
  }
  Wrapped.prototype = Native.prototype;
  window.Worker = Wrapped;

  function base() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base, location.href);
  }

  function follow(worker) {
    var full = null, setup = null, query = null, fetching = false;
    var setups = 0, ready = 0;  /* the worker answers each setup once, in order */
    function post(args) {
      if (args[0] && args[0].type === SETUP) setups += 1;
      return send.apply(worker, args);
    }
    function whole(data) {
      return { type: SETUP, data: { config: full.config, docs: full.docs, options: data.options } };
    }
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      var data = message && message.type === SETUP && message.data;
      if (data && data.config && data.config.full) {
        setup = data;
        if (full) args[0] = whole(setup);
      } else if (message && message.type === QUERY) {
        query = message;
      }
      return post(args);
    };
    worker.addEventListener("message", function (event) {
      if (!event.data || event.data.type !== READY) return;
      ready += 1;
      if (full && ready === setups) {
        document.documentElement.setAttribute("data-search-index", "full");
      }
      if (!setup || fetching) return;
      fetching = true;
      fetch(new URL(setup.config.full, base()).href)
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + response.url);
          return response.json();
        })
        .then(function (index) {
          full = index;
          post([whole(setup)]);
          if (query) post([query]);
        })
        .catch(function () { /* offline and never kept: the quick index answers */ });
    });
  }
})();

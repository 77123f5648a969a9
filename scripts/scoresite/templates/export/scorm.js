/* SCORM 1.2 glue for one SCO: finds the LMS's API object in a parent frame (or the window
   that opened this one), marks the module "incomplete" when opened, "completed" when the
   participant says so, and finishes the session when the page goes away. Sends nothing
   anywhere but to that API object. */
(function () {
  "use strict";
  const status = document.getElementById("scorm-status");
  const button = document.getElementById("scorm-done");
  const words = status.dataset;

  function apiIn(win) {
    for (let depth = 0; win && depth < 10; depth += 1) {
      try {
        if (win.API) return win.API;
      } catch (error) {
        return null; // a frame of another origin: not ours to read
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  const api = apiIn(window) || (window.opener ? apiIn(window.opener) : null);
  let open = false;
  if (!api || String(api.LMSInitialize("")) !== "true") {
    status.textContent = words.none;
    button.hidden = true;
    return;
  }
  open = true;
  const now = api.LMSGetValue("cmi.core.lesson_status");
  if (now === "completed" || now === "passed") {
    status.textContent = words.done;
  } else {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    api.LMSCommit("");
    status.textContent = words.started;
  }
  button.addEventListener("click", function () {
    api.LMSSetValue("cmi.core.lesson_status", "completed");
    api.LMSCommit("");
    status.textContent = words.done;
  });
  function finish() {
    if (!open) return;
    open = false;
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();

/* The presentation's navigation: arrows, page keys, space, Home/End, swipes and the buttons;
   F for full screen, T for the trainer view with notes. The slide number stays in the
   address (#5, and #5-trainer), so a reload keeps the place. Plain script: works from file://. */
(function () {
  "use strict";
  var frames = Array.prototype.slice.call(document.querySelectorAll(".frame"));
  var where = document.getElementById("where");
  var trainerButton = document.getElementById("trainer");
  var current = 0;

  function remember() {
    var mark = "#" + (current + 1) + (document.body.classList.contains("trainer") ? "-trainer" : "");
    if (location.hash !== mark) history.replaceState(null, "", mark);
  }

  function show(n) {
    n = Math.max(0, Math.min(frames.length - 1, n));
    frames[current].hidden = true;
    frames[n].hidden = false;
    current = n;
    where.textContent = (n + 1) + " / " + frames.length;
    remember();
  }

  function trainer(on) {
    document.body.classList.toggle("trainer", on);
    trainerButton.setAttribute("aria-pressed", on ? "true" : "false");
    remember();
  }

  function full() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  }

  var keys = {
    ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Enter: 1,
    ArrowLeft: -1, ArrowUp: -1, PageUp: -1, Backspace: -1
  };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
    if (event.key in keys) show(current + keys[event.key]);
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(frames.length - 1);
    else if (event.key === "f" || event.key === "F") full();
    else if (event.key === "t" || event.key === "T") trainer(!document.body.classList.contains("trainer"));
    else return;
    event.preventDefault();
  });

  var startX = null;
  document.addEventListener("touchstart", function (event) {
    startX = event.touches.length === 1 ? event.touches[0].clientX : null;
  }, { passive: true });
  document.addEventListener("touchend", function (event) {
    if (startX === null) return;
    var moved = event.changedTouches[0].clientX - startX;
    if (Math.abs(moved) > 40) show(current + (moved < 0 ? 1 : -1));
    startX = null;
  });

  document.getElementById("previous").addEventListener("click", function () { show(current - 1); });
  document.getElementById("next").addEventListener("click", function () { show(current + 1); });
  trainerButton.addEventListener("click", function () {
    trainer(!document.body.classList.contains("trainer"));
  });
  document.getElementById("full").addEventListener("click", full);

  var start = /^#(\d+)(-trainer)?$/.exec(location.hash);
  if (start) {
    trainer(Boolean(start[2]));
    show(parseInt(start[1], 10) - 1);
  } else {
    show(0);
  }
})();

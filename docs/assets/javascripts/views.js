/* Trainer and participant views: a switch at the top of every page, remembered in the
 * browser. The participant view hides what is marked `trainer-only` in the pages and every
 * link to a trainer page or slide deck (navigation, lists, the print table). Without JS all
 * is shown. */
(function () {
  "use strict";
  var KEY = "score-view";
  var DEFAULT = "trainer";
  /* trainer guides (pelatih), coaching plans (pendampingan, pendampingan-perencana) and the
     teaching slide decks */
  var TRAINER_LINK = /(^|\/)(pelatih\.(html|pdf)|pendampingan(-[a-z]+)*\.(html|pdf)|slide\.(pptx|html))(#.*)?$/;

  function load() {
    try {
      return window.localStorage.getItem(KEY) || DEFAULT;
    } catch (error) {
      return DEFAULT; /* storage may be off, e.g. for pages opened from disk */
    }
  }

  function save(view) {
    try {
      window.localStorage.setItem(KEY, view);
    } catch (error) {
      /* the switch still works on this page */
    }
  }

  function markTrainerLinks() {
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (TRAINER_LINK.test(link.getAttribute("href"))) {
        (link.closest("li, tr") || link).classList.add("trainer-only");
      }
    });
    /* the table of contents entries of hidden headings */
    document.querySelectorAll(".trainer-only [id]").forEach(function (target) {
      document.querySelectorAll('.md-nav a[href="#' + target.id + '"]').forEach(function (a) {
        a.closest("li").classList.add("trainer-only");
      });
    });
  }

  function show(view, buttons) {
    document.documentElement.setAttribute("data-view", view);
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.value === view));
    });
  }

  function buildSwitch() {
    /* the page's language, from labels.yml (overrides/main.html) */
    var words = JSON.parse(document.getElementById("view-words").textContent);
    var group = document.createElement("div");
    group.className = "view-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", words.group);
    var label = document.createElement("span");
    label.className = "view-switch__label";
    label.setAttribute("aria-hidden", "true");
    label.textContent = words.group + ":";
    group.appendChild(label);
    var buttons = ["trainer", "participant"].map(function (view) {
      var button = document.createElement("button");
      button.type = "button";
      button.value = view;
      button.className = "view-switch__button";
      button.textContent = words[view];
      button.addEventListener("click", function () {
        save(view);
        show(view, buttons);
      });
      group.appendChild(button);
      return button;
    });
    return { group: group, buttons: buttons };
  }

  var content = document.querySelector(".md-content__inner");
  if (!content) return;
  markTrainerLinks();
  var control = buildSwitch();
  content.insertBefore(control.group, content.firstChild);
  show(load(), control.buttons);
  /* another tab or page changed the view */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) show(event.newValue || DEFAULT, control.buttons);
  });
})();

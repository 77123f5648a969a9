/* The interactive 5R audit (materi/5r/audit.html): score, keep audits in localStorage,
   compare, draw radar and trend (charts.js), export and import CSV (common.js). Nothing
   leaves the device. Criteria and words come embedded in the page (#audit-data). */
(() => {
  "use strict";
  const source = document.getElementById("audit-data");
  if (!source) return;
  const DATA = JSON.parse(source.textContent);
  const L = DATA.labels;
  const LANG = DATA.lang;
  const STORE = "score5r-audits";
  const COLUMNS = ["enterprise_code", "enterprise", "area", "auditor", "date", "step",
    "criterion", "score", "note", "action_who", "action_by"];
  const ABOUT = COLUMNS.slice(0, 5);
  const { fmt, el, today, isDate, isoDate, later, charts } = window.Score5R;
  const CRITERIA = DATA.steps.flatMap((step) =>
    step.criteria.map((c, i) => ({ step, c, number: i + 1, key: `${step.id}/${c.id}` })));
  const KEYS = new Set(CRITERIA.map((x) => x.key));
  const TOP = Math.max(...DATA.scores);
  const MAX = TOP * CRITERIA.length;
  const $ = (id) => document.getElementById(id);
  const form = $("audit-form");

  const showDate = (s) => (isDate(s)
    ? new Date(`${s}T00:00`).toLocaleDateString(LANG, { day: "numeric", month: "short", year: "numeric" })
    : s || "—");
  const place = (a) => [a.enterprise || L.untitled, a.area].filter(Boolean).join(" · ");
  const name = (a) => `${showDate(a.date)} · ${place(a)}`;
  const blank = (from = {}) => ({
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    enterprise_code: from.enterprise_code || "", enterprise: from.enterprise || "",
    area: from.area || "", auditor: from.auditor || "",
    date: today(), scores: {}, notes: {}, changed: 0,
  });

  /* storage: one list of audits, shared by both languages of the site; what cannot be read
     is kept aside (common.js) and offered for download, never overwritten */
  const status = (text) => { $("audit-status").textContent = text; };
  const isAudit = (a) => a !== null && typeof a === "object" && !Array.isArray(a)
    && a.scores !== null && typeof a.scores === "object";
  const stored = window.Score5R.readList(STORE, isAudit);
  let audits = stored.list;
  for (const a of audits) a.notes ||= {};
  let current = audits.slice().sort((a, b) => b.changed - a.changed)[0] || blank();
  const writeAll = () => {
    if (stored.locked) return status(L.not_saved_locked);
    try {
      localStorage.setItem(STORE, JSON.stringify(audits));
      status(fmt(L.saved_status, { time: new Date().toLocaleTimeString(LANG) }));
    } catch { status(L.no_storage); }
  };
  const save = () => {
    current.changed = Date.now();
    if (!audits.includes(current)) audits.push(current);
    writeAll();
  };
  const rescue = () => {
    let text = "";
    try { text = localStorage.getItem(stored.aside) || ""; } catch { /* reported already */ }
    window.Score5R.download("audit-5r-tersisih.txt", text);
  };
  if (stored.problem === "no_storage") status(L.no_storage);
  else if (stored.problem) {
    $("audit-problems").replaceChildren(
      el("p", { text: fmt(L[stored.problem], { key: stored.aside }) }),
      el("p", { text: stored.locked ? L.not_saved_locked : L.kept_aside }),
      el("button", { type: "button", class: "md-button", id: "audit-rescue", text: L.download_aside }));
    $("audit-rescue").addEventListener("click", rescue);
  }

  /* totals */
  const stepMax = (step) => TOP * step.criteria.length;
  const subtotal = (audit, step) =>
    step.criteria.reduce((sum, c) => sum + (audit.scores[`${step.id}/${c.id}`] ?? 0), 0);
  const total = (audit) => DATA.steps.reduce((sum, s) => sum + subtotal(audit, s), 0);
  const percent = (audit) => Math.round((100 * total(audit)) / MAX);

  /* the form, built once from the embedded criteria */
  const criterionFields = ({ step, c, number, key }) => {
    const id = `audit-${step.id}-${c.id}`;
    const choices = DATA.scores.map((level) => el("label", { class: "audit-choice" },
      el("input", { type: "radio", name: key, value: level, "data-key": key }),
      el("span", { class: "audit-level", text: level }),
      el("span", { class: "audit-descriptor", text: c.scores[level] })));
    return el("fieldset", { class: "audit-criterion", id },
      el("legend", {}, el("span", { class: "audit-number", text: `${step.name} ${number}` }), ` ${c.text}`),
      el("div", { class: "audit-choices" }, ...choices),
      el("div", { class: "audit-extra" },
        el("p", { class: "audit-note" }, el("label", { for: `${id}-note`, text: L.note }),
          el("textarea", { id: `${id}-note`, rows: 2, "data-key": key, "data-field": "note" })),
        el("p", {}, el("label", { for: `${id}-who`, text: L.who }),
          el("input", { id: `${id}-who`, "data-key": key, "data-field": "who" })),
        el("p", {}, el("label", { for: `${id}-by`, text: L.by_when }),
          el("input", { id: `${id}-by`, type: "date", "data-key": key, "data-field": "by" }))));
  };
  const stepTitle = (step) => (LANG === "id" ? step.name : `${step.name} (${step.english})`);
  $("audit-steps").append(...DATA.steps.map((step, i) => el("section",
    { class: "audit-step", "aria-labelledby": `audit-h-${step.id}` },
    el("h3", { id: `audit-h-${step.id}`, text: `${i + 1}. ${stepTitle(step)}` }),
    ...CRITERIA.filter((x) => x.step === step).map(criterionFields),
    el("p", { class: "audit-subtotal" }, `${L.subtotal} ${stepTitle(step)}: `,
      el("output", { "data-subtotal": step.id }), ` / ${stepMax(step)}`))));

  const fill = () => {
    for (const f of ABOUT) form.elements[f].value = current[f] || "";
    for (const input of form.querySelectorAll("input[type=radio]")) {
      input.checked = current.scores[input.dataset.key] === Number(input.value);
    }
    for (const input of form.querySelectorAll("[data-field]")) {
      input.value = (current.notes[input.dataset.key] || {})[input.dataset.field] || "";
    }
    for (const input of form.querySelectorAll("input[type=date]")) markEmpty(input);
  };
  /* an empty date prints as a blank line, not as the browser's "dd/mm/yyyy" */
  const markEmpty = (input) => input.classList.toggle("audit-empty", !input.value);
  form.addEventListener("input", (event) => {
    const t = event.target;
    if (t.type === "date") markEmpty(t);
    if (ABOUT.includes(t.name)) current[t.name] = t.value;
    else if (t.type === "radio") current.scores[t.dataset.key] = Number(t.value);
    else if (t.dataset.field) {
      const notes = (current.notes[t.dataset.key] ||= {});
      notes[t.dataset.field] = t.value;
    } else return;
    save();
    update();
  });

  /* results: table and radar */
  const radar = (audit) => {
    const values = DATA.steps.map((s) => `${s.name} ${subtotal(audit, s)}/${stepMax(s)}`);
    return charts.radar(DATA.geometry.radar, DATA.steps.map((s) => s.name),
      [{ class: "audit-value", values: DATA.steps.map((s) => subtotal(audit, s) / stepMax(s)) }],
      fmt(L.radar, { values: values.join(", ") }));
  };
  const results = () => {
    const scored = CRITERIA.filter((x) => x.key in current.scores).length;
    const rows = DATA.steps.map((s) => el("tr", {},
      el("th", { scope: "row", text: stepTitle(s) }),
      el("td", { "data-result": s.id, text: subtotal(current, s) }),
      el("td", { text: stepMax(s) }),
      el("td", { text: `${Math.round((100 * subtotal(current, s)) / stepMax(s))} %` })));
    const table = el("table", { class: "audit-table" },
      el("thead", {}, el("tr", {}, ...[L.step, L.score, L.maximum, L.percent]
        .map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows),
      el("tfoot", {}, el("tr", {}, el("th", { scope: "row", text: L.total_score }),
        el("td", { id: "audit-total", text: total(current) }), el("td", { text: MAX }),
        el("td", { id: "audit-percent", text: `${percent(current)} %` }))));
    $("audit-results").replaceChildren(
      el("div", {}, table, el("p", { class: "audit-scored",
        text: fmt(L.scored, { n: scored, all: CRITERIA.length }) })),
      radar(current));
  };

  /* saved audits: list, comparison, trend */
  const byDate = (a, b) => (a.date || "").localeCompare(b.date || "") || a.changed - b.changed;
  const saved = () => {
    if (!audits.length) return $("audit-saved").replaceChildren(el("p", { text: L.none_saved }));
    const items = audits.slice().sort(byDate).reverse().map((a) => el("li",
      { class: a === current ? "audit-current" : null, "aria-current": a === current ? "true" : null },
      el("span", { class: "audit-saved-name", text: name(a) }),
      ` · ${total(a)}/${MAX} (${percent(a)} %)`,
      a === current ? ` · ${L.is_open}` : "",
      el("span", { class: "audit-saved-buttons" },
        a === current ? null : el("button", { type: "button", class: "md-button",
          "data-open": a.id, text: L.open, "aria-label": `${L.open}: ${name(a)}` }),
        el("button", { type: "button", class: "md-button", "data-delete": a.id, text: L.delete,
          "aria-label": `${L.delete}: ${name(a)}` }))));
    $("audit-saved").replaceChildren(el("ul", {}, ...items));
  };
  $("audit-saved").addEventListener("click", (event) => {
    const open = event.target.closest("[data-open]"), del = event.target.closest("[data-delete]");
    if (open) current = audits.find((a) => a.id === open.dataset.open);
    if (del) {
      const gone = audits.find((a) => a.id === del.dataset.delete);
      if (!window.confirm(fmt(L.delete_confirm, { name: name(gone) }))) return;
      audits = audits.filter((a) => a !== gone);
      writeAll();
      if (gone === current) current = blank(current);
    }
    if (open || del) { fill(); update(); }
  });

  const pick = { a: null, b: null };
  const compare = () => {
    const sorted = audits.slice().sort(byDate);
    if (sorted.length < 2) return $("audit-compare").replaceChildren(el("p", { text: L.compare_none }));
    for (const k of ["a", "b"]) if (!sorted.includes(pick[k])) pick[k] = null;
    /* until the user picks, compare the two latest */
    const chosen = { a: pick.a || sorted[sorted.length - 2], b: pick.b || sorted[sorted.length - 1] };
    const select = (k, label) => el("p", {}, el("label", { for: `audit-pick-${k}`, text: label }), " ",
      el("select", { id: `audit-pick-${k}`, "data-pick": k }, ...sorted.map((a) =>
        el("option", { value: a.id, selected: a === chosen[k] ? "" : null, text: name(a) }))));
    const diff = (x) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : "0");
    const row = (label, fa, fb) => el("tr", {}, el("th", { scope: "row", text: label }),
      el("td", { text: fa }), el("td", { text: fb }), el("td", { class: "audit-diff", text: diff(fb - fa) }));
    $("audit-compare").replaceChildren(select("a", L.audit_a), select("b", L.audit_b),
      el("table", { class: "audit-table" },
        el("thead", {}, el("tr", {}, ...[L.step, L.audit_a, L.audit_b, L.difference]
          .map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...DATA.steps.map((s) =>
          row(stepTitle(s), subtotal(chosen.a, s), subtotal(chosen.b, s)))),
        el("tfoot", {}, row(L.total_score, total(chosen.a), total(chosen.b)))));
  };
  $("audit-compare").addEventListener("change", (event) => {
    const k = event.target.dataset.pick;
    if (k) { pick[k] = audits.find((a) => a.id === event.target.value); compare(); $(`audit-pick-${k}`).focus(); }
  });

  const sameAs = (a, b) => ["enterprise", "area"]
    .every((f) => (a[f] || "").trim().toLowerCase() === (b[f] || "").trim().toLowerCase());
  const trend = () => {
    const series = audits.filter((a) => sameAs(a, current)).sort(byDate);
    if (!series.length) return $("audit-trend").replaceChildren(el("p", { text: L.trend_none }));
    const values = series.map((a) => `${showDate(a.date)} ${percent(a)} %`).join(", ");
    const who = place(current);
    const points = series.map((a) => ({ value: percent(a), label: showDate(a.date), title: `${name(a)}: ${percent(a)} %` }));
    $("audit-trend").replaceChildren(el("p", { text: fmt(L.trend_for, { name: who }) }),
      charts.trend(DATA.geometry.trend, points, fmt(L.trend_of, { name: who, values })));
  };

  const update = () => {
    for (const s of DATA.steps) form.querySelector(`[data-subtotal="${s.id}"]`).value = subtotal(current, s);
    results(); saved(); compare(); trend();
  };

  /* CSV: the real record. UTF-8 with BOM for Excel; quotes, commas, newlines round-trip;
     text that a spreadsheet would run as a formula is written as text (common.js). */
  const toCsv = (a) => window.Score5R.toCsv([COLUMNS, ...CRITERIA.map(({ step, c, key }) => {
    const n = a.notes[key] || {};
    return [...ABOUT.map((f) => a[f] || ""), step.id, c.id,
      key in a.scores ? String(a.scores[key]) : "", n.note || "", n.who || "", n.by || ""];
  })]);
  const download = () => window.Score5R.download(
    `audit-5r-${current.date || today()}-${window.Score5R.slug(current.enterprise, "audit")}.csv`, toCsv(current));

  /* The header as exported, or as before enterprise codes (read with an empty code). */
  const header = (cells) => {
    const names = cells.map((v) => v.trim().toLowerCase()).join(",");
    if (names === COLUMNS.join(",")) return (row) => row;
    if (names === COLUMNS.slice(1).join(",")) return (row) => ["", ...row];
    return null;
  };
  const BATCH = 2000;
  const readCsv = async (text, progress) => {
    const problems = [], audit = blank(), seen = new Set();
    const say = (key, values) => problems.push(fmt(L[key], values));
    const { rows, quote } = window.Score5R.parseCsv(text);
    if (quote) return { problems: [fmt(L.err_quote, { line: quote })] };
    if (!rows.length) return { problems: [L.err_empty] };
    const widen = header(rows[0].cells);
    if (!widen) return { problems: [fmt(L.err_header, { columns: COLUMNS.join(",") })] };
    if (rows.length === 1) return { problems: [L.err_no_rows] };
    const first = widen(rows[1].cells).map(window.Score5R.uncell);
    ABOUT.forEach((f, i) => { audit[f] = first[i] ?? ""; });
    for (let r = 1; r < rows.length; r++) {
      if (r % BATCH === 0) { progress(r / rows.length); await later(); }
      const { line } = rows[r];
      if (rows[r].cells.length !== rows[0].cells.length) {
        say("err_columns", { line, count: rows[r].cells.length, expected: rows[0].cells.length });
        continue;
      }
      const cells = widen(rows[r].cells).map(window.Score5R.uncell);
      const [,,,, date, step, id, score, note, who, by] = cells;
      const key = `${step.trim()}/${id.trim()}`;
      ABOUT.forEach((f, i) => { if (cells[i] !== first[i]) say("err_differs", { line, column: f }); });
      if (date.trim() && !isoDate(date)) say("err_date", { line, value: date });
      if (by.trim() && !isoDate(by)) say("err_date", { line, value: by });
      if (!KEYS.has(key)) say("err_criterion", { line, value: key });
      else if (seen.has(key)) say("err_duplicate", { line, value: key });
      if (!/^[0-4]?$/.test(score.trim())) say("err_score", { line, value: score });
      seen.add(key);
      if (score.trim()) audit.scores[key] = Number(score);
      if (note || who || by) audit.notes[key] = { note, who, by: isoDate(by) || by.trim() };
    }
    audit.date = isoDate(audit.date) || audit.date.trim();
    return { problems, audit, missing: CRITERIA.length - [...seen].filter((k) => KEYS.has(k)).length };
  };

  const importFile = async (file) => {
    const box = $("audit-problems"), bar = $("audit-progress");
    const progress = (f) => { bar.hidden = false; bar.value = Math.round(100 * f); };
    status(fmt(L.importing, { file: file.name }));
    progress(0);
    await later();
    const { text, encoding } = await window.Score5R.readFile(file);
    const { problems, audit, missing } = await readCsv(text, progress);
    bar.hidden = true;
    if (problems.length) {
      const shown = problems.slice(0, 10).concat(problems.length > 10
        ? [fmt(L.err_more, { n: problems.length - 10 })] : []);
      box.replaceChildren(el("p", { text: fmt(L.import_failed, { file: file.name }) }),
        el("ul", {}, ...shown.map((p) => el("li", { text: p }))));
      status("");
      return;
    }
    box.replaceChildren();
    current = audit;
    save();
    fill();
    update();
    status([fmt(L.imported, { file: file.name }),
      encoding === "Windows-1252" ? L.imported_ansi : "",
      missing ? fmt(L.imported_missing, { n: missing }) : ""].filter(Boolean).join(" "));
  };

  const actions = {
    new: () => { current = blank(current); fill(); update(); $("audit-enterprise").focus(); },
    export: download,
    import: () => $("audit-import").click(),
    print: () => window.print(),
  };
  document.querySelector(".audit-toolbar").addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button) actions[button.dataset.action]();
  });
  $("audit-import").addEventListener("change", (event) => {
    const [file] = event.target.files;
    event.target.value = "";
    if (file) importFile(file);
  });

  fill();
  update();
})();

/* The interactive 5R audit (materi/5r/audit.html): score, keep audits in localStorage,
   compare, draw radar and trend as inline SVG, export and import CSV. Nothing leaves the
   device. Criteria and words come embedded in the page (#audit-data). */
(() => {
  "use strict";
  const source = document.getElementById("audit-data");
  if (!source) return;
  const DATA = JSON.parse(source.textContent);
  const L = DATA.labels;
  const LANG = DATA.lang;
  const STORE = "score5r-audits";
  const COLUMNS = ["enterprise", "area", "auditor", "date", "step", "criterion", "score",
    "note", "action_who", "action_by"];
  const ABOUT = COLUMNS.slice(0, 4);
  const CRITERIA = DATA.steps.flatMap((step) =>
    step.criteria.map((c, i) => ({ step, c, number: i + 1, key: `${step.id}/${c.id}` })));
  const KEYS = new Set(CRITERIA.map((x) => x.key));
  const TOP = Math.max(...DATA.scores);
  const MAX = TOP * CRITERIA.length;
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  const form = $("audit-form");

  const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const el = (name, attrs = {}, ...children) => {
    const node = name.startsWith("svg:")
      ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v;
      else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v);
    }
    node.append(...children.filter((c) => c !== null));
    return node;
  };
  const today = () => {
    const d = new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
      .map((n) => String(n).padStart(2, "0")).join("-");
  };
  const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
  const showDate = (s) => (isDate(s)
    ? new Date(`${s}T00:00`).toLocaleDateString(LANG, { day: "numeric", month: "short", year: "numeric" })
    : s || "—");
  const place = (a) => [a.enterprise || L.untitled, a.area].filter(Boolean).join(" · ");
  const name = (a) => `${showDate(a.date)} · ${place(a)}`;
  const blank = (from = {}) => ({
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    enterprise: from.enterprise || "", area: from.area || "", auditor: from.auditor || "",
    date: today(), scores: {}, notes: {}, changed: 0,
  });

  /* storage: one list of audits, shared by both languages of the site */
  const status = (text) => { $("audit-status").textContent = text; };
  const load = () => {
    let text = "[]";
    try { text = localStorage.getItem(STORE) || "[]"; } catch { status(L.no_storage); }
    try { return JSON.parse(text); } catch { return []; }
  };
  let audits = load();
  let current = audits.slice().sort((a, b) => b.changed - a.changed)[0] || blank();
  const save = () => {
    current.changed = Date.now();
    if (!audits.includes(current)) audits.push(current);
    try {
      localStorage.setItem(STORE, JSON.stringify(audits));
      status(fmt(L.saved_status, { time: new Date().toLocaleTimeString(LANG) }));
    } catch { status(L.no_storage); }
  };

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
    const n = DATA.steps.length, c = 160, r = 105;
    const at = (i, f) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [c + r * f * Math.cos(a), c + r * f * Math.sin(a)].map((v) => v.toFixed(1));
    };
    const ring = (f) => DATA.steps.map((_, i) => at(i, f).join(",")).join(" ");
    const values = DATA.steps.map((s) => `${s.name} ${subtotal(audit, s)}/${stepMax(s)}`);
    return el("svg:svg", { viewBox: "0 0 320 320", class: "audit-radar", role: "img",
      "aria-label": fmt(L.radar, { values: values.join(", ") }) },
    ...[0.25, 0.5, 0.75, 1].map((f) => el("svg:polygon", { class: "audit-grid", points: ring(f) })),
    ...DATA.steps.map((_, i) => {
      const [x, y] = at(i, 1);
      return el("svg:line", { class: "audit-axis", x1: c, y1: c, x2: x, y2: y });
    }),
    el("svg:polygon", { class: "audit-value", points: DATA.steps
      .map((s, i) => at(i, subtotal(audit, s) / stepMax(s)).join(",")).join(" ") }),
    ...DATA.steps.map((s, i) => {
      const [x, y] = at(i, 1.2).map(Number);
      const anchor = Math.abs(x - c) < 5 ? "middle" : x < c ? "end" : "start";
      return el("svg:text", { x, y: y + 4, "text-anchor": anchor, text: s.name });
    }));
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
      try { localStorage.setItem(STORE, JSON.stringify(audits)); } catch { status(L.no_storage); }
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
    const x0 = 44, x1 = 300, y = (p) => 150 - 1.3 * p;
    const x = (i) => (series.length === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (series.length - 1));
    const points = series.map((a, i) => [x(i).toFixed(1), y(percent(a)).toFixed(1)]);
    const values = series.map((a) => `${showDate(a.date)} ${percent(a)} %`).join(", ");
    const labelled = series.length <= 4 ? series.map((_, i) => i) : [0, series.length - 1];
    const who = place(current);
    $("audit-trend").replaceChildren(el("p", { text: fmt(L.trend_for, { name: who }) }), el("svg:svg", { viewBox: "0 0 320 190", class: "audit-trend-chart",
      role: "img", "aria-label": fmt(L.trend_of, { name: who, values }) },
    ...[0, 50, 100].flatMap((p) => [
      el("svg:line", { class: "audit-grid", x1: x0, x2: x1, y1: y(p), y2: y(p) }),
      el("svg:text", { x: x0 - 6, y: y(p) + 4, "text-anchor": "end", text: `${p} %` })]),
    el("svg:polyline", { class: "audit-value", points: points.map((p) => p.join(",")).join(" ") }),
    ...series.map((a, i) => el("svg:circle", { class: "audit-point", cx: points[i][0], cy: points[i][1], r: 4 },
      el("svg:title", { text: `${name(a)}: ${percent(a)} %` }))),
    ...labelled.map((i) => el("svg:text", { x: points[i][0], y: 175, text: showDate(series[i].date),
      "text-anchor": series.length === 1 ? "middle" : i === 0 ? "start" : i === series.length - 1 ? "end" : "middle" }))));
  };

  const update = () => {
    for (const s of DATA.steps) form.querySelector(`[data-subtotal="${s.id}"]`).value = subtotal(current, s);
    results(); saved(); compare(); trend();
  };

  /* CSV: the real record. UTF-8 with BOM for Excel; quotes, commas, newlines round-trip. */
  const cell = (v) => (/[",;\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const toCsv = (a) => [COLUMNS, ...CRITERIA.map(({ step, c, key }) => {
    const n = a.notes[key] || {};
    return [a.enterprise, a.area, a.auditor, a.date, step.id, c.id,
      key in a.scores ? String(a.scores[key]) : "", n.note || "", n.who || "", n.by || ""];
  })].map((row) => row.map((v) => cell(String(v ?? ""))).join(",")).join("\r\n") + "\r\n";
  const download = () => {
    const blob = new Blob(["\ufeff", toCsv(current)], { type: "text/csv;charset=utf-8" });
    const slug = (current.enterprise || "audit").toLowerCase().normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "audit";
    const link = el("a", { href: URL.createObjectURL(blob), download: `audit-5r-${current.date || today()}-${slug}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };

  const parseCsv = (text) => {
    const first = text.split(/\r?\n/, 1)[0];
    const sep = first.split(";").length > first.split(",").length ? ";" : ",";
    const rows = [];
    let row = [], field = "", quoted = false, line = 1, start = 1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (ch === '"') quoted = false;
        else { if (ch === "\n") line++; field += ch; }
      } else if (ch === '"' && field === "") quoted = true;
      else if (ch === sep) { row.push(field); field = ""; }
      else if (ch === "\r" || ch === "\n") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(field); rows.push({ line: start, cells: row });
        row = []; field = ""; line++; start = line;
      } else field += ch;
    }
    if (quoted) throw new Error(fmt(L.err_quote, { line: start }));
    if (field || row.length) { row.push(field); rows.push({ line: start, cells: row }); }
    return rows.filter((r) => r.cells.some((v) => v.trim()));
  };

  const readCsv = (text) => {
    const problems = [], audit = blank(), seen = new Set();
    const say = (key, values) => problems.push(fmt(L[key], values));
    let rows;
    try { rows = parseCsv(text.replace(/^\ufeff/, "")); } catch (e) { return { problems: [e.message] }; }
    if (!rows.length) return { problems: [L.err_empty] };
    if (rows[0].cells.map((v) => v.trim()).join(",") !== COLUMNS.join(",")) {
      return { problems: [fmt(L.err_header, { columns: COLUMNS.join(",") })] };
    }
    if (rows.length === 1) return { problems: [L.err_no_rows] };
    for (const [f, v] of ABOUT.map((f, i) => [f, rows[1].cells[i] ?? ""])) audit[f] = v;
    for (const { line, cells } of rows.slice(1)) {
      if (cells.length !== COLUMNS.length) {
        say("err_columns", { line, count: cells.length, expected: COLUMNS.length });
        continue;
      }
      const [,,, date, step, id, score, note, who, by] = cells;
      const key = `${step.trim()}/${id.trim()}`;
      ABOUT.forEach((f, i) => { if (cells[i] !== audit[f]) say("err_differs", { line, column: f }); });
      if (date && !isDate(date.trim())) say("err_date", { line, value: date });
      if (by && !isDate(by.trim())) say("err_date", { line, value: by });
      if (!KEYS.has(key)) say("err_criterion", { line, value: key });
      else if (seen.has(key)) say("err_duplicate", { line, value: key });
      if (!/^[0-4]?$/.test(score.trim())) say("err_score", { line, value: score });
      seen.add(key);
      if (score.trim()) audit.scores[key] = Number(score);
      if (note || who || by) audit.notes[key] = { note, who, by: by.trim() };
    }
    audit.date = audit.date.trim();
    return { problems, audit, missing: CRITERIA.length - [...seen].filter((k) => KEYS.has(k)).length };
  };

  const importFile = async (file) => {
    const { problems, audit, missing } = readCsv(await file.text());
    const box = $("audit-problems");
    if (problems.length) {
      const shown = problems.slice(0, 10).concat(problems.length > 10
        ? [fmt(L.err_more, { n: problems.length - 10 })] : []);
      box.replaceChildren(el("p", { text: fmt(L.import_failed, { file: file.name }) }),
        el("ul", {}, ...shown.map((p) => el("li", { text: p }))));
      return;
    }
    box.replaceChildren();
    current = audit;
    save();
    fill();
    update();
    status([fmt(L.imported, { file: file.name }),
      missing ? fmt(L.imported_missing, { n: missing }) : ""].join(" ").trim());
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

/* The KPI entry page (materi/program/kpi.html): one enterprise's monthly KPI values with the
   programme's fixed definitions, the baseline month marked, kept in localStorage (common.js:
   what cannot be read is kept aside), exported and imported as the monitoring page's KPI CSV
   (read by cohort.js, so both pages check a file the same way). Nothing leaves the device. */
(() => {
  "use strict";
  const source = document.getElementById("kpi-data");
  if (!source) return;
  const DATA = JSON.parse(source.textContent);
  const L = DATA.labels;
  const S = window.Score5R, { el, fmt } = S;
  const STORE = "score5r-kpis";
  const $ = (id) => document.getElementById(id);
  const CTX = { kpis: new Set(DATA.kpis.map((k) => k.id)), keys: new Set() };
  const status = (text) => { $("kpi-status").textContent = text; };

  const isSheet = (x) => x !== null && typeof x === "object" && Array.isArray(x.months);
  const stored = S.readList(STORE, isSheet);
  let sheets = stored.list;
  if (stored.problem === "no_storage") status(L.no_storage);
  else if (stored.problem) $("kpi-problems").replaceChildren(el("p", { text: fmt(L.stored_problem, { key: stored.aside }) }));
  const blank = () => ({ id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, code: "", name: "", months: [], changed: 0 });
  let current = sheets.slice().sort((a, b) => b.changed - a.changed)[0] || blank();
  const title = (s) => [s.code, s.name].filter(Boolean).join(" · ") || "—";

  const save = () => {
    current.changed = Date.now();
    if (!sheets.includes(current)) sheets.push(current);
    if (stored.locked) return;
    try {
      localStorage.setItem(STORE, JSON.stringify(sheets));
      status(fmt(L.saved, { time: new Date().toLocaleTimeString(DATA.lang) }));
    } catch { status(L.no_storage); }
  };

  const draw = () => {
    $("kpi-code").value = current.code;
    $("kpi-name").value = current.name;
    $("kpi-pick").replaceChildren(...[...sheets, ...(sheets.includes(current) ? [] : [current])].map((s) =>
      el("option", { value: s.id, selected: s === current ? "" : null, text: title(s) })));
    current.months.sort((a, b) => a.month.localeCompare(b.month));
    const head = el("tr", {}, el("th", { scope: "col", text: L.month }), el("th", { scope: "col", text: L.baseline }),
      ...DATA.kpis.map((k) => el("th", { scope: "col", text: `${k.name} (${k.unit})` })), el("th", { scope: "col", text: "" }));
    const rows = current.months.map((m) => el("tr", {},
      el("th", { scope: "row", text: m.month }),
      el("td", {}, el("input", { type: "radio", name: "kpi-baseline", value: m.month, checked: m.baseline ? "" : null,
        "aria-label": fmt(L.baseline_of, { month: m.month }) })),
      ...DATA.kpis.map((k) => el("td", {}, el("input", { inputmode: "decimal", size: 7, value: m.values[k.id] || "",
        "data-month": m.month, "data-kpi": k.id, "aria-label": fmt(L.value_of, { kpi: k.name, month: m.month }) }))),
      el("td", {}, el("button", { type: "button", class: "md-button", "data-remove": m.month, text: "×",
        "aria-label": fmt(L.remove_month, { month: m.month }) }))));
    $("kpi-table").replaceChildren(el("table", { class: "audit-table kpi-table" }, el("thead", {}, head), el("tbody", {}, ...rows)));
  };

  $("kpi-definitions").replaceChildren(el("dl", {}, ...DATA.kpis.flatMap((k) => [
    el("dt", { text: `${k.name} (${k.unit})` }),
    el("dd", { text: `${k.definition} ${L.better}: ${L[k.better]}.` })])));

  $("kpi-form").addEventListener("input", (event) => {
    const t = event.target;
    if (t.id === "kpi-code" || t.id === "kpi-name") current[t.name] = t.value.trim();
    else if (t.name === "kpi-baseline") current.months.forEach((m) => { m.baseline = m.month === t.value; });
    else if (t.dataset.kpi) current.months.find((m) => m.month === t.dataset.month).values[t.dataset.kpi] = t.value.trim();
    else return;
    save();
    if (t.id === "kpi-code" || t.id === "kpi-name") $("kpi-pick").selectedOptions[0].textContent = title(current);
  });
  $("kpi-pick").addEventListener("change", (event) => {
    current = sheets.find((s) => s.id === event.target.value) || current;
    draw();
  });
  $("kpi-table").addEventListener("click", (event) => {
    const gone = event.target.closest("[data-remove]");
    if (!gone) return;
    current.months = current.months.filter((m) => m.month !== gone.dataset.remove);
    save();
    draw();
  });

  const toCsv = (s) => S.toCsv([["enterprise_code", "month", "kpi", "value", "baseline"],
    ...s.months.flatMap((m) => DATA.kpis.filter((k) => (m.values[k.id] || "") !== "")
      .map((k) => [s.code, m.month, k.id, m.values[k.id], m.baseline ? "1" : ""]))]);

  const importFile = async (file) => {
    const { text } = await S.readFile(file);
    const read = S.cohort.read(text, CTX);
    const codes = [...new Set(read.records.map((r) => r.code))];
    const problems = read.problems.map(([line, key, values]) => S.cohort.message(L, { file: file.name, line, key, values }));
    if (read.kind !== null && read.kind !== "kpi") problems.unshift(`${file.name}, ${L.err_not_kpi}`);
    if (codes.length > 1) problems.push(`${file.name}: ${fmt(L.err_codes, { codes: codes.join(", ") })}`);
    if (problems.length) {
      $("kpi-problems").replaceChildren(el("p", { text: fmt(L.import_failed, { file: file.name }) }),
        el("ul", {}, ...problems.slice(0, 20).map((p) => el("li", { text: p }))));
      return;
    }
    const months = new Map();
    for (const r of read.records) {
      const m = months.get(r.month) || { month: r.month, baseline: false, values: {} };
      m.values[r.kpi] = String(r.value);
      m.baseline ||= r.baseline;
      months.set(r.month, m);
    }
    const code = codes[0] || "";
    current = sheets.find((s) => s.code && s.code === code) || blank();
    current.code = code;
    current.months = [...months.values()];
    $("kpi-problems").replaceChildren();
    save();
    draw();
    status(fmt(L.imported, { file: file.name }));
  };

  const actions = {
    new: () => { current = blank(); draw(); $("kpi-code").focus(); },
    export: () => S.download(`kpi-${S.slug(current.code || current.name, "usaha")}.csv`, toCsv(current)),
    import: () => $("kpi-import").click(),
    delete: () => {
      if (!window.confirm(fmt(L.delete_confirm, { name: title(current) }))) return;
      sheets = sheets.filter((s) => s !== current);
      current.changed = 0;
      try { if (!stored.locked) localStorage.setItem(STORE, JSON.stringify(sheets)); } catch { status(L.no_storage); }
      current = sheets[0] || blank();
      draw();
    },
    add: () => {
      const month = $("kpi-month").value;
      if (!/^\d{4}-\d{2}$/.test(month) || current.months.some((m) => m.month === month)) return;
      current.months.push({ month, baseline: !current.months.length, values: {} });
      save();
      draw();
    },
  };
  document.querySelector(".md-content").addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });
  $("kpi-import").addEventListener("change", (event) => {
    const [file] = event.target.files;
    event.target.value = "";
    if (file) importFile(file);
  });
  draw();
})();

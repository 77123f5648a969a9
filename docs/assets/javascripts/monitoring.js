/* The monitoring page (materi/program/pemantauan.html): opens many CSV files (picker or
   drag-and-drop), keeps them in IndexedDB, lists every problem, and draws the cohort's figures
   (cohort.js) with the audit page's charts (charts.js). Nothing leaves the device. */
(() => {
  "use strict";
  const source = document.getElementById("monitoring-data");
  if (!source) return;
  const DATA = JSON.parse(source.textContent);
  const L = DATA.labels, LANG = DATA.lang, G = DATA.geometry;
  const S = window.Score5R, { el, fmt, charts, cohort } = S;
  const $ = (id) => document.getElementById(id);
  const steps = DATA.steps.map((s) => ({ ...s, keys: s.criteria.map((c) => `${s.id}/${c.id}`) }));
  const CTX = {
    steps, criteria: steps.flatMap((s) => s.keys), keys: new Set(steps.flatMap((s) => s.keys)),
    top: Math.max(...DATA.scores), rules: DATA.rules,
    kpis: new Set(DATA.kpis.map((k) => k.id)), kpiList: DATA.kpis,
  };
  const TEXT = Object.fromEntries(steps.flatMap((s) => s.criteria.map((c, i) => [`${s.id}/${c.id}`, `${s.name} ${i + 1}. ${c.text}`])));
  const round = (v) => (v === null || v === undefined ? "—" : String(Math.round(v)));
  const signed = (v) => (v === null ? "—" : v >= 0.5 ? `+${round(v)}` : v <= -0.5 ? `−${round(-v)}` : "0");
  const DATE = new Intl.DateTimeFormat(LANG, { day: "numeric", month: "short", year: "numeric" });
  const showDate = (s) => DATE.format(new Date(`${s}T00:00`));
  const status = (text) => { $("monitoring-status").textContent = text; };
  let files = [], store = null;
  $("monitoring-as-of").value = S.today();

  const table = (head, rows, attrs = {}) => el("table", { class: "audit-table monitoring-table", ...attrs },
    el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows));
  /* a wide table scrolls sideways in a region the keyboard can reach */
  const scroll = (label, ...children) => el("div", { class: "monitoring-scroll", tabindex: 0, role: "region",
    "aria-label": label }, ...children);
  const td = (text, attrs = {}, ...children) => el("td", { text, ...attrs }, ...children);

  const cohortTable = (f) => {
    const target = fmt(L.target, { target: DATA.rules.target });
    const rows = f.rows.map((r) => el("tr", { "data-code": r.e.code },
      el("th", { scope: "row", text: r.e.code }), td(r.e.name, { class: "monitoring-text" }),
      td(r.e.district, { class: "monitoring-text" }), td(r.e.cohort, { class: "monitoring-text" }),
      td(String(r.series.length)), td(r.latest ? `${round(r.latest.percent)} %` : "—"),
      td(signed(r.change)),
      td(r.days === null ? L.no_audit : String(r.days), { class: r.overdue ? "monitoring-overdue" : null },
        r.overdue && r.days !== null ? el("span", { text: ` (${L.overdue})` }) : null),
      td(r.latest ? (r.met ? L.met : L.not_met) : "—")));
    const foot = el("tfoot", {}, el("tr", {}, el("th", { scope: "row", colspan: 5, text: L.median }),
      td(f.median === null ? "—" : `${round(f.median)} %`), td(""), td(""), td("")));
    const t = table([L.code, L.enterprise, L.district, L.cohort_col, L.audits, L.latest, L.change, L.days, target], rows, { id: "monitoring-cohort-table" });
    t.append(foot);
    const late = f.rows.filter((r) => r.overdue).map((r) => `${r.e.code} ${r.e.name}`);
    return [scroll(L.cohort, t),
      el("p", { id: "monitoring-overdue", text: late.length ? fmt(L.overdue_list, { names: late.join(", ") }) : L.none_overdue })];
  };

  const trends = (f) => [el("ul", { class: "monitoring-multiples" }, ...f.rows.map((r) => el("li", { "data-code": r.e.code },
    el("p", { class: "monitoring-multiple-name", text: `${r.e.code} ${r.e.name}` }),
    r.series.length ? charts.trend(G.small, r.series.map((v) => ({ value: v.percent, label: "", title: `${showDate(v.date)}: ${round(v.percent)} %` })),
      fmt(L.trend_of, { name: r.e.name, values: r.series.map((v) => `${showDate(v.date)} ${round(v.percent)} %`).join(", ") }), "monitoring-small")
      : el("p", { text: L.no_audit }))))];

  let chosen = null;
  const radar = (f) => {
    const audited = f.rows.filter((r) => r.latest);
    if (!audited.length) return [el("p", { text: L.no_data })];
    const r = audited.find((x) => x.e.code === chosen) || audited[0];
    chosen = r.e.code;
    const pct = (xs) => steps.map((s, i) => `${s.name} ${round(100 * xs[i])} %`).join(", ");
    return [el("p", {}, el("label", { for: "monitoring-pick", text: L.radar_pick }), " ",
      el("select", { id: "monitoring-pick" }, ...audited.map((x) => el("option",
        { value: x.e.code, selected: x === r ? "" : null, text: `${x.e.code} ${x.e.name}` })))),
    charts.radar(G.radar, steps.map((s) => s.name), [
      { class: "monitoring-median", values: f.medianSteps },
      { class: "audit-value", values: r.latest.steps }],
    fmt(L.radar_label, { name: r.e.name, values: pct(r.latest.steps), median: pct(f.medianSteps) })),
    el("p", { class: "monitoring-legend", text: L.legend_median })];
  };

  const weakest = (f) => [table([L.criterion, L.mean_score, L.low], f.weakest.map((c) => el("tr", { "data-key": c.key },
    el("th", { scope: "row", text: TEXT[c.key] }), td(c.mean.toFixed(1)), td(fmt(L.of, { n: c.low, all: f.rows.filter((r) => r.latest).length })))),
  { id: "monitoring-weakest-table" })];

  const kpis = (f) => [table([L.kpi, L.better, L.median_index, L.improving], f.kpis.map((k) => el("tr", { "data-kpi": k.kpi.id },
    el("th", { scope: "row", text: `${k.kpi.name} (${k.kpi.unit})` }), td(L[k.kpi.better]),
    td(round(k.median), { class: "monitoring-index" }, k.median === null ? null : charts.index(G.index, k.median, fmt(L.index_label, { value: round(k.median) }))),
    td(fmt(L.of, { n: k.improving, all: k.count })))), { id: "monitoring-kpi-table" })];

  const completeness = (f) => [scroll(L.completeness, table([L.code, ...f.grid],
    f.rows.map((r, i) => el("tr", {}, el("th", { scope: "row", text: r.e.code }),
      ...f.filled[i].map(([a, k]) => td([a ? "A" : "", k ? "K" : ""].join(" ").trim(), { class: a || k ? "monitoring-filled" : "monitoring-empty" })))),
    { id: "monitoring-grid" })), el("p", { text: L.completeness_key })];

  const actionRow = (a) => el("tr", { class: a.overdue ? "monitoring-overdue" : null },
    el("th", { scope: "row", text: a.code }), td(TEXT[a.key], { class: "monitoring-text" }),
    td(a.who, { class: "monitoring-text" }),
    td(a.by ? showDate(a.by) + (a.overdue ? ` (${L.overdue})` : "") : "—"), td(showDate(a.date)));
  const actions = (f) => [
    el("p", { text: fmt(L.actions_count, { open: f.actions.length, overdue: f.actions.filter((a) => a.overdue).length }) }),
    f.actions.length ? scroll(L.actions,
      table([L.code, L.criterion, L.who, L.by, L.recorded], f.actions.slice(0, DATA.rules.listed).map(actionRow),
        { id: "monitoring-actions-table" })) : null,
    f.actions.length > DATA.rules.listed ? el("p", { text: fmt(L.actions_more, { n: f.actions.length - DATA.rules.listed }) }) : null];

  let model = null, shown = null;
  const render = () => {
    const asOf = S.isDate($("monitoring-as-of").value) ? $("monitoring-as-of").value : S.today();
    const box = $("monitoring-problems");
    const listed = model.problems.slice(0, 200).map((p) => el("li", { text: cohort.message(L, p) }));
    box.replaceChildren(...(model.problems.length ? [el("p", { text: fmt(L.problems, { n: model.problems.length }) }), el("ul", {}, ...listed)] : []));
    const parts = { cohort: cohortTable, trends, radar, weakest, kpis, completeness, actions };
    if (!model.enterprises.size) {
      for (const id of Object.keys(parts)) $(`monitoring-${id}`).replaceChildren(el("p", { text: L.no_data }));
      return;
    }
    shown = cohort.figures(model, asOf, CTX);
    for (const [id, draw] of Object.entries(parts)) $(`monitoring-${id}`).replaceChildren(...draw(shown).filter(Boolean));
  };
  const refresh = () => {
    model = cohort.combine(files, CTX);
    const c = model.counts;
    status([fmt(L.kept, { files: files.length, roster: c.roster, audits: c.audit, kpis: c.kpi }), store && !store.kept ? L.not_kept : ""].join(" ").trim());
    render();
  };

  const hash = (text) => {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36);
  };
  const add = async (list) => {
    const bar = $("monitoring-progress"), fresh = [];
    bar.hidden = false;
    status(fmt(L.reading, { n: list.length }));
    const all = [...list];
    for (let i = 0; i < all.length; i += 100) {  /* 100 files read at a time, then the bar moves */
      const read = await Promise.all(all.slice(i, i + 100).map(S.readFile));
      read.forEach(({ text }, j) => fresh.push({ id: `${all[i + j].name}|${hash(text)}`, name: all[i + j].name, text }));
      bar.value = Math.round((100 * fresh.length) / all.length);
    }
    try { await store.put(fresh); } catch { store.kept = false; }
    const ids = new Set(fresh.map((f) => f.id));
    files = files.filter((f) => !ids.has(f.id)).concat(fresh).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    bar.hidden = true;
    refresh();
  };

  const merged = () => {
    const head = ["code", "name", "district", "sector", "size", "cohort", "start_date", "audits", "last_audit",
      "last_percent", "change_points", "days_since_audit", "overdue", "target_met", ...DATA.kpis.map((k) => `kpi_${k.id}_latest_index`)];
    const rows = shown.rows.map((r) => {
      const own = (id) => model.kpis.filter((v) => v.code === r.e.code && v.kpi === id).sort((a, b) => a.month.localeCompare(b.month));
      const index = (id) => {
        const v = own(id), base = v.find((x) => x.baseline) || v[0], last = v[v.length - 1];
        return base && last.month > base.month && base.value ? round((100 * last.value) / base.value) : "";
      };
      return [r.e.code, r.e.name, r.e.district, r.e.sector, r.e.size, r.e.cohort, r.e.start, r.series.length,
        r.latest ? r.latest.date : "", r.latest ? round(r.latest.percent) : "", r.change === null ? "" : round(r.change),
        r.days ?? "", r.overdue ? "1" : "0", r.met ? "1" : "0", ...DATA.kpis.map((k) => index(k.id))];
    });
    S.download(`pemantauan-${$("monitoring-as-of").value || S.today()}.csv`, S.toCsv([head, ...rows]));
  };

  const actionsBar = {
    open: () => $("monitoring-files").click(),
    export: () => shown && merged(),
    delete: async () => {
      if (!window.confirm(L.delete_confirm)) return;
      try { await store.clear(); } catch { /* in memory only */ }
      files = [];
      refresh();
      status(L.deleted);
    },
    print: () => window.print(),
  };
  document.querySelector(".monitoring-toolbar").addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (button) actionsBar[button.dataset.action]();
  });
  $("monitoring-files").addEventListener("change", (event) => {
    const list = [...event.target.files];
    event.target.value = "";
    if (list.length) add(list);
  });
  const zone = $("monitoring-drop");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("monitoring-dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("monitoring-dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("monitoring-dragging");
    if (event.dataTransfer.files.length) add(event.dataTransfer.files);
  });
  $("monitoring-as-of").addEventListener("change", () => model && render());
  document.addEventListener("change", (event) => {
    if (event.target.id === "monitoring-pick") { chosen = event.target.value; render(); $("monitoring-pick").focus(); }
  });

  (async () => {
    store = await S.openStore("score5r-monitoring");
    try { files = (await store.all()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)); } catch { files = []; }
    refresh();
  })();
})();

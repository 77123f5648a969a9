/* The monitoring page's reading and figures, apart from drawing: which kind each CSV file is,
   every row checked (file, line, what is wrong), enterprises joined by code, and the cohort's
   figures by the rules written on the page (the printed report, scoresite/data/cohort.py,
   follows the same rules). Pure functions on window.Score5R.cohort. */
(() => {
  "use strict";
  const { fmt, isoDate, parseCsv, uncell, days } = window.Score5R;
  const HEADERS = {
    roster: "code,name,district,sector,size,cohort,start_date",
    audit: "enterprise_code,enterprise,area,auditor,date,step,criterion,score,note,action_who,action_by",
    kpi: "enterprise_code,month,kpi,value,baseline",
  };
  const kindOf = (cells) => {
    const names = cells.map((v) => v.trim().toLowerCase()).join(",");
    return Object.keys(HEADERS).find((k) => HEADERS[k] === names) || null;
  };
  const isMonth = (s) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(s) ? s
    : (/^(\d{1,2})\/(\d{4})$/.exec(s) || []).slice(1).reverse().map((v) => v.padStart(2, "0")).join("-") || null);
  const number = (s) => {
    const t = s.trim().replace(/\s/g, "");
    const v = /^-?\d+(,\d+)?$/.test(t) ? Number(t.replace(",", ".")) : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
    return Number.isFinite(v) ? v : null;
  };

  /* one file's text: {kind, records, problems}; problems are [line, key, values] */
  const read = (text, ctx) => {
    const problems = [], say = (line, key, values = {}) => { problems.push([line, key, values]); };
    const { rows, quote } = parseCsv(text);
    if (quote) return { kind: null, records: [], problems: [[quote, "err_quote", {}]] };
    if (!rows.length) return { kind: null, records: [], problems: [[1, "err_empty", {}]] };
    const form = kindOf(rows[0].cells) ? null : formColumns(rows[0].cells, ctx);
    const kind = form ? form.kind : kindOf(rows[0].cells);
    if (!kind) return { kind, records: [], problems: [[1, "err_kind", { roster: HEADERS.roster, audit: HEADERS.audit, kpi: HEADERS.kpi }]] };
    const width = rows[0].cells.length;
    const body = [];
    for (const { line, cells } of rows.slice(1)) {
      if (cells.length !== width) say(line, "err_columns", { count: cells.length, expected: width });
      else body.push({ line, cells: cells.map((c) => uncell(c.trim())) });
    }
    const records = form ? readForm(form, body, say) : READERS[kind](body, say, ctx);
    return { kind, records, problems };
  };

  /* An XLSForm's CSV export (KoboToolbox, ODK Central): one row a submission, one column a
     question, named by the question's name after its group's ("ringkas/c1", "ringkas-c1").
     Read by name into the records our own files give (data/fieldcsv.py does the same). */
  const FORM_ABOUT = { audit: ["enterprise", "area", "date"], kpi: ["enterprise", "month"] };
  const formColumns = (header, ctx) => {
    const stepOf = new Map([...ctx.keys].map((k) => [k.split("/")[1], k]));
    const about = {}, answers = { audit: {}, kpi: {} };
    header.forEach((cell, i) => {
      const name = cell.trim().toLowerCase().split("/").pop();
      if (["enterprise", "area", "date", "month"].includes(name)) { if (!(name in about)) about[name] = i; return; }
      if (ctx.kpis.has(name)) { answers.kpi[name] = i; return; }
      const criterion = [...stepOf.keys()].filter((c) => name === c || name.endsWith(`-${c}`))
        .sort((a, b) => b.length - a.length)[0];
      if (criterion) answers.audit[stepOf.get(criterion)] = i;
    });
    const kind = Object.keys(FORM_ABOUT).find((k) =>
      Object.keys(answers[k]).length && FORM_ABOUT[k].every((n) => n in about));
    return kind ? { kind, about, answers: answers[kind] } : null;
  };
  const readForm = ({ kind, about, answers }, body, say) => body.flatMap(({ line, cells }) => {
    const code = cells[about.enterprise];
    if (!code) return say(line, "err_required", { column: "enterprise" }) || [];
    if (kind === "kpi") {
      const raw = cells[about.month], when = isoDate(raw) || isMonth(raw);
      if (!when) return say(line, "err_month", { value: raw }) || [];
      return Object.entries(answers).flatMap(([kpi, i]) => {
        const value = cells[i];
        if (!value) return [];
        if (number(value) === null) return say(line, "err_number", { value }) || [];
        return [{ line, code, month: when.slice(0, 7), kpi, value: number(value), baseline: false }];
      });
    }
    const date = isoDate(cells[about.date]);
    if (!date) return say(line, "err_date", { value: cells[about.date] }) || [];
    const audit = { line, code, area: cells[about.area], date, scores: {}, actions: [] };
    for (const [key, i] of Object.entries(answers)) {
      if (!/^[0-4]?$/.test(cells[i])) say(line, "err_score", { value: cells[i] });
      else if (cells[i]) audit.scores[key] = Number(cells[i]);
    }
    return [audit];
  });

  const readRoster = (body, say) => body.flatMap(({ line, cells }) => {
    const [code, name, district, sector, size, cohort, start] = cells;
    if (!code) return say(line, "err_required", { column: "code" }) || [];
    if (!name) return say(line, "err_required", { column: "name" }) || [];
    if (start && !isoDate(start)) return say(line, "err_date", { value: start }) || [];
    return [{ line, code, name, district, sector, size, cohort, start: start ? isoDate(start) : "" }];
  });

  /* an audit file is one audit: about-columns as on line 2; bad rows left out */
  const readAudit = (body, say, ctx) => {
    if (!body.length) return [];
    const first = body[0].cells.slice(0, 5);
    const [code, , area, , date] = first;
    if (!code) return say(body[0].line, "err_required", { column: "enterprise_code" }) || [];
    if (!isoDate(date)) return say(body[0].line, "err_date", { value: date }) || [];
    const audit = { line: body[0].line, code, area, date: isoDate(date), scores: {}, actions: [] };
    for (const { line, cells } of body) {
      const [, , , , , step, id, score, , who, by] = cells;
      const key = `${step}/${id}`;
      const differs = ["enterprise_code", "enterprise", "area", "auditor", "date"].find((c, i) => cells[i] !== first[i]);
      if (differs) say(line, "err_differs", { column: differs });
      else if (!ctx.keys.has(key)) say(line, "err_criterion", { value: key });
      else if (!/^[0-4]?$/.test(score)) say(line, "err_score", { value: score });
      else if (by && !isoDate(by)) say(line, "err_date", { value: by });
      else {
        if (score) audit.scores[key] = Number(score);
        if (who || by) audit.actions.push({ key, who, by: by ? isoDate(by) : "" });
      }
    }
    return [audit];
  };

  const readKpis = (body, say, ctx) => body.flatMap(({ line, cells }) => {
    const [code, month, kpi, value, baseline] = cells;
    if (!code) return say(line, "err_required", { column: "enterprise_code" }) || [];
    if (!isMonth(month)) return say(line, "err_month", { value: month }) || [];
    if (!ctx.kpis.has(kpi)) return say(line, "err_kpi", { value: kpi, known: [...ctx.kpis].join(", ") }) || [];
    if (number(value) === null) return say(line, "err_number", { value }) || [];
    if (!["", "1"].includes(baseline)) return say(line, "err_baseline", { value: baseline }) || [];
    return [{ line, code, month: isMonth(month), kpi, value: number(value), baseline: baseline === "1" }];
  });
  const READERS = { roster: readRoster, audit: readAudit, kpi: readKpis };

  /* all files: {enterprises, audits, kpis, problems: [{file, line, key, values}]} */
  const combine = (files, ctx) => {
    const model = { enterprises: new Map(), audits: [], kpis: [], problems: [], counts: { roster: 0, audit: 0, kpi: 0 } };
    const parsed = files.map((f) => ({ file: f.name, ...read(f.text, ctx) }));
    const say = (file, line, key, values = {}) => model.problems.push({ file, line, key, values });
    for (const p of parsed) {
      p.problems.forEach(([line, key, values]) => say(p.file, line, key, values));
      if (p.kind) model.counts[p.kind]++;
    }
    const where = new Map();
    for (const p of parsed.filter((x) => x.kind === "roster")) {
      for (const e of p.records) {
        if (model.enterprises.has(e.code)) say(p.file, e.line, "err_code_twice", { value: e.code, first: where.get(e.code) });
        else { model.enterprises.set(e.code, e); where.set(e.code, `${p.file}:${e.line}`); }
      }
    }
    const seen = new Map();
    for (const p of parsed.filter((x) => x.kind === "audit" || x.kind === "kpi")) {
      for (const r of p.records) {
        if (!model.enterprises.has(r.code)) { say(p.file, r.line, "err_code_unknown", { value: r.code }); continue; }
        if (p.kind === "audit") { model.audits.push({ file: p.file, ...r }); continue; }
        const id = `${r.code}|${r.kpi}|${r.month}`;
        if (seen.has(id)) say(p.file, r.line, "err_kpi_twice", { kpi: r.kpi, code: r.code, month: r.month, first: seen.get(id) });
        else { seen.set(id, `${p.file}:${r.line}`); model.kpis.push(r); }
      }
    }
    model.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return model;
  };

  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const median = (xs) => {
    if (!xs.length) return null;
    const s = xs.slice().sort((a, b) => a - b), m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };

  /* an enterprise's audits by date, areas of one date averaged */
  const visits = (audits, ctx) => {
    const byDate = new Map();
    for (const a of audits) byDate.set(a.date, [...(byDate.get(a.date) || []), a]);
    return [...byDate.keys()].sort().map((date) => {
      const files = byDate.get(date);
      const score = (a, key) => a.scores[key] ?? 0;
      const scores = Object.fromEntries(ctx.criteria.map((k) => [k, mean(files.map((a) => score(a, k)))]));
      const steps = ctx.steps.map((s) => mean(files.map((a) => s.keys.reduce((t, k) => t + score(a, k), 0))) / (ctx.top * s.keys.length));
      const percent = (100 * ctx.criteria.reduce((t, k) => t + scores[k], 0)) / (ctx.top * ctx.criteria.length);
      return { date, percent, steps, scores };
    });
  };

  /* values: KPI values by enterprise code, in month order */
  const kpiFigures = (values, asOf, ctx) => ctx.kpiList.map((kpi) => {
    const last = asOf.slice(0, 7), results = [];
    for (const own of values.values()) {
      const series = own.filter((v) => v.kpi === kpi.id && v.month <= last);
      const base = series.find((v) => v.baseline) || series[0];
      const latest = series[series.length - 1];
      if (!base || latest.month <= base.month) continue;
      results.push({ index: base.value ? (100 * latest.value) / base.value : null,
        improving: kpi.better === "up" ? latest.value > base.value : latest.value < base.value });
    }
    const indices = results.map((r) => r.index).filter((v) => v !== null);
    return { kpi, count: results.length, improving: results.filter((r) => r.improving).length, median: median(indices) };
  });

  const months = (from, to) => {
    const out = [];
    let [y, m] = from.split("-").map(Number);
    const [ty, tm] = to.split("-").map(Number);
    while (y < ty || (y === ty && m <= tm)) { out.push(`${y}-${String(m).padStart(2, "0")}`); m++; if (m > 12) { m = 1; y++; } }
    return out.slice(-12);
  };

  const byCode = (model, items) => {
    const found = new Map([...model.enterprises.keys()].map((code) => [code, []]));
    for (const x of items) found.get(x.code).push(x);
    return found;
  };
  const figures = (model, asOf, ctx) => {
    const audits = byCode(model, model.audits.filter((a) => a.date <= asOf));
    const values = byCode(model, model.kpis.slice().sort((a, b) => a.month.localeCompare(b.month)));
    const rows = [...model.enterprises.values()].sort((a, b) => a.code.localeCompare(b.code)).map((e) => {
      const own = audits.get(e.code);
      const series = visits(own, ctx);
      const first = series[0], latest = series[series.length - 1];
      const since = latest ? days(latest.date, asOf) : null;
      return { e, own, series, latest, change: latest && series.length > 1 ? latest.percent - first.percent : null,
        days: since, overdue: since === null || since > ctx.rules.every, met: latest ? latest.percent >= ctx.rules.target : false };
    });
    const audited = rows.filter((r) => r.latest);
    const weakest = ctx.criteria.map((key, order) => {
      const scores = audited.map((r) => r.latest.scores[key]);
      return { key, order, mean: scores.length ? mean(scores) : null, low: scores.filter((s) => s <= 1).length };
    }).filter((c) => c.mean !== null).sort((a, b) => a.mean - b.mean || a.order - b.order).slice(0, 5);
    /* per enterprise, area and criterion the action recorded last; open until scored higher */
    const latestActions = (r) => {
      const last = new Map();
      for (const a of r.own.slice().sort((x, y) => x.date.localeCompare(y.date))) {
        for (const x of a.actions) last.set(`${a.area}|${x.key}`, { x, a });
      }
      return [...last.values()];
    };
    const actions = rows.flatMap((r) => latestActions(r).map(({ x, a }) => {
      const at = a.scores[x.key] ?? 0;
      const closed = r.series.some((v) => v.date > a.date && v.scores[x.key] > at);
      return closed ? null : { ...x, code: r.e.code, date: a.date, overdue: Boolean(x.by) && x.by < asOf };
    })).filter(Boolean)
      .sort((a, b) => b.overdue - a.overdue || (a.by || "9999").localeCompare(b.by || "9999") || a.code.localeCompare(b.code));
    const starts = [...model.enterprises.values()].map((e) => e.start).filter(Boolean)
      .concat(rows.flatMap((r) => r.own.map((a) => a.date)), model.kpis.map((v) => v.month)).map((d) => d.slice(0, 7)).sort();
    const grid = months(starts[0] || asOf.slice(0, 7), asOf.slice(0, 7));
    const filled = rows.map((r) => {
      const audited = new Set(r.own.map((a) => a.date.slice(0, 7)));
      const measured = new Set(values.get(r.e.code).map((v) => v.month));
      return grid.map((m) => [audited.has(m), measured.has(m)]);
    });
    return {
      rows, weakest, actions, grid, filled,
      median: median(audited.map((r) => r.latest.percent)),
      medianSteps: ctx.steps.map((_, i) => median(audited.map((r) => r.latest.steps[i])) ?? 0),
      kpis: kpiFigures(values, asOf, ctx),
    };
  };

  const message = (L, p) => `${fmt(L.at, { file: p.file, line: p.line })}: ${fmt(L[p.key], p.values)}`;

  window.Score5R.cohort = { HEADERS, kindOf, formColumns, read, combine, figures, median, message };
})();

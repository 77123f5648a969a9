/* What the audit, KPI and monitoring pages share: building elements, reading CSV files
   (UTF-8 or Windows-1252, `,` or `;`, day/month/year dates; PapaParse does the splitting),
   writing CSV that spreadsheets read as text, and keeping data in the browser without ever
   overwriting what cannot be read. A plain script: window.Score5R, no modules (file://). */
(() => {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";

  const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const el = (name, attrs = {}, ...children) => {
    const node = name.startsWith("svg:")
      ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v;
      else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  };
  const pad = (n) => String(n).padStart(2, "0");
  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s))
    && new Date(`${s}T00:00Z`).toISOString().startsWith(s);
  /* 2026-11-30, or 30/11/2026 and 30-11-2026 as Excel writes them with Indonesian settings */
  const isoDate = (text) => {
    const s = text.trim();
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    const iso = dmy ? `${dmy[3]}-${pad(dmy[2])}-${pad(dmy[1])}` : s;
    return isDate(iso) ? iso : null;
  };
  const days = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 864e5);
  const later = () => new Promise((resolve) => setTimeout(resolve, 0));

  /* Bytes to text: a BOM decides; otherwise UTF-8 when it decodes, else Windows-1252
     (what Excel calls "CSV" on a Windows set to Indonesian or English). */
  const decode = (buffer) => {
    const bytes = new Uint8Array(buffer);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16" };
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, ""), encoding: "UTF-8" };
    } catch {
      return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
    }
  };
  const readFile = async (file) => decode(await file.arrayBuffer());

  /* Rows with their first line number; blank rows dropped. The separator is the one the
     header line uses more of. Returns {rows} or {quote: line} for an unclosed quote. */
  const parseCsv = (text) => {
    const first = text.split(/\r?\n/, 1)[0];
    const delimiter = first.split(";").length > first.split(",").length ? ";" : ",";
    const parsed = window.Papa.parse(text, { delimiter, newline: "" });
    const rows = [];
    let line = 1;
    for (const cells of parsed.data) {
      rows.push({ line, cells });
      line += 1 + cells.reduce((n, c) => n + (c.match(/\n/g) || []).length, 0);
    }
    const quote = parsed.errors.find((e) => e.type === "Quotes");
    if (quote) return { quote: rows[quote.row] ? rows[quote.row].line : line };
    return { rows: rows.filter((r) => r.cells.some((v) => v.trim())) };
  };

  /* A text cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading '
     (shown as text, not printed); reading strips it again. Numbers stay numbers. */
  const FORMULA = /^[=+\-@\t\r]/;
  const NUMBER = /^[-+]?\d+([.,]\d+)?$/;
  const cell = (value) => {
    let v = String(value ?? "");
    if (FORMULA.test(v) && !NUMBER.test(v)) v = `'${v}`;
    return /[",;\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const uncell = (v) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
  const toCsv = (rows) => rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  const download = (name, text) => {
    const blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const slug = (text, fallback) => (text || "").toLowerCase().normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback;

  /* localStorage: a list under `key`. What cannot be read as a list is copied aside under
     `key.unreadable` (once; an older copy is never overwritten) and reported; the page
     then starts empty. When it cannot be kept aside, the page must not save (`locked`). */
  const readList = (key, isItem) => {
    let text = null;
    try { text = localStorage.getItem(key); } catch { return { list: [], problem: "no_storage" }; }
    if (text === null) return { list: [] };
    let value, problem = null;
    try { value = JSON.parse(text); } catch { problem = "stored_unreadable"; }
    if (!problem && !Array.isArray(value)) problem = "stored_not_list";
    if (!problem && !value.every(isItem)) problem = "stored_bad_items";
    if (!problem) return { list: value };
    const aside = `${key}.unreadable`;
    try {
      if (localStorage.getItem(aside) === null) localStorage.setItem(aside, text);
      else if (localStorage.getItem(aside) !== text) return { list: [], problem, aside, locked: true };
      return { list: problem === "stored_bad_items" ? value.filter(isItem) : [], problem, aside };
    } catch {
      return { list: [], problem, aside, locked: true };
    }
  };

  /* IndexedDB: one object store of records with an `id`; in memory when the browser
     refuses it (some do for file:// pages or in private windows): `kept` says which. */
  const openStore = (name) => new Promise((resolve) => {
    const memory = new Map();
    const inMemory = {
      kept: false,
      all: async () => [...memory.values()],
      put: async (items) => { for (const item of items) memory.set(item.id, item); },
      clear: async () => memory.clear(),
    };
    let request;
    try { request = indexedDB.open(name, 1); } catch { resolve(inMemory); return; }
    request.onupgradeneeded = () => request.result.createObjectStore("files", { keyPath: "id" });
    request.onerror = () => resolve(inMemory);
    request.onblocked = () => resolve(inMemory);
    request.onsuccess = () => {
      const db = request.result;
      const run = (mode, work) => new Promise((done, fail) => {
        const tx = db.transaction("files", mode);
        const result = work(tx.objectStore("files"));
        tx.oncomplete = () => done(result.result);
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      });
      resolve({
        kept: true,
        all: () => run("readonly", (s) => s.getAll()),
        put: (items) => run("readwrite", (s) => { items.forEach((item) => s.put(item)); return {}; }),
        clear: () => run("readwrite", (s) => s.clear()),
      });
    };
  });

  window.Score5R = Object.assign(window.Score5R || {}, {
    fmt, el, today, isDate, isoDate, days, later, decode, readFile, parseCsv, cell, uncell,
    toCsv, download, slug, readList, openStore,
  });
})();

/* The charts of the audit and monitoring pages, drawn as inline SVG: a radar of the five
   steps, a trend of audit percentages, a bar of an index against 100. Sizes come from the
   geometry the page embeds (scoresite/data/charts.py), the same the printed report uses. */
(() => {
  "use strict";
  const { el } = window.Score5R;
  const f1 = (v) => v.toFixed(1);

  /* axes: names round the circle; series: [{values: fractions 0..1, class}] */
  const radar = (g, axes, series, label) => {
    const n = axes.length, c = g.centre, r = g.radius;
    const at = (i, f) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [c + r * f * Math.cos(a), c + r * f * Math.sin(a)];
    };
    const ring = (fs) => fs.map((f, i) => at(i, f).map(f1).join(",")).join(" ");
    return el("svg:svg", { viewBox: `0 0 ${g.size} ${g.size}`, class: "audit-radar", role: "img", "aria-label": label },
      ...g.rings.map((f) => el("svg:polygon", { class: "audit-grid", points: ring(axes.map(() => f)) })),
      ...axes.map((_, i) => {
        const [x, y] = at(i, 1).map(f1);
        return el("svg:line", { class: "audit-axis", x1: c, y1: c, x2: x, y2: y });
      }),
      ...series.map((s) => el("svg:polygon", { class: s.class, points: ring(s.values) })),
      ...axes.map((name, i) => {
        const [x, y] = at(i, g.label_at);
        const anchor = Math.abs(x - c) < 5 ? "middle" : x < c ? "end" : "start";
        return el("svg:text", { x: f1(x), y: f1(y + 4), "text-anchor": anchor, text: name });
      }));
  };

  /* points: [{value: percent, label: shown under the axis, title}] in date order */
  const trend = (g, points, label, extra = "") => {
    const y = (p) => g.base - g.scale * p;
    const x = (i) => (points.length === 1 ? (g.x0 + g.x1) / 2
      : g.x0 + ((g.x1 - g.x0) * i) / (points.length - 1));
    const at = points.map((p, i) => [f1(x(i)), f1(y(p.value))]);
    const labelled = points.length <= g.labels ? points.map((_, i) => i) : [0, points.length - 1];
    return el("svg:svg", { viewBox: `0 0 ${g.width} ${g.height}`, class: `audit-trend-chart ${extra}`.trim(),
      role: "img", "aria-label": label },
    ...g.grid.flatMap((p) => [
      el("svg:line", { class: "audit-grid", x1: g.x0, x2: g.x1, y1: y(p), y2: y(p) }),
      el("svg:text", { x: g.x0 - 6, y: y(p) + 4, "text-anchor": "end", text: `${p} %` })]),
    el("svg:polyline", { class: "audit-value", points: at.map((p) => p.join(",")).join(" ") }),
    ...points.map((p, i) => el("svg:circle", { class: "audit-point", cx: at[i][0], cy: at[i][1], r: g.point },
      el("svg:title", { text: p.title }))),
    ...labelled.map((i) => el("svg:text", { x: at[i][0], y: g.label_y, text: points[i].label,
      "text-anchor": points.length === 1 ? "middle" : i === 0 ? "start" : i === points.length - 1 ? "end" : "middle" })));
  };

  /* one horizontal bar of an index (baseline = 100), with the 100 line marked */
  const index = (g, value, label) => {
    const x = (v) => f1(g.x0 + ((g.x1 - g.x0) * Math.min(Math.max(v, 0), g.top)) / g.top);
    return el("svg:svg", { viewBox: `0 0 ${g.width} ${g.height}`, class: "monitor-index", role: "img", "aria-label": label },
      el("svg:rect", { class: "audit-value", x: g.x0, y: g.bar_y, width: f1(x(value) - g.x0), height: g.bar_h }),
      el("svg:line", { class: "audit-axis", x1: x(100), x2: x(100), y1: 0, y2: g.height }));
  };

  window.Score5R.charts = { radar, trend, index };
})();

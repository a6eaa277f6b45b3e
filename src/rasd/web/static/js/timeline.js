// The timeline: events per day stacked by sub-event type, drawn as SVG.
// Dragging (or clicking) over days selects a date range that filters the map.

import { colour } from "./colours.js";
import { label } from "./i18n.js";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs = {}) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const parse = (d) => Date.parse(d + "T00:00:00Z");

// per day: Map(sub type -> count); points without a date are left out
export function countByDay(points) {
  const days = new Map();
  for (const p of points) {
    if (!p.date) continue;
    const row = days.get(p.date) ?? new Map();
    row.set(p.sub, (row.get(p.sub) ?? 0) + 1);
    days.set(p.date, row);
  }
  return days;
}

export function drawTimeline(el, points, selection, onSelect) {
  el.replaceChildren();
  const days = countByDay(points);
  if (!days.size) return;
  const keys = [...days.keys()].sort();
  const first = parse(keys[0]);
  const last = parse(keys[keys.length - 1]);
  const n = Math.round((last - first) / DAY) + 1;
  const width = Math.max(el.clientWidth || 600, 200);
  const height = 110;
  const pad = { top: 8, bottom: 20, side: 6 };
  const bw = (width - 2 * pad.side) / n;
  let max = 1;
  for (const row of days.values()) {
    let s = 0;
    for (const c of row.values()) s += c;
    max = Math.max(max, s);
  }
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  root.style.direction = "ltr";
  const plotH = height - pad.top - pad.bottom;
  const x = (i) => pad.side + i * bw;
  // selection band
  const band = svg("rect", { class: "tl-band", y: 0, height: height - pad.bottom, x: 0, width: 0 });
  root.append(band);
  const showBand = (a, b) => {
    if (a === null) { band.setAttribute("width", 0); return; }
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    band.setAttribute("x", x(lo));
    band.setAttribute("width", (hi - lo + 1) * bw);
  };
  if (selection && selection.from && selection.to) {
    showBand(Math.round((parse(selection.from) - first) / DAY), Math.round((parse(selection.to) - first) / DAY));
  }
  for (let i = 0; i < n; i++) {
    const day = iso(first + i * DAY);
    const row = days.get(day);
    if (!row) continue;
    let y = height - pad.bottom;
    for (const [sub, c] of [...row.entries()].sort()) {
      const hgt = (c / max) * plotH;
      y -= hgt;
      const r = svg("rect", {
        class: "tl-bar", x: x(i) + Math.min(1, bw * 0.1), y, width: Math.max(bw - Math.min(2, bw * 0.2), 1),
        height: hgt, fill: colour(sub), "data-day": day,
      });
      const title = svg("title");
      title.textContent = `${day} · ${label(sub)}: ${c}`;
      r.append(title);
      root.append(r);
    }
  }
  // axis labels: first, last and a few between
  const ticks = Math.min(n, Math.max(2, Math.floor(width / 90)));
  for (let k = 0; k < ticks; k++) {
    const i = ticks === 1 ? 0 : Math.round((k * (n - 1)) / (ticks - 1));
    const tx = svg("text", { x: x(i) + bw / 2, y: height - 5, class: "tl-tick", "text-anchor": "middle" });
    tx.textContent = iso(first + i * DAY).slice(5);
    root.append(tx);
  }
  // drag to select
  let start = null;
  const dayAt = (ev) => {
    const rect = root.getBoundingClientRect();
    const px = ((ev.clientX - rect.left) / rect.width) * width;
    return Math.min(n - 1, Math.max(0, Math.floor((px - pad.side) / bw)));
  };
  root.addEventListener("pointerdown", (ev) => {
    start = dayAt(ev);
    root.setPointerCapture(ev.pointerId);
    showBand(start, start);
  });
  root.addEventListener("pointermove", (ev) => { if (start !== null) showBand(start, dayAt(ev)); });
  root.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = dayAt(ev);
    const [lo, hi] = start <= end ? [start, end] : [end, start];
    start = null;
    onSelect({ from: iso(first + lo * DAY), to: iso(first + hi * DAY) });
  });
  el.append(root);
}

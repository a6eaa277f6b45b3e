// The app shell: hash routes (#/ map, #/event/ID, #/article/ID, #/search),
// filters kept in the URL, the signed-in user, the language toggle and the
// service worker.

import { get, post, setCsrf } from "./api.js";
import { colour } from "./colours.js";
import { clear, h, toast } from "./dom.js";
import { applyStatic, CLAIMS, getLang, label, setLang, SUB_TYPES, t } from "./i18n.js";
import { initMap, invalidate, setPoints } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { showArticle, showEvent, showSearch } from "./views.js";

const FILTERS = ["from", "to", "country", "sub_type", "actor", "claim", "text"];
const PAGE = 50;
const session = { user: null, role: null };
const state = { filters: {}, offset: 0, ctxKey: null, ctxPoints: [], countries: [], mapReady: null };
const $ = (id) => document.getElementById(id);

function route() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, qs] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(qs || "") };
}

function show(id) {
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== id;
}

async function render() {
  const { parts, params } = route();
  if (parts[0] === "event" && parts[1]) {
    show("view-event");
    await showEvent($("view-event"), parts[1], session);
  } else if (parts[0] === "article" && parts[1]) {
    show("view-article");
    await showArticle($("view-article"), parts[1]);
  } else if (parts[0] === "search") {
    show("view-search");
    const q = params.get("q") || "";
    $("search-form").q.value = q;
    await showSearch($("search-results"), q);
  } else {
    show("view-map");
    state.filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || ""]));
    state.offset = Number.parseInt(params.get("offset") || "0", 10) || 0;
    await mapView();
  }
  window.scrollTo(0, 0);
}

// --- the map view ---------------------------------------------------------------

function fillFilterForm() {
  const form = $("filters");
  const opts = (values, current) => [h("option", { value: "" }, t("all")),
    ...values.map((v) => h("option", { value: v, selected: v === current }, label(v)))];
  const subs = [...new Set([...SUB_TYPES, ...state.ctxPoints.map((p) => p.sub).filter(Boolean)])];
  clear(form.sub_type, opts(subs, state.filters.sub_type));
  clear(form.claim, opts(CLAIMS, state.filters.claim));
  const countries = [...new Set([...state.countries, state.filters.country].filter(Boolean))].sort();
  clear(form.country, opts(countries, state.filters.country));
  for (const k of ["from", "to", "actor", "text"]) form[k].value = state.filters[k] || "";
  const q = new URLSearchParams({ format: "csv" });
  for (const [k, v] of Object.entries(state.filters)) if (v) q.set(k, v);
  $("export").setAttribute("href", "/api/export?" + q.toString());
}

function setFilters(next, offset = 0) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (next[k]) q.set(k, next[k]);
  if (offset) q.set("offset", String(offset));
  const hash = "#/" + (q.toString() ? "?" + q.toString() : "");
  if (location.hash === hash) render(); else location.hash = hash;
}

function inRange(p, f) {
  if (!f.from && !f.to) return true;
  if (!p.date) return false;
  return (!f.from || p.date >= f.from) && (!f.to || p.date <= f.to);
}

function drawLegend(points) {
  const counts = new Map();
  for (const p of points) counts.set(p.sub, (counts.get(p.sub) || 0) + 1);
  clear($("legend"), [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([sub, n]) =>
    h("div", { class: "legend-row" }, h("span", { class: "swatch", style: `background:${colour(sub)}` }), `${label(sub)} (${n})`)));
}

async function mapView() {
  if (!state.mapReady) state.mapReady = initMap($("map"));
  await state.mapReady;
  invalidate();
  const f = state.filters;
  const ctx = { ...f, from: "", to: "" };
  const key = JSON.stringify(ctx);
  try {
    if (!state.countries.length) {
      const all = await get("/api/points", { limit: 20000 });
      state.countries = [...new Set(all.points.map((p) => p.country).filter(Boolean))];
    }
    if (state.ctxKey !== key) {
      const body = await get("/api/points", { ...ctx, limit: 20000 });
      state.ctxPoints = body.points;
      state.ctxKey = key;
    }
  } catch (err) {
    toast(`${t("error")}: ${err.message}`, "bad");
  }
  fillFilterForm();
  const visible = state.ctxPoints.filter((p) => inRange(p, f));
  setPoints(visible, (id) => { location.hash = "#/event/" + encodeURIComponent(id); });
  drawLegend(visible);
  drawTimeline($("timeline"), state.ctxPoints, { from: f.from, to: f.to }, (sel) => setFilters({ ...state.filters, ...sel }));
  $("timeline-clear").hidden = !(f.from || f.to);
  $("timeline-range").textContent = f.from || f.to ? `${f.from || "…"} → ${f.to || "…"}` : t("map_points", { n: visible.length });
  await eventList();
}

async function eventList() {
  const list = $("event-list");
  let body;
  try {
    body = await get("/api/events", { ...state.filters, limit: PAGE, offset: state.offset });
  } catch (err) {
    clear(list, h("li", { class: "error" }, `${t("error")}: ${err.message}`));
    return;
  }
  const a = body.total ? state.offset + 1 : 0;
  $("count").textContent = t("showing", { a, b: state.offset + body.events.length, n: body.total });
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + PAGE >= body.total;
  if (!body.events.length) { clear(list, h("li", { class: "muted" }, t("no_events"))); return; }
  clear(list, body.events.map((e) => {
    const loc = e.location || {};
    const place = (getLang() === "ar" ? loc.name_ar || loc.name : loc.name || loc.name_ar) || t("none");
    return h("li", { class: e.review ? "status-" + e.review.status : "", "data-event": e.event_id },
      h("span", { class: "swatch", style: `background:${colour(e.sub_event_type)}` }),
      h("a", { href: "#/event/" + encodeURIComponent(e.event_id) }, `${label(e.sub_event_type)} — ${place}`),
      h("span", { class: "muted" }, ` · ${e.event_date || t("none")} · ${label(loc.country)}`),
      e.fatalities ? h("span", { class: "badge" }, `${t("fatalities")}: ${e.fatalities}`) : null,
      e.review ? h("span", { class: "badge status-" + e.review.status }, t("status_" + e.review.status)) : null,
    );
  }));
}

// --- accounts ---------------------------------------------------------------------

function showSession() {
  $("who").textContent = session.user ? `${session.user} (${session.role})` : "";
  $("login-open").hidden = !!session.user;
  $("logout").hidden = !session.user;
}

async function loadSession() {
  try {
    const me = await get("/api/me");
    Object.assign(session, { user: me.user, role: me.role });
    setCsrf(me.csrf);
  } catch {
    Object.assign(session, { user: null, role: null });
  }
  showSession();
}

function wireAccounts() {
  const dialog = $("login-dialog");
  $("login-open").addEventListener("click", () => { $("login-error").hidden = true; dialog.showModal(); });
  $("login-cancel").addEventListener("click", () => dialog.close());
  $("login-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const form = ev.target;
    try {
      const me = await post("/api/login", { name: form.name.value, password: form.password.value });
      Object.assign(session, { user: me.user, role: me.role });
      setCsrf(me.csrf);
      form.password.value = "";
      dialog.close();
      showSession();
      render();
    } catch {
      $("login-error").textContent = t("login_failed");
      $("login-error").hidden = false;
    }
  });
  $("logout").addEventListener("click", async () => {
    await post("/api/logout", {}).catch(() => null);
    Object.assign(session, { user: null, role: null });
    setCsrf(null);
    showSession();
    render();
  });
}

// --- start ---------------------------------------------------------------------------

function wire() {
  $("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const fd = new FormData(ev.target);
    setFilters(Object.fromEntries(FILTERS.map((k) => [k, String(fd.get(k) || "").trim()])));
  });
  $("filters").addEventListener("reset", (ev) => { ev.preventDefault(); setFilters({}); });
  $("timeline-clear").addEventListener("click", () => setFilters({ ...state.filters, from: "", to: "" }));
  $("prev").addEventListener("click", () => setFilters(state.filters, Math.max(0, state.offset - PAGE)));
  $("next").addEventListener("click", () => setFilters(state.filters, state.offset + PAGE));
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = "#/search?" + new URLSearchParams({ q: ev.target.q.value.trim() }).toString();
  });
  $("lang").addEventListener("click", () => { setLang(getLang() === "ar" ? "en" : "ar"); render(); });
  window.addEventListener("hashchange", render);
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (!$("view-map").hidden) mapView(); }, 250);
  });
  const online = () => { $("offline").hidden = navigator.onLine; };
  window.addEventListener("online", online);
  window.addEventListener("offline", online);
  online();
  wireAccounts();
}

async function start() {
  applyStatic();
  wire();
  await loadSession();
  await render();
  document.body.dataset.ready = "1";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((err) => console.warn("service worker", err));
  }
}

start();

// The event page, the article reader and search results.

import { get, post } from "./api.js";
import { clear, h, toast } from "./dom.js";
import { CLAIMS, getLang, label, nameOf, t } from "./i18n.js";
import { highlighted, legend } from "./text.js";

const dash = () => t("none");

function actor(a) {
  if (!a) return dash();
  return `${nameOf(a)}${a.id ? ` (${a.id})` : ""}`;
}

function place(p) {
  if (!p) return dash();
  const bits = [nameOf(p), p.admin1, label(p.country)].filter(Boolean);
  return bits.join("، ");
}

function reportedValue(field, v) {
  if (v === null || v === undefined) return dash();
  if (typeof v !== "object") return field === "claim_status" ? label(v) : String(v);
  if (field === "location") return place(v);
  if (field === "weapons") return `${label(v.kind)}${v.count ? " ×" + v.count : ""}`;
  if ("name" in v) return actor(v);
  return JSON.stringify(v);
}

// the values the reports disagree on: each with the articles behind it
function reportedRows(e, field) {
  const alts = (e.reported || {})[field];
  if (!alts || !alts.length) return null;
  return h("ul", { class: "reported muted small" }, h("li", {}, t("reported") + ":"),
    alts.map((a) => h("li", {}, `${reportedValue(field, a.value)} — `,
      (a.article_ids || []).map((id, i) => [i ? "، " : "", h("a", { href: "#/article/" + encodeURIComponent(id) }, id)]))));
}

function fieldRows(e) {
  const loc = e.location || {};
  const machine = (e.review && e.review.machine) || {};
  const rows = [
    ["event_date", e.event_date], ["date_start", e.date_start], ["date_end", e.date_end],
    ["time_precision", e.time_precision], ["event_type", label(e.event_type)],
    ["sub_event_type", label(e.sub_event_type)], ["plover_type", e.plover_type],
    ["actor1", actor(e.actor1)], ["claim_status", label(e.claim_status)],
    ["suspected_actor1", actor(e.suspected_actor1)], ["actor2", actor(e.actor2)],
    ["targets", (e.targets || []).map((x) => `${label(x.kind)}: ${x.text}`).join(" · ")],
    ["weapons", (e.weapons || []).map((w) => `${label(w.kind)}${w.model ? " " + w.model : ""}${w.count ? " ×" + w.count : ""}`).join(" · ")],
    ["location", place(e.location)],
    ["coordinates", loc.lat != null ? `${loc.lat}, ${loc.lon}` : null],
    ["geo_precision", loc.geo_precision], ["fatalities", e.fatalities], ["injuries", e.injuries],
    ["damage", (e.damage || []).join("، ")], ["confidence", e.confidence],
    ["language", label(e.language)], ["event_id", e.event_id],
  ];
  return rows.map(([k, v]) => {
    const changed = k in machine;
    return h("tr", { class: changed ? "changed" : "", "data-field": k },
      h("th", { scope: "row" }, t(k)),
      h("td", {}, v === null || v === undefined || v === "" ? dash() : String(v),
        changed ? h("div", { class: "muted small" }, t("machine_value", { v: JSON.stringify(machine[k]) })) : null,
        reportedRows(e, k === "coordinates" ? "" : k)),
    );
  });
}

function statusBadge(review) {
  if (!review) return null;
  return h("span", { class: "badge status-" + review.status }, t("status_" + review.status));
}

function articleCard(a, splittable) {
  return h("article", { class: "card report", "data-article": a.id },
    h("header", {},
      h("h3", { dir: "auto" }, a.title || a.id),
      h("div", { class: "muted" }, [a.source, a.published].filter(Boolean).join(" · ")),
      h("a", { href: "#/article/" + encodeURIComponent(a.id) }, t("open_article")),
      splittable ? h("label", { class: "split-pick small" },
        h("input", { type: "checkbox", name: "split", value: a.id }), " ", t("other_event")) : null,
    ),
    legend(a.segments),
    highlighted(a.segments, a.language),
  );
}

function reviewPanel(e, session, rerender) {
  if (!session.user) return null;
  if (session.role !== "editor") return h("section", { class: "card" }, h("p", { class: "muted" }, t("editor_only")));
  const send = async (body) => {
    try {
      const out = await post(`/api/events/${encodeURIComponent(e.event_id)}/review`, body);
      toast(out.split_off ? t("split_done", { id: out.split_off }) : t("saved"), "ok");
      rerender();
    } catch (err) {
      toast(`${t("error")}: ${err.message}`, "bad");
    }
  };
  const mergeForm = h("form", { class: "merge-form inline" },
    h("label", {}, h("span", {}, t("merge_with")),
      h("input", { name: "other", type: "text", dir: "ltr", required: true, maxlength: 200 })),
    h("button", { type: "submit", name: "merge" }, t("merge")));
  mergeForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const other = String(new FormData(mergeForm).get("other") || "").trim();
    if (other) send({ action: "merge", events: [other] });
  });
  const split = (e.article_ids || []).length > 1
    ? h("button", { type: "button", name: "split", class: "ghost", onclick: () => {
        const picked = [...document.querySelectorAll("article.report input[name=split]:checked")].map((x) => x.value);
        if (!picked.length) { toast(t("split_none"), "bad"); return; }
        send({ action: "split", articles: picked });
      } }, t("split"))
    : null;
  const input = (name, value, type = "text") =>
    h("label", {}, h("span", {}, t(name)), h("input", { name, type, value: value ?? "", dir: "auto" }));
  const claim = h("select", { name: "claim_status" },
    CLAIMS.map((c) => h("option", { value: c, selected: c === e.claim_status }, label(c))));
  const advanced = h("textarea", { name: "advanced", rows: 3, dir: "ltr", placeholder: '{"actor1": {"name": "…", "id": "…", "kind": "armed_group"}}' });
  const form = h("form", { class: "review-form" },
    input("event_date", e.event_date, "date"),
    input("event_type", e.event_type),
    input("sub_event_type", e.sub_event_type),
    h("label", {}, h("span", {}, t("claim_status")), claim),
    input("fatalities", e.fatalities, "number"),
    input("injuries", e.injuries, "number"),
    h("label", { class: "wide" }, h("span", {}, t("advanced")), advanced),
    h("div", { class: "buttons" }, h("button", { type: "submit", name: "save" }, t("save"))),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const changes = {};
    const num = (v) => (v === "" ? null : Number.parseInt(v, 10));
    const cur = { event_date: e.event_date, event_type: e.event_type, sub_event_type: e.sub_event_type, claim_status: e.claim_status, fatalities: e.fatalities, injuries: e.injuries };
    for (const k of ["event_date", "event_type", "sub_event_type", "claim_status"]) {
      const v = fd.get(k) || null;
      if (v !== cur[k]) changes[k] = v;
    }
    for (const k of ["fatalities", "injuries"]) {
      const v = num(fd.get(k));
      if (v !== cur[k]) changes[k] = v;
    }
    const extra = String(fd.get("advanced") || "").trim();
    if (extra) {
      try { Object.assign(changes, JSON.parse(extra)); } catch { toast(t("error") + ": JSON", "bad"); return; }
    }
    if (!Object.keys(changes).length) return;
    send({ action: "correct", changes });
  });
  return h("section", { class: "card review" },
    h("h2", {}, t("review")),
    h("div", { class: "buttons" },
      h("button", { type: "button", name: "confirm", onclick: () => send({ action: "confirm" }) }, t("confirm")),
      h("button", { type: "button", name: "reject", class: "danger", onclick: () => send({ action: "reject" }) }, t("reject")),
      e.review ? h("button", { type: "button", name: "reopen", class: "ghost", onclick: () => send({ action: "reopen" }) }, t("reopen")) : null,
    ),
    h("h3", {}, t("correct")),
    form,
    h("h3", {}, t("merge")),
    mergeForm,
    split,
  );
}

function historyList(items) {
  if (!items.length) return null;
  return h("section", { class: "card" }, h("h2", {}, t("history")),
    h("ol", { class: "history" }, items.map((r) =>
      h("li", {}, h("strong", {}, `${r.by} · ${t(r.action)} · ${r.at}`),
        h("div", { class: "muted small", dir: "ltr" }, `${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`)))));
}

export async function showEvent(el, id, session) {
  const render = async () => {
    clear(el, h("p", { class: "muted" }, "…"));
    let e, arts, hist;
    try {
      const enc = encodeURIComponent(id);
      [e, arts, hist] = await Promise.all([
        get(`/api/events/${enc}`), get(`/api/events/${enc}/articles`),
        get(`/api/events/${enc}/reviews`).catch(() => ({ reviews: [] })),
      ]);
    } catch (err) {
      clear(el, h("p", { class: "error" }, err.status === 404 ? t("not_found") : `${t("error")}: ${err.message}`));
      return;
    }
    clear(el,
      h("a", { href: "#/", class: "back" }, t("back")),
      h("header", { class: "event-head" },
        h("h1", {}, `${label(e.sub_event_type)} — ${place(e.location)}`),
        h("div", { class: "muted" }, e.event_date || dash(), " ", statusBadge(e.review)),
        e.review ? h("div", { class: "muted small" }, t("reviewed_by", { by: e.review.by, at: e.review.at })) : null,
      ),
      h("div", { class: "event-grid" },
        h("section", { class: "card" }, h("h2", {}, t("fields")),
          h("table", { class: "fields" }, h("tbody", {}, fieldRows(e)))),
        reviewPanel(e, session, render),
        historyList(hist.reviews || []),
      ),
      h("h2", {}, t("reporting")),
      arts.articles.map((a) => articleCard(a, session.role === "editor" && arts.articles.length > 1)),
    );
  };
  await render();
}

export async function showArticle(el, id) {
  clear(el, h("p", { class: "muted" }, "…"));
  let a;
  try {
    a = await get(`/api/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    clear(el, h("p", { class: "error" }, err.status === 404 ? t("not_found") : `${t("error")}: ${err.message}`));
    return;
  }
  const rtl = a.language !== "en";
  clear(el,
    h("a", { href: "#/", class: "back" }, t("back")),
    h("article", { class: "reader", dir: rtl ? "rtl" : "ltr", lang: a.language || "ar" },
      h("h1", { dir: "auto" }, a.title || a.id),
      h("p", { class: "muted" }, [a.source, a.published, a.url].filter(Boolean).join(" · ")),
      legend(a.segments),
      highlighted(a.segments, a.language),
    ),
    a.events.length ? h("section", { class: "card" }, h("h2", {}, t("events_in_article")),
      h("ul", {}, a.events.map((e) => h("li", {},
        h("a", { href: "#/event/" + encodeURIComponent(e.event_id) },
          `${label(e.sub_event_type)} — ${place(e.location)} — ${e.event_date || dash()}`))))) : null,
  );
}

export async function showSearch(list, q) {
  clear(list);
  if (!q) return;
  try {
    const body = await get("/api/search", { q, limit: 50 });
    if (!body.articles.length) { clear(list, h("li", { class: "muted" }, t("no_results"))); return; }
    clear(list, body.articles.map((a) => h("li", {},
      h("a", { href: "#/article/" + encodeURIComponent(a.id), dir: "auto" }, a.title || a.id),
      h("span", { class: "muted" }, " · " + [a.source, a.published].filter(Boolean).join(" · ")))));
  } catch (err) {
    clear(list, h("li", { class: "error" }, `${t("error")}: ${err.message}`));
  }
}

export { getLang };

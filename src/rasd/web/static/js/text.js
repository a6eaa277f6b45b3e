// Article text with evidence highlighted: the server cuts the original text
// into segments; each becomes a text node or a <mark> holding a text node.

import { h } from "./dom.js";
import { t } from "./i18n.js";

export const FIELD_CLASS = {
  weapons: "ev-weapon", location: "ev-location", targets: "ev-target", actor1: "ev-actor",
  actor2: "ev-actor", suspected_actor1: "ev-actor", claim_status: "ev-claim",
  event_date: "ev-date", date: "ev-date", fatalities: "ev-casualty", injuries: "ev-casualty",
  damage: "ev-damage", event_type: "ev-type", sub_event_type: "ev-type", trigger: "ev-type",
};

export function highlighted(segments, lang) {
  const el = h("div", { class: "article-text", dir: lang === "en" ? "ltr" : "rtl", lang: lang || "ar" });
  for (const seg of segments || []) {
    if (!seg.fields || !seg.fields.length) {
      el.append(document.createTextNode(seg.text));
      continue;
    }
    const cls = seg.fields.map((f) => FIELD_CLASS[f] || "ev-other").join(" ");
    el.append(h("mark", { class: "evidence " + cls, title: seg.fields.map((f) => t(f)).join("، ") }, seg.text));
  }
  return el;
}

export function legend(segments) {
  const fields = new Set();
  for (const s of segments || []) for (const f of s.fields || []) fields.add(f);
  if (!fields.size) return null;
  return h("p", { class: "ev-legend" }, t("evidence_legend") + ": ",
    [...fields].sort().map((f) => h("mark", { class: "evidence " + (FIELD_CLASS[f] || "ev-other") }, t(f))));
}

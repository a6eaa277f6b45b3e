// The event map: Leaflet over Natural Earth country outlines shipped with the
// app (no tile server), clustered circle markers coloured by sub-event type.

import { get } from "./api.js";
import { colour } from "./colours.js";
import { h } from "./dom.js";
import { label, nameOf, t } from "./i18n.js";

let map = null;
let cluster = null;
let fitted = false;

export async function initMap(el) {
  const L = window.L;
  map = L.map(el, {
    center: [33.5, 42], zoom: 5, minZoom: 2, maxZoom: 12, worldCopyJump: true,
    attributionControl: true, preferCanvas: false,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · Leaflet");
  cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(cluster);
  try {
    const res = await fetch("/static/geo/countries-50m.json");
    const topo = await res.json();
    const land = window.topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, {
      style: { color: "#9aa5a8", weight: 0.8, fillColor: "#efece4", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    const res1 = await fetch("/static/geo/admin1.json");
    const topo1 = await res1.json();
    L.geoJSON(window.topojson.feature(topo1, topo1.objects.admin1), {
      style: { color: "#b9c1c3", weight: 0.6, dashArray: "3 3", fill: false },
      interactive: false,
    }).addTo(map);
    cluster.bringToFront?.();
  } catch (err) {
    console.warn("basemap not loaded", err);
  }
  return map;
}

// the popup shows the point's own fields at once and the place when the
// event's record arrives (points carry no names, to stay small and fast)
function popup(p) {
  const where = h("div", { class: "place" }, "…");
  get(`/api/events/${encodeURIComponent(p.id)}`)
    .then((e) => { where.textContent = nameOf(e.location); })
    .catch(() => { where.textContent = ""; });
  return h("div", { class: "popup" },
    h("strong", {}, label(p.sub)),
    where,
    h("div", { class: "muted" }, p.date || ""),
    h("a", { href: "#/event/" + encodeURIComponent(p.id) }, t("open_event")),
  );
}

export function setPoints(points, onOpen) {
  const L = window.L;
  if (!cluster) return 0;
  cluster.clearLayers();
  const markers = [];
  for (const p of points) {
    if (typeof p.lat !== "number" || typeof p.lon !== "number") continue;
    const m = L.circleMarker([p.lat, p.lon], {
      radius: 7, color: "#ffffff", weight: 1.5, fillColor: colour(p.sub),
      fillOpacity: p.status === "rejected" ? 0.25 : 0.9,
      className: "event-marker",
    });
    m.bindTooltip(() => h("span", {}, `${label(p.sub)} · ${label(p.country)} · ${p.date || ""}`));
    m.bindPopup(() => popup(p));
    m.on("dblclick", () => onOpen && onOpen(p.id));
    m.options.eventId = p.id;
    markers.push(m);
  }
  cluster.addLayers(markers);
  if (!fitted && markers.length) {  // the first time: show where the events are
    fitted = true;
    map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 7 });
  }
  return markers.length;
}

export function invalidate() { if (map) map.invalidateSize(); }

// The event map: Leaflet over Natural Earth country outlines shipped with the
// app (no tile server), clustered circle markers coloured by sub-event type.

import { colour } from "./colours.js";
import { h } from "./dom.js";
import { label, t } from "./i18n.js";

let map = null;
let cluster = null;

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
    cluster.bringToFront?.();
  } catch (err) {
    console.warn("basemap not loaded", err);
  }
  return map;
}

function popup(p) {
  return h("div", { class: "popup" },
    h("strong", {}, label(p.sub)),
    h("div", {}, p.place || ""),
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
    m.bindTooltip(() => h("span", {}, `${label(p.sub)} · ${p.place || ""} · ${p.date || ""}`));
    m.bindPopup(() => popup(p));
    m.on("dblclick", () => onOpen && onOpen(p.id));
    m.options.eventId = p.id;
    markers.push(m);
  }
  cluster.addLayers(markers);
  return markers.length;
}

export function invalidate() { if (map) map.invalidateSize(); }

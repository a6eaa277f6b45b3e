// rasd service worker: the app shell from the cache first (so the app opens
// offline), the API from the network first with the last answer kept for
// when the network is gone. Bump VERSION when the shell changes.

const VERSION = "rasd-v4";
const SHELL = `${VERSION}-shell`;
const DATA = `${VERSION}-data`;
const SHELL_FILES = [
  "/",
  "/manifest.webmanifest",
  "/static/app.css",
  "/static/js/main.js",
  "/static/js/api.js",
  "/static/js/dom.js",
  "/static/js/i18n.js",
  "/static/js/map.js",
  "/static/js/timeline.js",
  "/static/js/colours.js",
  "/static/js/text.js",
  "/static/js/views.js",
  "/static/vendor/leaflet/leaflet.js",
  "/static/vendor/leaflet/leaflet.css",
  "/static/vendor/markercluster/leaflet.markercluster.js",
  "/static/vendor/markercluster/MarkerCluster.css",
  "/static/vendor/markercluster/MarkerCluster.Default.css",
  "/static/vendor/topojson/topojson-client.min.js",
  "/static/geo/countries-50m.json",
  "/static/geo/admin1.json",
  "/static/icons/icon-192.png",
  "/static/icons/icon-512.png",
];
const MAX_DATA = 200;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => !k.startsWith(VERSION)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      const keys = await cache.keys();
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DATA))) await cache.delete(old);
    }
    return response;
  } catch (err) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: request.mode === "navigate" });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith("/static/")) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === "/api/me" || url.pathname.startsWith("/api/export")) return;
  if (url.pathname.startsWith("/api/")) {
    event.respondWith(networkFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(caches.match("/").then((r) => r || fetch(request)));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

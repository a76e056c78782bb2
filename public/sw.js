/*
 * Complaint Coach service worker: the staff pages open without a network once visited.
 * Hand-written on purpose (docs/decisions/0004-offline-capture.md): two strategies, no build step.
 *
 *  - Navigations to staff pages (/, /sign-in, /cases/...): network first, so a page is never
 *    staler than it has to be; the copy is kept, and served when the network fails (or takes
 *    longer than NAVIGATION_TIMEOUT_MS). A case page never visited (a case opened offline) gets
 *    the tablet's case shell, /cases/offline?id=..., which reads the case from IndexedDB.
 *  - /_next/static (hashed, immutable) and the icons: cache first. Keeping a page keeps its files
 *    and the chunks its scripts load on demand, so a split-out stage works offline too.
 *  - Everything else — /api above all — goes to the network untouched: steps are queued in
 *    IndexedDB by the page (lib/client/field-sync.ts), never by this worker.
 *
 * Tested in tests/integration/service-worker.test.ts and, in Chromium, tests/e2e/offline.spec.ts.
 */
const VERSION = "v1";
const SHELL_CACHE = `coach-shell-${VERSION}`;
const PAGES_CACHE = `coach-pages-${VERSION}`;
const STATIC_CACHE = `coach-static-${VERSION}`;
const CURRENT = [SHELL_CACHE, PAGES_CACHE, STATIC_CACHE];

/** Pages with no one's data in them, cached at install so a new case can open offline at once. */
const SHELL_PAGES = ["/cases/offline"];
const CASE_SHELL = "/cases/offline";
const NAVIGATION_TIMEOUT_MS = 4000;
const PAGES_LIMIT = 40;
const STATIC_LIMIT = 400;

const isStaffPage = (path) => path === "/" || path === "/sign-in" || path.startsWith("/cases/");
const isStatic = (path) => path.startsWith("/_next/static/") || path.startsWith("/icons/");
const ASSET_PATTERN = /\/_next\/static\/[A-Za-z0-9_\-.~/%]+?\.(?:js|css|woff2?)/g;

/** Static files a page's HTML refers to (script and style tags, and the chunk list in its flight data). */
function assetsIn(html) {
  return [...new Set(html.match(ASSET_PATTERN) ?? [])];
}

async function trim(cacheName, limit) {
  const cache = await caches.open(cacheName);
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(key);
}

/** Chunks a script can load later ("static/chunks/x.js" in the bundler's loader table). */
const CHUNK_REFERENCE = /["'](?:\/_next\/)?(static\/chunks\/[A-Za-z0-9_\-.~]+?\.js)["']/g;
function chunksIn(script) {
  return [...new Set([...script.matchAll(CHUNK_REFERENCE)].map((m) => `/_next/${m[1]}`))];
}

/**
 * Keeps the given static files, and every chunk their scripts can load on demand (the coach's
 * later stages are split out of the first script): a page kept here must not need the network
 * for a part it loads later. Already-kept files are not fetched again.
 */
async function cacheAssets(urls) {
  const cache = await caches.open(STATIC_CACHE);
  const seen = new Set();
  let next = urls.map((url) => new URL(url, self.location.origin).pathname);
  while (next.length && seen.size < STATIC_LIMIT) {
    const found = [];
    await Promise.all(
      next.map(async (path) => {
        if (seen.has(path)) return;
        seen.add(path);
        let response = await cache.match(path);
        if (!response) {
          try {
            const fetched = await fetch(path);
            if (!fetched.ok) return;
            await cache.put(path, fetched.clone());
            response = fetched;
          } catch {
            return; // offline while warming: it will be cached the next time it is fetched
          }
        }
        if (path.endsWith(".js")) found.push(...chunksIn(await response.text()));
      }),
    );
    next = found.filter((path) => !seen.has(path));
  }
  await trim(STATIC_CACHE, STATIC_LIMIT);
}

/** When each page was last kept, so a page just kept on its way to the browser is not fetched twice. */
const keptAt = new Map();
const KEPT_RECENTLY_MS = 10_000;

/** Keeps a page and the static files it needs. */
async function keepPage(cacheName, key, response) {
  keptAt.set(key, Date.now());
  const html = await response.clone().text();
  const cache = await caches.open(cacheName);
  await cache.put(key, response);
  await cacheAssets(assetsIn(html));
  if (cacheName === PAGES_CACHE) await trim(PAGES_CACHE, PAGES_LIMIT);
}

/** Fetches a page with the visitor's cookies and keeps it, if it is a plain 200 (not a redirect to sign-in). */
async function fetchAndKeep(cacheName, path) {
  const response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
  if (response.status === 200 && response.type === "basic") await keepPage(cacheName, path, response);
  return response.status;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      for (const page of SHELL_PAGES) await fetchAndKeep(SHELL_CACHE, page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("coach-") && !CURRENT.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function offlinePage() {
  const html =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Offline · Complaint Coach</title></head>" +
    '<body style="font-family:system-ui,sans-serif;background:#0f172a;color:#f1f5f9;padding:2rem;font-size:1.25rem">' +
    "<h1>No connection</h1><p>This page has not been opened on this tablet before, so it cannot be shown offline.</p>" +
    '<p><a style="color:#7dd3fc" href="/">Back to the home screen</a></p></body></html>';
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}

async function cachedPage(url) {
  const key = url.pathname + url.search;
  const exact = (await caches.match(key, { cacheName: PAGES_CACHE })) ?? (await caches.match(key, { cacheName: SHELL_CACHE }));
  if (exact) return exact;
  if (url.pathname === CASE_SHELL) return caches.match(CASE_SHELL, { cacheName: SHELL_CACHE });
  const caseId = /^\/cases\/([^/]+)$/.exec(url.pathname)?.[1];
  // A case this tablet has not displayed before (opened offline): the shell reads it from IndexedDB.
  if (caseId) return Response.redirect(new URL(`${CASE_SHELL}?id=${encodeURIComponent(caseId)}`, self.location.origin).href, 302);
  return caches.match(url.pathname, { cacheName: PAGES_CACHE });
}

async function navigate(event, url) {
  const shell = url.pathname === CASE_SHELL;
  let keeping = Promise.resolve();
  const network = fetch(event.request).then((response) => {
    if (response.status === 200 && response.type === "basic" && !response.redirected) {
      keeping = keepPage(shell ? SHELL_CACHE : PAGES_CACHE, shell ? CASE_SHELL : url.pathname + url.search, response.clone());
    }
    return response;
  });
  event.waitUntil(network.then(() => keeping).catch(() => undefined));
  // Wi-Fi that is "connected" but dead: after a few seconds a kept copy is better than a spinner.
  const slow = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS, "slow"));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== "slow") return first;
    const kept = await cachedPage(url);
    return kept ?? (await network);
  } catch {
    return (await cachedPage(url)) ?? offlinePage();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate" && isStaffPage(url.pathname)) {
    event.respondWith(navigate(event, url));
  } else if (isStatic(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/**
 * From the page, once this worker controls it:
 *  - "keep-page": cache the page itself and the static files it loaded before the worker was in
 *    control (the first visit), then answer on the given port, so the page can say "works offline";
 *  - "forget-pages": someone signed out; their pages (names, cases) go.
 */
self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  const reply = (message) => event.ports?.[0]?.postMessage(message);
  if (data.type === "keep-page") {
    event.waitUntil(
      (async () => {
        const assets = Array.isArray(data.assets) ? data.assets.filter((a) => typeof a === "string" && isStatic(new URL(a, self.location.origin).pathname)) : [];
        await cacheAssets(assets);
        const shellReady = Boolean(await caches.match(CASE_SHELL, { cacheName: SHELL_CACHE }));
        let status = 0;
        const path = typeof data.page === "string" ? new URL(data.page, self.location.origin).pathname : "";
        if (path === CASE_SHELL) status = shellReady ? 200 : 0;
        else if (isStaffPage(path) && Date.now() - (keptAt.get(data.page) ?? 0) < KEPT_RECENTLY_MS) status = 200;
        else if (isStaffPage(path)) {
          // Offline, a copy kept earlier still counts.
          status = await fetchAndKeep(PAGES_CACHE, data.page).catch(async () => ((await caches.match(data.page, { cacheName: PAGES_CACHE })) ? 200 : 0));
        }
        reply({ type: "kept", page: data.page, status, shellReady });
      })(),
    );
  } else if (data.type === "forget-pages") {
    event.waitUntil(caches.delete(PAGES_CACHE).then(() => reply({ type: "forgot" })));
  }
});

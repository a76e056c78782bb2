/*
 * Complaint Coach service worker: the staff pages open without a network once visited, and a
 * page one person saw is never shown to anyone else.
 * Hand-written on purpose (docs/decisions/0004-offline-capture.md, 0016-service-worker-per-session.md).
 *
 *  - Navigations to staff pages (/, /sign-in, /cases/..., and the heads-up pages /heads-ups,
 *    /heads-ups/..., /heads-up-cases/...): network first, so a page is never staler than it has
 *    to be. A page rendered for a session carries that session's id
 *    (<meta name="coach-session">); it is kept in that session's own cache, and only ever served
 *    back while the tablet's record of that same session is current and not idle (IndexedDB,
 *    lib/tablet/tablet-store.ts). When the session ends — sign-out, switch user, idle time-out,
 *    expiry, revocation, a new person signing in — its cache goes. Pages with nobody's data in them
 *    (the sign-in screen, the case shell) are kept for everyone.
 *  - A case page never visited (a case opened offline) gets the tablet's case shell,
 *    /cases/offline?id=..., which reads the case from IndexedDB and refuses without a session.
 *  - /_next/static (hashed, immutable) and the icons: cache first. Keeping a page keeps its files
 *    and the chunks its scripts load on demand, so a split-out stage works offline too.
 *  - Everything else — /api above all — goes to the network untouched: steps are queued in
 *    IndexedDB by the page (lib/tablet/field-sync.ts), never by this worker.
 *
 * Tested in tests/integration/service-worker.test.ts and, in Chromium, tests/e2e/offline.spec.ts,
 * tests/e2e/shared-tablet.spec.ts and tests/e2e/heads-up-offline.spec.ts.
 */
const VERSION = "v2";
const SHELL_CACHE = `coach-shell-${VERSION}`;
const STATIC_CACHE = `coach-static-${VERSION}`;
/** One cache per session: `coach-pages-v2-<session id>`. */
const PAGES_PREFIX = `coach-pages-${VERSION}-`;
const pagesCacheFor = (sessionId) => `${PAGES_PREFIX}${sessionId}`;
const isPagesCache = (name) => name.startsWith("coach-pages-");

/** Pages with no one's data in them, cached at install so a new case can open offline at once. */
const SHELL_PAGES = ["/cases/offline", "/sign-in"];
const CASE_SHELL = "/cases/offline";
const SIGN_IN = "/sign-in";
const NAVIGATION_TIMEOUT_MS = 4000;
const PAGES_LIMIT = 40;
const STATIC_LIMIT = 400;

/** The tablet's store (lib/tablet/tablet-store.ts): who is signed in here now. */
const DB_NAME = "complaint-coach";

/**
 * The staff pages: home, sign-in, a complaint case, and the heads-up pages (the floor's list, one
 * heads-up, a one-table heads-up case; docs/decisions/0036). All but the sign-in screen and the case
 * shell carry a session's id, so each is kept for that session only.
 */
const isStaffPage = (path) =>
  path === "/" ||
  path === "/sign-in" ||
  path.startsWith("/cases/") ||
  path === "/heads-ups" ||
  path.startsWith("/heads-ups/") ||
  path.startsWith("/heads-up-cases/");
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

/**
 * When each page was last kept, and the keeping itself (the page and every file it needs), so a
 * page just kept on its way to the browser is not fetched twice, and "ready" waits for its files.
 */
const keptAt = new Map();
const keeping = new Map();
const KEPT_RECENTLY_MS = 10_000;

/** The session a page was rendered for (its <meta name="coach-session">), or null for a page with nobody's data. */
const SESSION_META = /<meta[^>]*name="coach-session"[^>]*content="([A-Za-z0-9_-]{1,64})"/;
function sessionOf(html) {
  return SESSION_META.exec(html)?.[1] ?? null;
}

/**
 * Runs `work(db)` against the tablet's store (lib/tablet/tablet-store.ts) if it exists and has
 * `storeName`; null otherwise. Never creates the database.
 */
function withTabletDb(storeName, work) {
  return new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open(DB_NAME);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.transaction.abort(); // no database yet: nobody is signed in
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains(storeName)) {
        db.close();
        return resolve(null);
      }
      work(db).then(
        (value) => {
          db.close();
          resolve(value);
        },
        () => {
          db.close();
          resolve(null);
        },
      );
    };
  });
}

function idbRequest(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The session signed in on this tablet, as the page keeps it, if it is current (not idle); null otherwise. */
async function currentSession() {
  const session = await withTabletDb("session", (db) => idbRequest(db.transaction("session").objectStore("session").get("current")));
  const fresh = session && typeof session.sessionId === "string" && Date.now() - session.lastActiveAt <= session.idleMs;
  return fresh ? session : null;
}

/**
 * A session ended on this tablet while the server could not be told (no Wi-Fi): its cookie may
 * still be good there. Before any page loads, tell the server, so the next person is never let in
 * as the last one. Kept until the server has answered.
 */
async function signOutPending() {
  const pending = await withTabletDb("pending", (db) => idbRequest(db.transaction("pending").objectStore("pending").get("sign-out")));
  if (!pending) return;
  try {
    // Naming the session: a sign-in made since (another cookie) is left alone.
    const body = JSON.stringify({ sessionId: pending.sessionId });
    const response = await fetch("/api/session/sign-out", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body,
    });
    if (!response.ok) return;
  } catch {
    return; // still offline: the next navigation tries again
  }
  await withTabletDb("pending", async (db) => {
    const store = db.transaction("pending", "readwrite").objectStore("pending");
    const still = await idbRequest(store.get("sign-out"));
    if (still?.sessionId === pending.sessionId) await idbRequest(store.delete("sign-out"));
  });
}

/** Drops the kept pages of every session but `keep` (all of them when `keep` is null). */
async function forgetPages(keep = null) {
  for (const name of await caches.keys()) if (isPagesCache(name) && name !== (keep ? pagesCacheFor(keep) : null)) await caches.delete(name);
}

/**
 * Keeps a page and the static files it needs: a session's page in that session's cache (a new
 * session's first page retires the others), a shell page for everyone. The sign-in page from the
 * server means nobody is signed in: every session's pages go.
 */
function keepPage(path, response) {
  keptAt.set(path, Date.now());
  const done = keepPageNow(path, response);
  keeping.set(path, done);
  return done;
}

async function keepPageNow(path, response) {
  const html = await response.clone().text();
  const sessionId = sessionOf(html);
  const pathname = new URL(path, self.location.origin).pathname;
  let cacheName = null;
  if (sessionId) {
    await forgetPages(sessionId);
    cacheName = pagesCacheFor(sessionId);
  } else if (SHELL_PAGES.includes(pathname)) {
    if (pathname === SIGN_IN) await forgetPages();
    cacheName = SHELL_CACHE;
  }
  if (!cacheName) return;
  const cache = await caches.open(cacheName);
  await cache.put(pathname === CASE_SHELL ? CASE_SHELL : path, response);
  await cacheAssets(assetsIn(html));
  if (sessionId) await trim(cacheName, PAGES_LIMIT);
}

/** Fetches a page with the visitor's cookies and keeps it, if it is a plain 200 (not a redirect to sign-in). */
async function fetchAndKeep(path) {
  const response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
  if (response.status === 200 && response.type === "basic") await keepPage(path, response);
  return response.status;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      for (const page of SHELL_PAGES) await fetchAndKeep(page).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Older versions kept pages by path alone, for whoever came next: they all go.
      for (const name of await caches.keys()) {
        if (name.startsWith("coach-") && name !== SHELL_CACHE && name !== STATIC_CACHE && !name.startsWith(PAGES_PREFIX))
          await caches.delete(name);
      }
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

/**
 * What to show for a staff page when the network cannot: the current session's kept copy, the
 * shell for a case this tablet never displayed, the sign-in screen when nobody is signed in.
 */
/** Why the last session ended (as components/sign-in/session-ended-note.tsx says it). */
const ENDED = {
  idle: "Signed out after 30 minutes without use. Nothing of the last person's is left on this tablet.",
  server: "That session has ended (it expired, or a manager ended it). Nothing of it is left on this tablet.",
  "signed-out": "Signed out. Nothing of the last person's is left on this tablet.",
  elsewhere: "Signed out on this tablet. Nothing of the last person's is left on it.",
};

/** The sign-in screen without a connection, when no copy of it was kept: nobody can sign in offline anyway. */
function signedOutPage(url) {
  const reason = ENDED[url.searchParams.get("ended") ?? ""];
  const html =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta http-equiv="refresh" content="20"><title>Sign in · Complaint Coach</title></head>' +
    '<body style="font-family:system-ui,sans-serif;background:#0f172a;color:#f1f5f9;padding:2rem;font-size:1.25rem">' +
    '<h1 style="color:#7dd3fc">Complaint Coach</h1>' +
    (reason ? `<p data-testid="session-ended" role="status">${reason}</p>` : "") +
    "<p>No connection: sign in again when the Wi-Fi is back. Steps taken on this tablet are kept, sealed, and sent then.</p></body></html>";
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8" } });
}

async function cachedPage(url) {
  const key = url.pathname + url.search;
  if (url.pathname === CASE_SHELL) return caches.match(CASE_SHELL, { cacheName: SHELL_CACHE });
  if (url.pathname === SIGN_IN) return (await caches.match(SIGN_IN, { cacheName: SHELL_CACHE })) ?? signedOutPage(url);
  const session = await currentSession();
  if (!session) {
    // Signed out, timed out, or never signed in: nobody's page may be shown.
    await forgetPages();
    return Response.redirect(new URL(SIGN_IN, self.location.origin).href, 302);
  }
  // Another person is signed in now: whatever an earlier session kept goes before anything is served.
  await forgetPages(session.sessionId);
  const pages = pagesCacheFor(session.sessionId);
  const kept = (await caches.match(key, { cacheName: pages })) ?? (await caches.match(url.pathname, { cacheName: pages }));
  if (kept) return kept;
  const caseId = /^\/cases\/([^/]+)$/.exec(url.pathname)?.[1];
  // A case this tablet has not displayed before (opened offline): the shell reads it from IndexedDB.
  if (caseId) return Response.redirect(new URL(`${CASE_SHELL}?id=${encodeURIComponent(caseId)}`, self.location.origin).href, 302);
  return undefined;
}

async function navigate(event, url) {
  let keeping = Promise.resolve();
  const network = fetch(event.request).then((response) => {
    if (response.status === 200 && response.type === "basic" && !response.redirected) {
      keeping = keepPage(url.pathname === CASE_SHELL ? CASE_SHELL : url.pathname + url.search, response.clone());
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

/**
 * A script the page fetched through this worker is kept, and so is every chunk it can load on
 * demand: a part the page asks for later (a stage's panel, the tablet's session code) must not
 * need the network, even when the page loaded its script after it asked to be kept.
 */
async function cacheFirst(event, request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    const path = new URL(request.url).pathname;
    if (path.endsWith(".js")) event.waitUntil(following(cacheAssets([path])));
  }
  return response;
}

/** Chunk-following still under way in the background: "ready" waits for it. */
const inFlight = new Set();
function following(work) {
  const tracked = work.catch(() => undefined).finally(() => inFlight.delete(tracked));
  inFlight.add(tracked);
  return tracked;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate" && isStaffPage(url.pathname)) {
    event.respondWith(signOutPending().then(() => navigate(event, url)));
  } else if (request.mode === "navigate") {
    // Any other page of the app: only the check that no ended session's cookie is still good.
    event.respondWith(signOutPending().then(() => fetch(request)));
  } else if (isStatic(url.pathname)) {
    event.respondWith(cacheFirst(event, request));
  }
});

/**
 * From the page, once this worker controls it:
 *  - "keep-page": cache the page itself and the static files it loaded before the worker was in
 *    control (the first visit), then answer on the given port, so the page can say "works offline";
 *  - "claim": a page loaded while this worker was starting asks to be controlled too;
 *  - "forget-pages": the session ended; every kept page with someone's name or cases goes.
 */
self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  const reply = (message) => event.ports?.[0]?.postMessage(message);
  if (data.type === "keep-page") {
    event.waitUntil(
      (async () => {
        const assets = Array.isArray(data.assets)
          ? data.assets.filter((a) => typeof a === "string" && isStatic(new URL(a, self.location.origin).pathname))
          : [];
        await cacheAssets(assets);
        const shellReady = Boolean(await caches.match(CASE_SHELL, { cacheName: SHELL_CACHE }));
        let status = 0;
        const page = typeof data.page === "string" ? new URL(data.page, self.location.origin) : null;
        const path = page?.pathname ?? "";
        const key = page ? page.pathname + page.search : "";
        if (path === CASE_SHELL) status = shellReady ? 200 : 0;
        else if (isStaffPage(path) && Date.now() - (keptAt.get(key) ?? 0) < KEPT_RECENTLY_MS) {
          await keeping.get(key)?.catch(() => undefined);
          status = 200;
        } else if (isStaffPage(path)) {
          // Offline, a copy kept earlier for the current session still counts.
          status = await fetchAndKeep(key).catch(async () => {
            const session = await currentSession();
            return session && (await caches.match(key, { cacheName: pagesCacheFor(session.sessionId) })) ? 200 : 0;
          });
        }
        // Scripts the page fetched meanwhile are still being followed to their chunks: wait for them.
        await Promise.all([...inFlight]);
        reply({ type: "kept", page: data.page, status, shellReady });
      })(),
    );
  } else if (data.type === "claim") {
    // A page loaded while this worker was starting up was not claimed with the others.
    event.waitUntil(self.clients.claim());
  } else if (data.type === "forget-pages") {
    event.waitUntil(forgetPages().then(() => reply({ type: "forgot" })));
  }
});

import "fake-indexeddb/auto";
import { deleteDB } from "idb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DB_NAME, IdbTabletStore } from "@/lib/tablet/tablet-store";
import { basic, ORIGIN, worker } from "./support/service-worker-harness";

/**
 * public/sw.js in a stand-in service worker scope (./support/service-worker-harness.ts). The same
 * worker runs in Chromium in tests/e2e/offline.spec.ts and tests/e2e/shared-tablet.spec.ts.
 */

/** Who is signed in on this tablet, as the page records it (lib/tablet/local-session.ts). */
async function signedIn(sessionId: string, lastActiveAt = Date.now()) {
  const store = await IdbTabletStore.open();
  await store.putSession({
    sessionId,
    user: { id: "usr-amira", name: "Amira Shah", role: "staff" },
    locationId: "loc-harbour",
    startedAt: lastActiveAt,
    lastActiveAt,
    idleMs: 30 * 60_000,
    seal: null,
  });
}

beforeEach(async () => {
  await deleteDB(DB_NAME);
});

const SHELL_HTML =
  '<html><script src="/_next/static/chunks/shell.js"></script><link rel="stylesheet" href="/_next/static/css/app.css"></html>';
const HOME_HTML =
  '<html><head><meta name="coach-session" content="s-amira"/></head><script src="/_next/static/chunks/home.js"></script><script>self.__next_f.push([1,"\\"/_next/static/chunks/lazy.js\\""])</script></html>';

function serverPages(w: ReturnType<typeof worker>) {
  w.network.pages.set("/cases/offline", () => basic(SHELL_HTML));
  w.network.pages.set("/", () => basic(HOME_HTML));
  w.network.pages.set("/sign-in", () => {
    // Signed in already: the server redirects home (a navigation fetch sees it as opaque).
    const response = new Response(null, { status: 307, headers: { location: "/" } });
    Object.defineProperty(response, "type", { value: "opaqueredirect" });
    return response;
  });
  for (const asset of [
    "/_next/static/chunks/shell.js",
    "/_next/static/css/app.css",
    "/_next/static/chunks/home.js",
    "/_next/static/chunks/lazy.js",
  ]) {
    w.network.pages.set(asset, () => basic(`/* ${asset} */`, { headers: { "content-type": "text/javascript" } }));
  }
}

async function ready() {
  const w = worker();
  serverPages(w);
  await w.install();
  await w.activate();
  return w;
}

const cachedPaths = (w: ReturnType<typeof worker>, name: string) =>
  [...(w.stores.get(name)?.entries.keys() ?? [])].map((k) => new URL(k).pathname + new URL(k).search).sort();

describe("the service worker", () => {
  it("keeps the case shell and the files it needs at install", async () => {
    const w = await ready();
    expect(cachedPaths(w, "coach-shell-v2")).toEqual(["/cases/offline"]);
    expect(cachedPaths(w, "coach-static-v2")).toEqual(["/_next/static/chunks/shell.js", "/_next/static/css/app.css"]);
  });

  it("keeps the chunks a kept script loads on demand, and theirs, so a split-out stage opens offline", async () => {
    const w = worker();
    serverPages(w);
    // As Turbopack writes them: the shell's script names the stage's chunk, which names its own.
    w.network.pages.set("/_next/static/chunks/shell.js", () => basic('e.v(t=>Promise.all(["static/chunks/stage.js"].map(t=>e.l(t))))'));
    w.network.pages.set("/_next/static/chunks/stage.js", () => basic('e.v(t=>Promise.all(["static/chunks/deeper.js"].map(t=>e.l(t))))'));
    w.network.pages.set("/_next/static/chunks/deeper.js", () => basic("/* deeper */"));
    await w.install();
    await w.activate();
    expect(cachedPaths(w, "coach-static-v2")).toEqual([
      "/_next/static/chunks/deeper.js",
      "/_next/static/chunks/shell.js",
      "/_next/static/chunks/stage.js",
      "/_next/static/css/app.css",
    ]);
    w.network.online = false;
    expect(await (await w.get("/_next/static/chunks/deeper.js"))?.text()).toBe("/* deeper */");
  });

  it("serves pages from the network while online, keeping a copy and every file the page names", async () => {
    const w = await ready();
    const response = await w.navigate("/");
    expect(await response?.text()).toBe(HOME_HTML);
    expect(cachedPaths(w, "coach-pages-v2-s-amira")).toEqual(["/"]);
    expect(cachedPaths(w, "coach-static-v2")).toContain("/_next/static/chunks/lazy.js");
  });

  it("offline, serves the kept copy of a page to the session it was kept for, and its files from the cache", async () => {
    const w = await ready();
    await signedIn("s-amira");
    await w.navigate("/");
    w.network.online = false;
    expect(await (await w.navigate("/"))?.text()).toBe(HOME_HTML);
    expect((await w.get("/_next/static/chunks/home.js"))?.status).toBe(200);
  });

  it("offline, sends a case never displayed here to the case shell, which reads it from the tablet", async () => {
    const w = await ready();
    await signedIn("s-amira");
    w.network.online = false;
    const redirect = await w.navigate("/cases/cabcdefghijklmnopqrstuvwx");
    expect(redirect?.status).toBe(302);
    expect(redirect?.headers.get("location")).toBe(`${ORIGIN}/cases/offline?id=cabcdefghijklmnopqrstuvwx`);
    expect(await (await w.navigate("/cases/offline?id=cabcdefghijklmnopqrstuvwx"))?.text()).toBe(SHELL_HTML);
  });

  it("offline, answers a page never kept with a plain 'no connection' page", async () => {
    const w = await ready();
    await signedIn("s-amira");
    w.network.online = false;
    const response = await w.navigate("/");
    expect(response?.status).toBe(503);
    expect(await response?.text()).toContain("No connection");
  });

  it("offline, with nobody signed in and no copy of the sign-in screen, says to sign in when the Wi-Fi is back", async () => {
    const w = await ready();
    w.network.online = false;
    const response = await w.navigate("/sign-in?ended=idle");
    expect(response?.status).toBe(200);
    const html = await response?.text();
    expect(html).toContain("sign in again when the Wi-Fi is back");
    expect(html).toContain("30 minutes without use");
  });

  it("never keeps a redirect or an error as a page", async () => {
    const w = await ready();
    await w.navigate("/sign-in");
    w.network.pages.set("/cases/cbroken0000000000000000000", () => basic("oops", { status: 500 }));
    await w.navigate("/cases/cbroken0000000000000000000");
    expect(cachedPaths(w, "coach-pages-v2-s-amira")).toEqual([]);
  });

  it("leaves the API, writes and other origins to the network", async () => {
    const w = await ready();
    expect(await w.get("/api/cases/abc")).toBeUndefined();
    // The live stream (docs/decisions/0026) is never answered or kept by the worker.
    expect(await w.get("/api/live")).toBeUndefined();
    expect(await w.get("/api/live?case=cabc")).toBeUndefined();
    expect(await w.get("/", "POST")).toBeUndefined();
    expect(await w.get("https://elsewhere.example/x.js")).toBeUndefined();
    expect(await w.get("/manager")).toBeUndefined();
  });

  it("serves hashed files cache-first", async () => {
    const w = await ready();
    w.network.served.length = 0;
    await w.get("/_next/static/chunks/shell.js");
    expect(w.network.served).toEqual([]);
  });

  it("keeps the page the browser loaded before the worker was in control, and says when it is ready", async () => {
    const w = await ready();
    const answer = await w.message({
      type: "keep-page",
      page: "/",
      assets: [`${ORIGIN}/_next/static/chunks/home.js`, `${ORIGIN}/api/not-a-file`],
    });
    expect(answer).toEqual({ type: "kept", page: "/", status: 200, shellReady: true });
    expect(cachedPaths(w, "coach-pages-v2-s-amira")).toEqual(["/"]);
    expect(cachedPaths(w, "coach-static-v2")).not.toContain("/api/not-a-file");
  });

  it("forgets the kept pages at sign-out, but not the shell", async () => {
    const w = await ready();
    await w.navigate("/");
    expect(await w.message({ type: "forget-pages" })).toEqual({ type: "forgot" });
    expect([...w.stores.keys()].filter((name) => name.startsWith("coach-pages-"))).toEqual([]);
    expect(cachedPaths(w, "coach-shell-v2")).toEqual(["/cases/offline"]);
  });

  describe("the heads-up pages (docs/decisions/0036)", () => {
    const HEADS_UP_PAGES = ["/heads-ups", "/heads-ups/hu-lobster", "/heads-up-cases/hcase-table-4"];
    const headsUpPage = (sessionId: string, who: string, path: string) =>
      `<html><head><meta name="coach-session" content="${sessionId}"/></head><body>${who} · ${path} · Lobster sold out — Table 4</body></html>`;
    /** The server renders each heads-up page for whoever's cookie it gets. */
    function headsUpServer(w: ReturnType<typeof worker>, who: () => { sessionId: string; name: string }) {
      for (const path of HEADS_UP_PAGES) w.network.pages.set(path, () => basic(headsUpPage(who().sessionId, who().name, path)));
    }
    const headsUpCaches = (w: ReturnType<typeof worker>) => [...w.stores.keys()].filter((name) => name.startsWith("coach-pages-"));

    it.each(HEADS_UP_PAGES)("keeps %s for the session it was rendered for, and serves it back offline to that session", async (path) => {
      const w = await ready();
      headsUpServer(w, () => ({ sessionId: "s-amira", name: "Amira Shah" }));
      await signedIn("s-amira");
      await w.navigate(path);
      expect(cachedPaths(w, "coach-pages-v2-s-amira")).toEqual([path]);
      w.network.online = false;
      const answer = await w.navigate(path);
      expect(answer?.status).toBe(200);
      expect(await answer?.text()).toContain(`Amira Shah · ${path}`);
    });

    it("keeps a heads-up page the browser loaded before the worker was in control, and says it is ready", async () => {
      const w = await ready();
      headsUpServer(w, () => ({ sessionId: "s-amira", name: "Amira Shah" }));
      const answer = await w.message({ type: "keep-page", page: "/heads-ups/hu-lobster", assets: [] });
      expect(answer).toEqual({ type: "kept", page: "/heads-ups/hu-lobster", status: 200, shellReady: true });
      expect(cachedPaths(w, "coach-pages-v2-s-amira")).toEqual(["/heads-ups/hu-lobster"]);
    });

    it("offline, answers a heads-up page never kept here with 'no connection', not the case shell", async () => {
      const w = await ready();
      await signedIn("s-amira");
      w.network.online = false;
      const answer = await w.navigate("/heads-ups/hu-never-seen");
      expect(answer?.status).toBe(503);
      expect(await answer?.text()).toContain("No connection");
    });

    describe.each([
      ["signed out (or switch user, revoked, expired)", async () => (await IdbTabletStore.open()).endSession(), 302],
      ["left idle past the time-out", () => signedIn("s-amira", Date.now() - 31 * 60_000), 302],
      // Ben is signed in, his own pages not kept yet: "no connection", and Amira's kept pages go.
      ["followed by the next person's session", () => signedIn("s-ben"), 503],
    ])("after Amira's session is %s", (_how, endAmirasSession, status) => {
      it.each(HEADS_UP_PAGES)("offline, shows nothing of hers at %s", async (path) => {
        const w = await ready();
        headsUpServer(w, () => ({ sessionId: "s-amira", name: "Amira Shah" }));
        await signedIn("s-amira");
        for (const p of HEADS_UP_PAGES) await w.navigate(p);
        expect(cachedPaths(w, "coach-pages-v2-s-amira")).toEqual([...HEADS_UP_PAGES].sort());
        await endAmirasSession();
        w.network.online = false;
        const answer = await w.navigate(path);
        const html = answer ? await answer.text() : "";
        expect(html).not.toContain("Amira Shah");
        expect(html).not.toContain("Lobster");
        expect(answer?.status).toBe(status);
        if (status === 302) expect(answer?.headers.get("location")).toMatch(/\/sign-in$/);
        // Nothing of hers is left to serve later either.
        expect(headsUpCaches(w)).not.toContain("coach-pages-v2-s-amira");
      });
    });

    it("retires Amira's kept heads-up pages when Ben's first page comes, and serves Ben only his own", async () => {
      const w = await ready();
      let who = { sessionId: "s-amira", name: "Amira Shah" };
      headsUpServer(w, () => who);
      await signedIn("s-amira");
      for (const p of HEADS_UP_PAGES) await w.navigate(p);
      // Switch user: Ben signs in on the tablet and opens the list.
      await signedIn("s-ben");
      who = { sessionId: "s-ben", name: "Ben Okafor" };
      await w.navigate("/heads-ups");
      expect(headsUpCaches(w)).toEqual(["coach-pages-v2-s-ben"]);
      w.network.online = false;
      expect(await (await w.navigate("/heads-ups"))?.text()).toContain("Ben Okafor");
      // The heads-up Amira had open: Ben never opened it, so nothing of it is shown to him.
      const hers = await w.navigate("/heads-ups/hu-lobster");
      expect(hers?.status).toBe(503);
      expect(await hers?.text()).not.toContain("Amira Shah");
    });

    it("forgets the kept heads-up pages at sign-out", async () => {
      const w = await ready();
      headsUpServer(w, () => ({ sessionId: "s-amira", name: "Amira Shah" }));
      for (const p of HEADS_UP_PAGES) await w.navigate(p);
      await w.message({ type: "forget-pages" });
      expect(headsUpCaches(w)).toEqual([]);
    });
  });

  describe("on Wi-Fi that is connected but dead", () => {
    // Only the timers the worker uses: IndexedDB (fake-indexeddb) runs on setImmediate.
    beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
    afterEach(() => vi.useRealTimers());
    it("serves the session's kept copy after a few seconds instead of waiting forever", async () => {
      const w = await ready();
      await signedIn("s-amira");
      await w.navigate("/");
      w.network.hang = true;
      let answer: Response | undefined;
      void w.answerTo("/").then((r) => (answer = r));
      await vi.advanceTimersByTimeAsync(1000);
      expect(answer).toBeUndefined(); // still giving the network its chance
      await vi.advanceTimersByTimeAsync(3500);
      await vi.waitFor(() => expect(answer).toBeDefined()); // the worker reads the tablet's session (IndexedDB) first
      expect(await answer?.text()).toBe(HOME_HTML);
    });
  });
});

/**
 * Issue 9, finding 2: "The service worker serves cached pages after the session has ended (idle
 * sign-out, expiry, revoked session, cookie gone): offline, / and /cases/<id> showed the previous
 * user's name and the customer's words. Pages are cached by path only, so a slow network (> 4 s)
 * can also hand one user's cached page to another."
 *
 * Now public/sw.js keeps a page only in the cache of the session it was rendered for, serves it
 * only while the tablet's record of that same session is current and not idle, and drops it when
 * the session ends. Run in a stand-in service worker scope with the tablet's real store
 * (fake-indexeddb) — tests/integration/support/service-worker-harness.ts.
 */
import "fake-indexeddb/auto";
import { deleteDB } from "idb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DB_NAME, IdbTabletStore } from "@/lib/tablet/tablet-store";
import { basic, worker } from "../integration/support/service-worker-harness";

const page = (sessionId: string, who: string) =>
  `<html><head><meta name="coach-session" content="${sessionId}"/></head><body>${who} · “My room is freezing” — Table 4</body></html>`;
const AMIRAS_HOME = page("s-amira", "Amira Shah");
const BENS_HOME = page("s-ben", "Ben Okafor");
const SIGN_IN = "<html><body>Who are you?</body></html>";

async function tabletSession(sessionId: string | null, lastActiveAt = Date.now()) {
  const store = await IdbTabletStore.open();
  if (sessionId === null) return store.endSession();
  await store.putSession({
    sessionId,
    user: { id: sessionId, name: sessionId, role: "staff" },
    locationId: "loc-harbour",
    startedAt: lastActiveAt,
    lastActiveAt,
    idleMs: 30 * 60_000,
    seal: null,
  });
}

/** A worker whose network serves `home` as "/" (the page the server renders for whoever's cookie it gets). */
async function ready(home: () => string) {
  const w = worker();
  w.network.pages.set("/", () => basic(home()));
  w.network.pages.set("/cases/offline", () => basic("<html>case shell</html>"));
  w.network.pages.set("/sign-in", () => basic(SIGN_IN));
  await w.install();
  await w.activate();
  return w;
}

const text = async (response: Response | undefined) => (response ? await response.text() : "");

beforeEach(async () => {
  await deleteDB(DB_NAME);
});

describe("issue 9 finding 2: kept pages belong to one session", () => {
  it("offline, shows nothing of a session that has ended (signed out, expired, revoked, cookie gone)", async () => {
    await tabletSession("s-amira");
    const w = await ready(() => AMIRAS_HOME);
    expect(await text(await w.navigate("/"))).toContain("Amira Shah");
    // Her session ends on the tablet (any of the ways it can), and the Wi-Fi is gone.
    await tabletSession(null);
    w.network.online = false;
    const answer = await w.navigate("/");
    expect(await text(answer)).not.toContain("Amira Shah");
    expect(answer?.status).toBe(302);
    expect(answer?.headers.get("location")).toMatch(/\/sign-in$/);
    expect([...w.stores.keys()].filter((name) => name.startsWith("coach-pages-"))).toEqual([]);
  });

  it("offline, shows nothing of a session left idle past the time-out, even before the page noticed", async () => {
    await tabletSession("s-amira");
    const w = await ready(() => AMIRAS_HOME);
    await w.navigate("/");
    await tabletSession("s-amira", Date.now() - 31 * 60_000);
    w.network.online = false;
    expect(await text(await w.navigate("/"))).not.toContain("Amira Shah");
  });

  describe("on a slow network", () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
    afterEach(() => vi.useRealTimers());

    it("never hands one person's kept page to the next", async () => {
      await tabletSession("s-amira");
      let serving = AMIRAS_HOME;
      const w = await ready(() => serving);
      await w.navigate("/");
      // Ben signs in on the tablet; then the Wi-Fi turns slow (connected, nothing comes back).
      await tabletSession(null);
      await tabletSession("s-ben");
      serving = BENS_HOME;
      w.network.hang = true;
      let answer: Response | undefined;
      void w.answerTo("/").then((r) => (answer = r));
      await vi.advanceTimersByTimeAsync(6000);
      await new Promise((resolve) => setImmediate(resolve));
      // Amira's copy is not an answer: Ben waits for his own page.
      expect(await text(answer)).not.toContain("Amira Shah");
    });
  });

  it("keeps each session's pages apart, and retires the last session's when the next one's first page comes", async () => {
    await tabletSession("s-amira");
    let serving = AMIRAS_HOME;
    const w = await ready(() => serving);
    await w.navigate("/");
    expect([...w.stores.keys()].filter((n) => n.startsWith("coach-pages-"))).toEqual(["coach-pages-v2-s-amira"]);
    await tabletSession("s-ben");
    serving = BENS_HOME;
    await w.navigate("/");
    expect([...w.stores.keys()].filter((n) => n.startsWith("coach-pages-"))).toEqual(["coach-pages-v2-s-ben"]);
    w.network.online = false;
    expect(await text(await w.navigate("/"))).toContain("Ben Okafor");
  });

  it("after a switch of user without Wi-Fi, signs the old session out on the server before any page loads", async () => {
    await tabletSession("s-amira");
    let signedOut = false;
    // Until the server hears of the sign-out, Amira's cookie would still open her home page.
    const w = await ready(() => (signedOut ? SIGN_IN : AMIRAS_HOME));
    w.network.pages.set("/api/session/sign-out", () => {
      signedOut = true;
      return basic("{}", { headers: { "content-type": "application/json" } });
    });
    await w.navigate("/");
    w.network.online = false;
    await tabletSession(null); // "Switch user", offline: the tablet could not tell the server
    w.network.online = true;
    w.network.served.length = 0;
    const first = await w.navigate("/");
    expect(w.network.served.slice(0, 2)).toEqual(["/api/session/sign-out", "/"]);
    expect(await text(first)).not.toContain("Amira Shah");
    // Told once: the next page load does not tell it again.
    w.network.served.length = 0;
    await w.navigate("/manager");
    expect(w.network.served).toEqual(["/manager"]);
  });

  it("drops every session's pages when the server answers with the sign-in screen (the session is over there)", async () => {
    await tabletSession("s-amira");
    const w = await ready(() => AMIRAS_HOME);
    await w.navigate("/");
    await w.navigate("/sign-in");
    expect([...w.stores.keys()].filter((n) => n.startsWith("coach-pages-"))).toEqual([]);
  });
});

import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, goOffline, goOnline, pairedState, signInWithPin, snap, test } from "./helpers";

/**
 * Heads-ups without Wi-Fi (docs/decisions/0034-heads-ups-offline.md): a member of staff raises a
 * heads-up and ticks a table off another with the network cut; the tablet says each is "Saved on
 * this tablet, will send when online"; when the connection returns each reaches the server once,
 * as theirs. The network is cut twice over, as in offline.spec.ts: Chromium's offline emulation,
 * and every request from the page or its service worker aborted.
 */

type Floor = { headsUps: { id: string; what: string; raisedBy: string; told: { spot: string; toldBy: string }[] }[] };

/** Another tablet of the venue (Maria's), online throughout: what the server has. */
async function colleague(baseURL: string | undefined): Promise<APIRequestContext> {
  const maria = await playwrightRequest.newContext({ baseURL, storageState: pairedState("loc-harbour") });
  const signedIn = await maria.post("/api/session/pin", {
    data: { userId: "usr-maria", pin: "9406", locationId: "loc-harbour" },
    headers: { origin: baseURL ?? "" },
  });
  expect(signedIn.status()).toBe(200);
  return maria;
}
/** A heads-up raised online from Maria's tablet: its id. */
async function raisedByColleague(maria: APIRequestContext, baseURL: string | undefined, heading: Record<string, unknown>): Promise<string> {
  const raised = await maria.post("/api/heads-ups", {
    headers: { origin: baseURL ?? "" },
    data: { clientEventId: randomUUID(), ...heading },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  return ((await raised.json()) as { id: string }).id;
}
const floorOf = async (api: APIRequestContext) => (await (await api.get("/api/floor")).json()) as Floor;

test("a heads-up raised and a table ticked off without Wi-Fi are kept on the tablet, then arrive once each", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const maria = await colleague(baseURL);
  const what = `Lobster sold out ${randomUUID().slice(0, 6)}`;
  // A heads-up Maria raised earlier, for Amira to tick a table off.
  const alertId = await raisedByColleague(maria, baseURL, {
    kind: "running_late",
    what: "Kitchen 20 minutes behind",
    reason: "A party of twenty arrived at once",
    options: [
      { choice: "wait", text: "Wait 20 minutes, bread on us" },
      { choice: "cancel", text: "Cancel the mains" },
    ],
  });
  try {
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await page.goto("/heads-ups");
    await expect(page.getByRole("heading", { name: "Raise a heads-up" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    // The Wi-Fi drops while she raises one.
    await goOffline(context);
    await page.getByLabel("What kind of problem").selectOption("sold_out");
    await page.getByLabel("What is happening").fill(what);
    await page.getByLabel("The plain, true reason").fill("The morning delivery was smaller than ordered");
    await page.getByLabel("Option 1", { exact: true }).fill("Wait for the crab instead, 10 minutes");
    await page.getByLabel("Option 2", { exact: true }).fill("The sea bass, cooked the same way");
    await page.getByRole("button", { name: "Raise for the whole venue" }).click();
    await expect(page.getByTestId("heads-up-capture-status")).toContainText("Saved on this tablet, will send when online");
    const queued = page.getByTestId("heads-up-queued").filter({ hasText: what });
    await expect(queued).toContainText("Saved on this tablet, will send when online");
    await expect(page.getByTestId("heads-up-sent")).toHaveCount(0);
    await expect(page.getByTestId("heads-up-capture-status")).toContainText(what);
    // The form is free again; nothing left it for the server.
    await expect(page.getByLabel("What is happening")).toHaveValue("");
    expect((await floorOf(maria)).headsUps.filter((h) => h.what === what)).toHaveLength(0);
    await queued.scrollIntoViewIfNeeded();
    await snap(page, "heads-up-offline-queued");

    // Back online: it goes by itself, once, as Amira's.
    await goOnline(context);
    await expect(page.getByTestId("heads-up-sent").filter({ hasText: what })).toContainText("✓ Sent", { timeout: 30_000 });
    await expect(page.getByTestId("heads-up-queued")).toHaveCount(0);
    // The note about it waiting has gone with it.
    await expect(page.getByTestId("heads-up-capture-status")).toHaveCount(0);
    await page.getByTestId("heads-up-sent").first().scrollIntoViewIfNeeded();
    await snap(page, "heads-up-offline-sent");
    const raised = (await floorOf(maria)).headsUps.filter((h) => h.what === what);
    expect(raised).toHaveLength(1);
    expect(raised[0].raisedBy).toBe("Amira Shah");

    // Ticking a table off the earlier heads-up: the Wi-Fi drops again.
    await page.goto(`/heads-ups/${alertId}`);
    await expect(page.getByRole("heading", { name: "Tick off a table or room" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await goOffline(context);
    await page.getByRole("textbox", { name: "Table or room" }).fill("Table 12");
    await page.getByRole("button", { name: /Wait: Wait 20 minutes/ }).click();
    await page.getByRole("button", { name: "Told them" }).click();
    await expect(page.getByTestId("heads-up-capture-status")).toContainText("Table 12: Saved on this tablet, will send when online");
    const tableQueued = page.getByTestId("heads-up-queued").filter({ hasText: "Table 12" });
    await expect(tableQueued).toContainText("Saved on this tablet, will send when online");
    await tableQueued.scrollIntoViewIfNeeded();
    await snap(page, "heads-up-offline-table-queued");
    expect((await floorOf(maria)).headsUps.find((h) => h.id === alertId)?.told).toEqual([]);

    await goOnline(context);
    await expect(page.getByTestId("heads-up-sent").filter({ hasText: "Table 12" })).toContainText("✓ Sent", { timeout: 30_000 });
    await expect(page.getByTestId("tables-told")).toContainText("Table 12 · told by Amira Shah");
    const told = (await floorOf(maria)).headsUps.find((h) => h.id === alertId)?.told ?? [];
    expect(told.map((t) => [t.spot, t.toldBy])).toEqual([["Table 12", "Amira Shah"]]);

    // A reload (and every later flush) sends nothing again.
    await page.reload();
    await expect(page.getByTestId("tables-told").locator("li")).toHaveCount(1);
    expect((await floorOf(maria)).headsUps.filter((h) => h.what === what)).toHaveLength(1);
  } finally {
    for (const h of (await floorOf(maria)).headsUps.filter((h) => h.id === alertId || h.what === what)) {
      await maria.post(`/api/heads-ups/${h.id}/end`, { data: {}, headers: { origin: baseURL ?? "" } });
    }
    await maria.dispose();
  }
});

/** Everything this origin's IndexedDB holds for the app, as text: what the next person could dig out. */
async function storedOnTablet(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("complaint-coach");
        open.onerror = () => reject(new Error("cannot open the tablet's store"));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, "readonly");
          const dump: Record<string, unknown> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (dump[name] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(dump));
          };
        };
      }),
  );
}

test("handed over before the Wi-Fi returns: the next person finds nothing of it, and it arrives once, as its author's", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const maria = await colleague(baseURL);
  const what = `Terrace closed ${randomUUID().slice(0, 6)}`;
  try {
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await page.goto("/heads-ups");
    await expect(page.getByRole("heading", { name: "Raise a heads-up" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    await goOffline(context);
    await page.getByLabel("What is happening").fill(what);
    await page.getByLabel("The plain, true reason").fill("The wind is too strong for the awnings");
    await page.getByLabel("Option 1", { exact: true }).fill("A table inside by the window");
    await page.getByLabel("Option 2", { exact: true }).fill("Wait at the bar for the next terrace table");
    await page.getByRole("button", { name: "Raise for the whole venue" }).click();
    await expect(page.getByTestId("heads-up-queued").filter({ hasText: what })).toBeVisible();
    expect(await storedOnTablet(page)).toContain(what);

    // Amira hands the tablet over, still without Wi-Fi: only the seal is left.
    await page.getByRole("button", { name: "Switch user" }).click();
    await expect(page).toHaveURL(/\/sign-in\?ended=signed-out$/);
    const left = await storedOnTablet(page);
    for (const secret of [what, "The wind is too strong", "A table inside", "usr-amira"]) expect(left).not.toContain(secret);

    // The Wi-Fi returns: the sign-in screen sends it, sealed; the server records it as Amira's, once.
    await goOnline(context);
    await page.goto("/sign-in");
    await expect
      .poll(async () => (await floorOf(maria)).headsUps.filter((h) => h.what === what).map((h) => h.raisedBy), { timeout: 30_000 })
      .toEqual(["Amira Shah"]);

    // Ben signs in: it is on the floor (it is live at his venue), but nothing of Amira's is his to see or send on this tablet.
    await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
    await page.goto("/heads-ups");
    await expect(page.getByRole("heading", { name: "Raise a heads-up" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("heads-up-outbox")).toHaveCount(0);
    await expect(page.getByTestId("heads-up-banner").filter({ hasText: what })).toContainText("Raised by Amira Shah");
    expect((await floorOf(maria)).headsUps.filter((h) => h.what === what)).toHaveLength(1);
  } finally {
    for (const h of (await floorOf(maria)).headsUps.filter((h) => h.what === what)) {
      await maria.post(`/api/heads-ups/${h.id}/end`, { data: {}, headers: { origin: baseURL ?? "" } });
    }
    await maria.dispose();
  }
});

/** Whether the service worker has kept `path` in some session's page cache (public/sw.js). */
async function keptOffline(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    for (const name of await caches.keys()) {
      if (!name.startsWith("coach-pages-")) continue;
      const keys = await (await caches.open(name)).keys();
      if (keys.some((request) => new URL(request.url).pathname === wanted)) return true;
    }
    return false;
  }, path);
}

test("offline, a heads-up page reloads for the person who opened it, and shows nothing of it to the next person", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const maria = await colleague(baseURL);
  const what = `Card machines down ${randomUUID().slice(0, 6)}`;
  const alertId = await raisedByColleague(maria, baseURL, {
    kind: "out_of_order",
    what,
    reason: "The card terminal lost its line",
    options: [
      { choice: "wait", text: "Pay in ten minutes when it is back" },
      { choice: "change", text: "Pay in cash, or by bank transfer" },
    ],
  });
  try {
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await page.goto("/heads-ups");
    await expect(page.getByRole("heading", { name: "Raise a heads-up" })).toBeVisible();
    await expect.poll(() => keptOffline(page, "/heads-ups"), { timeout: 30_000 }).toBe(true);
    await page.goto(`/heads-ups/${alertId}`);
    await expect(page.getByRole("heading", { name: what })).toBeVisible();
    await expect.poll(() => keptOffline(page, `/heads-ups/${alertId}`), { timeout: 30_000 }).toBe(true);
    await page.waitForLoadState("networkidle");

    // The Wi-Fi drops and the page is reloaded: the same person gets the page back, working.
    await goOffline(context);
    await page.reload();
    await expect(page.getByRole("heading", { name: what })).toBeVisible();
    await expect(page.locator("header").first()).toContainText("Amira Shah");
    await expect(page.getByRole("heading", { name: "Tick off a table or room" })).toBeVisible();
    await snap(page, "heads-up-offline-reload");
    await page.goto("/heads-ups");
    await expect(page.getByRole("heading", { name: "Raise a heads-up" })).toBeVisible();
    await expect(page.locator("header").first()).toContainText("Amira Shah");

    // She hands the tablet over, still offline: her heads-up pages are not shown to whoever comes next.
    await page.goto(`/heads-ups/${alertId}`);
    await page.getByRole("button", { name: "Switch user" }).click();
    await expect(page).toHaveURL(/\/sign-in\?ended=signed-out$/);
    for (const path of ["/heads-ups", `/heads-ups/${alertId}`]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/);
      await expect(page.locator("body")).not.toContainText("Amira Shah");
      await expect(page.locator("body")).not.toContainText(what);
      expect(await keptOffline(page, path)).toBe(false);
    }

    // Ben signs in when the Wi-Fi is back, then it drops again: the heads-up he never opened here
    // is "no connection" for him, not Amira's copy.
    await goOnline(context);
    await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await goOffline(context);
    await page.goto(`/heads-ups/${alertId}`);
    await expect(page.getByRole("heading", { name: "No connection" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Amira Shah");
    await expect(page.locator("body")).not.toContainText(what);
    await snap(page, "heads-up-offline-next-person");
    await goOnline(context);
  } finally {
    await goOnline(context).catch(() => undefined);
    await maria.post(`/api/heads-ups/${alertId}/end`, { data: {}, headers: { origin: baseURL ?? "" } });
    await maria.dispose();
  }
});

test("a heads-up ended without Wi-Fi waits on the tablet, survives a reload, then ends once, as its raiser's", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const maria = await colleague(baseURL);
  const what = `Oysters sold out ${randomUUID().slice(0, 6)}`;
  let alertId = "";
  try {
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    // Amira raised it earlier (online): hers to end.
    const raised = await page.request.post("/api/heads-ups", {
      headers: { origin: baseURL ?? "" },
      data: {
        clientEventId: randomUUID(),
        kind: "sold_out",
        what,
        reason: "The boat could not go out this morning",
        options: [
          { choice: "change", text: "The mussels instead" },
          { choice: "cancel", text: "Cancel the starter" },
        ],
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    alertId = ((await raised.json()) as { id: string }).id;
    await page.goto(`/heads-ups/${alertId}`);
    await expect(page.getByRole("heading", { name: what })).toBeVisible();
    await expect.poll(() => keptOffline(page, `/heads-ups/${alertId}`), { timeout: 30_000 }).toBe(true);
    await page.waitForLoadState("networkidle");

    await goOffline(context);
    await page.getByLabel("How it ended (optional)").fill("The afternoon boat came in");
    await page.getByRole("button", { name: "It's over: end the heads-up" }).click();
    await expect(page.getByTestId("heads-up-capture-status")).toContainText("Saved on this tablet, will send when online");
    const queued = page.getByTestId("heads-up-queued").filter({ hasText: `Ending: ${what}` });
    await expect(queued).toContainText("Saved on this tablet, will send when online");
    // Once is enough: the button waits with it.
    await expect(page.getByRole("button", { name: "It's over: end the heads-up" })).toBeDisabled();
    await queued.scrollIntoViewIfNeeded();
    await snap(page, "heads-up-end-queued");
    expect((await floorOf(maria)).headsUps.some((h) => h.id === alertId)).toBe(true);

    // Reloaded without Wi-Fi: the page comes back, and so does what waits.
    await page.reload();
    await expect(page.getByRole("heading", { name: what })).toBeVisible();
    await expect(page.getByTestId("heads-up-queued").filter({ hasText: `Ending: ${what}` })).toBeVisible();

    await goOnline(context);
    await expect(page.getByTestId("heads-up-sent").filter({ hasText: `Ended: ${what}` })).toContainText("✓ Sent", { timeout: 30_000 });
    await expect(page.getByText(/· ended by Amira Shah/)).toBeVisible();
    await expect(page.getByText("“The afternoon boat came in”")).toBeVisible();
    await expect(page.getByTestId("heads-up-queued")).toHaveCount(0);
    await page.getByTestId("heads-up-sent").first().scrollIntoViewIfNeeded();
    await snap(page, "heads-up-end-sent");
    expect((await floorOf(maria)).headsUps.some((h) => h.id === alertId)).toBe(false);
  } finally {
    await goOnline(context).catch(() => undefined);
    if (alertId) await maria.post(`/api/heads-ups/${alertId}/end`, { data: {}, headers: { origin: baseURL ?? "" } });
    await maria.dispose();
  }
});

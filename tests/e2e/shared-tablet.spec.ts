import { request as playwrightRequest, type Page } from "@playwright/test";
import { BASE_URL, expect, goOffline, goOnline, pairedState, pairTablet, signInWithPin, snap, test } from "./helpers";

/**
 * Issue 9: one tablet, passed from hand to hand. Pairing a tablet; then, on a paired tablet, a
 * person captures steps without Wi-Fi and their session ends — by "Switch user", by the idle
 * time-out, or on the server — and the next person finds nothing of theirs: no case, no name, no
 * kept page, and the case shell refuses. The steps still reach the server, once, as the person's
 * who captured them; a step forged in their name is refused and stores nothing.
 */

const CUSTOMER_WORDS = "My name is Jane Doe and the heating in room 118 has been off all night.";

/** Opens a case with the Wi-Fi off and records what the customer said: two steps waiting on the tablet. */
async function captureOffline(page: Page): Promise<string> {
  await page.getByRole("button", { name: /New complaint/ }).click();
  await expect(page).toHaveURL(/\/cases\/offline\?id=c[0-9a-z]{24}$/);
  const caseId = new URL(page.url()).searchParams.get("id") ?? "";
  const listen = page.getByTestId("stage-panel-listen");
  await listen.getByLabel("What the customer says").fill(CUSTOMER_WORDS);
  await listen.getByRole("group", { name: "Category" }).getByRole("button", { name: "Cleanliness" }).click();
  await listen
    .getByRole("group", { name: "Severity" })
    .getByRole("button", { name: /Moderate/ })
    .click();
  await listen.getByLabel("Where").fill("Room 118");
  await listen.getByRole("group", { name: "Mood" }).getByRole("button", { name: "Upset" }).click();
  await listen.getByRole("button", { name: "Heard — next" }).click();
  await expect(page.getByTestId("save-status")).toContainText("2 steps waiting to send");
  return caseId;
}

/**
 * Everything this origin keeps in IndexedDB and the service worker's page caches, as text. (The
 * sign-in screen is kept too; on a paired tablet it lists the venue's team by design.)
 */
async function everythingKept(page: Page): Promise<{ stored: string; pages: string; cacheNames: string[] }> {
  return page.evaluate(async () => {
    const stored: Record<string, unknown[]> = {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("complaint-coach");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const name of db.objectStoreNames) {
      stored[name] = await new Promise<unknown[]>((resolve) => {
        const get = db.transaction(name).objectStore(name).getAll();
        get.onsuccess = () => resolve(get.result);
      });
    }
    db.close();
    const cacheNames = await caches.keys();
    let pages = "";
    for (const name of cacheNames.filter((n) => !n.includes("static"))) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname !== "/sign-in") pages += `${request.url}\n${await (await cache.match(request))?.text()}\n`;
      }
    }
    return { stored: JSON.stringify(stored), pages, cacheNames };
  });
}

/** What the next person can find: nothing of the previous session in storage, kept pages or the case shell. */
async function expectNothingLeft(page: Page, caseId: string) {
  const kept = await everythingKept(page);
  for (const secret of ["Jane Doe", "room 118", "Room 118", "Amira"]) {
    expect(kept.stored, `"${secret}" in IndexedDB`).not.toContain(secret);
    expect(kept.pages, `"${secret}" in a kept page`).not.toContain(secret);
  }
  expect(kept.cacheNames.filter((n) => n.startsWith("coach-pages-"))).toEqual([]);
  await page.goto(`/cases/offline?id=${caseId}`);
  await expect(page.getByTestId("offline-signed-out")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Jane Doe");
}

/** The server's copy of the case, as a manager at the venue sees it. */
async function serverLog(caseId: string): Promise<{ type: string; actor: { id: string }; clientEventId: string }[]> {
  const maria = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: pairedState("loc-harbour") });
  try {
    expect((await maria.post("/api/session/pin", { data: { userId: "usr-maria", pin: "9406" } })).status()).toBe(200);
    const response = await maria.get(`/api/cases/${caseId}`);
    if (response.status() !== 200) return [];
    return ((await response.json()) as { log: { type: string; actor: { id: string }; clientEventId: string }[] }).log;
  } finally {
    await maria.dispose();
  }
}

async function expectArrivedAsAmiras(caseId: string) {
  await expect
    .poll(async () => (await serverLog(caseId)).map((e) => `${e.type}:${e.actor.id}`), { timeout: 30_000 })
    .toEqual(["case_opened:usr-amira", "complaint_heard:usr-amira"]);
  const log = await serverLog(caseId);
  expect(new Set(log.map((e) => e.clientEventId)).size).toBe(log.length);
}

test.describe("pairing", () => {
  test.use({ paired: false });

  test("an unpaired browser gets email and password only; a manager's code pairs it, and it lists its venue's people", async ({
    page,
    browser,
    baseURL,
  }) => {
    // Unpaired: nobody's name, no PIN pad.
    await page.goto("/sign-in");
    await expect(page.getByTestId("not-paired")).toBeVisible();
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByRole("button", { name: /Amira Shah/ })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText("Amira");
    await snap(page, "sign-in-unpaired");
    // Nor does the server take a PIN from it.
    const refused = await page.request.post("/api/session/pin", { data: { userId: "usr-amira", pin: "4827" } });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/only on a tablet paired/);

    // The manager, on her own device, makes a code on the desk → Tablets.
    const desk = await browser.newContext({ baseURL, viewport: { width: 1180, height: 820 } });
    const manager = await desk.newPage();
    await manager.goto("/sign-in");
    await manager.getByLabel("Email").fill("maria@example.com");
    await manager.getByLabel("Password").fill("manager-demo-pass");
    await manager.getByRole("button", { name: "Sign in" }).click();
    await expect(manager.getByRole("button", { name: "Switch user" })).toBeVisible();
    await manager.goto("/manager/tablets");
    await manager.getByLabel("Tablet's name").fill("Front desk");
    await manager.getByRole("button", { name: "Make a pairing code" }).click();
    const code = (await manager.getByTestId("pairing-code-value").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(manager.getByRole("img", { name: /QR code of the pairing link/ })).toBeVisible();
    await snap(manager, "pairing-code");

    // On the tablet: the link (or the QR) opens the pairing page with the code filled in.
    await page.goto(`/pair?code=${code}`);
    await expect(page.getByLabel("Pairing code")).toHaveValue(code);
    await snap(page, "pair-tablet");
    await page.getByRole("button", { name: "Pair this tablet" }).click();
    await expect(page.getByTestId("paired-tablet")).toContainText("Front desk · The Harbour Kitchen");
    await expect(page.getByRole("button", { name: /Amira Shah/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Chloé Martin/ })).toHaveCount(0);
    await snap(page, "sign-in-paired");

    // The same code does not pair a second tablet.
    const second = await browser.newContext({ baseURL });
    const reused = await second.request.post("/api/devices/pair", { data: { code } });
    expect(reused.status()).toBe(400);
    await second.close();

    // The desk lists the tablet with its last use, and can unpair it: the tablet is back to email and password.
    await manager.reload();
    const row = manager.getByTestId("paired-tablet-row").filter({ hasText: "Front desk" }).first();
    await expect(row).toContainText("last used");
    await row.getByRole("button", { name: /Unpair/ }).click();
    await expect(manager.getByRole("status")).toContainText("is unpaired");
    await page.goto("/sign-in");
    await expect(page.getByTestId("not-paired")).toBeVisible();
    await desk.close();
  });
});

test.describe("one tablet, hand to hand", () => {
  test("switch user: the next person finds nothing of the last, and the last one's steps arrive as theirs", async ({ page, context }) => {
    test.setTimeout(120_000);
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await goOffline(context);
    const caseId = await captureOffline(page);

    // Amira hands the tablet over, still without Wi-Fi.
    await page.getByRole("button", { name: "Switch user" }).click();
    await expect(page).toHaveURL(/\/sign-in\?ended=signed-out$/);
    await expect(page.getByTestId("session-ended")).toContainText("Nothing of the last person's is left");
    await expectNothingLeft(page, caseId);
    // Going home offline does not bring her page back either.
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("button", { name: "Switch user" })).toHaveCount(0);

    // The Wi-Fi comes back: the sign-in screen sends her sealed steps, as hers.
    await goOnline(context);
    await page.goto("/sign-in");
    await expectArrivedAsAmiras(caseId);

    // Ben signs in: nothing of Amira's case on his home screen, and the shell will not open it.
    await signInWithPin(page, "The Harbour Kitchen", "Ben Okafor", "5163");
    await expect(page.getByTestId("tablet-status")).not.toContainText("Room 118");
    await expect(page.locator("main")).not.toContainText("Jane Doe");
    await page.goto(`/cases/offline?id=${caseId}`);
    await expect(page.getByRole("heading", { name: "This case is not on this tablet" })).toBeVisible();

    // A step forged in Amira's name (her key's id, no valid seal) is refused and stores nothing.
    const forged = await page.request.post("/api/steps/sealed", {
      data: {
        keyId: "cforgedkeyid0000000000001",
        iv: "AAAAAAAAAAAAAAAA",
        data: Buffer.from(JSON.stringify({ v: 1, kind: "event", caseId })).toString("base64url"),
      },
      headers: { origin: BASE_URL },
    });
    expect(forged.status()).toBe(403);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/seal does not match/);
    expect((await serverLog(caseId)).length).toBe(2);
  });

  test("idle time-out: the tablet signs itself out, clears itself, and the steps still arrive", async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await goOffline(context);
    const caseId = await captureOffline(page);

    // Nobody touches the tablet for 31 minutes.
    await page.clock.fastForward("31:00");
    await expect(page).toHaveURL(/\/sign-in\?ended=idle$/, { timeout: 20_000 });
    await expect(page.getByTestId("session-ended")).toContainText("30 minutes without use");
    await snap(page, "sign-in-after-idle");
    await expectNothingLeft(page, caseId);

    await goOnline(context);
    await page.goto("/sign-in");
    await expectArrivedAsAmiras(caseId);
  });

  test("ended on the server: the tablet notices, clears itself, and the steps still arrive", async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
    await expect(page.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await goOffline(context);
    const caseId = await captureOffline(page);

    // An admin resets Amira's PIN (to the same one): every session of hers ends on the server.
    const admin = await playwrightRequest.newContext({ baseURL });
    expect(
      (await admin.post("/api/session/password", { data: { email: "admin@example.com", password: "admin-demo-pass" } })).status(),
    ).toBe(200);
    expect(
      (await admin.put("/api/admin/users/usr-amira/credentials", { data: { pin: "4827" }, headers: { origin: baseURL ?? "" } })).status(),
    ).toBe(200);
    await admin.dispose();

    // Back online, the tablet's next look at the server finds the session gone (it may notice by
    // itself first, and be on its way to the sign-in screen already).
    await goOnline(context);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.goto("/").catch(() => undefined);
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 20_000 });
    await expectNothingLeft(page, caseId);
    await page.goto("/sign-in");
    await expectArrivedAsAmiras(caseId);
  });

  test("a lost tablet is unpaired: its session ends, PIN sign-in stops there, and what it had sealed still counts", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const lost = await browser.newContext({
      baseURL,
      storageState: { cookies: [await pairTablet("loc-harbour", "Tablet that will be lost")], origins: [] },
    });
    const tablet = await lost.newPage();
    await signInWithPin(tablet, "The Harbour Kitchen", "Ben Okafor", "5163");
    await expect(tablet.getByTestId("offline-ready")).toBeVisible({ timeout: 30_000 });
    await goOffline(lost);
    await tablet.getByRole("button", { name: /New complaint/ }).click();
    await expect(tablet).toHaveURL(/\/cases\/offline\?id=c[0-9a-z]{24}$/);
    const caseId = new URL(tablet.url()).searchParams.get("id") ?? "";
    await expect(tablet.getByTestId("save-status")).toContainText("1 step waiting to send");

    // The admin unpairs it from Admin → Tablets.
    const desk = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const admin = await desk.newPage();
    await admin.goto("/sign-in");
    await admin.getByLabel("Email").fill("admin@example.com");
    await admin.getByLabel("Password").fill("admin-demo-pass");
    await admin.getByRole("button", { name: "Sign in" }).click();
    await expect(admin.getByRole("button", { name: "Switch user" })).toBeVisible();
    await admin.goto("/admin/tablets");
    const row = admin.getByTestId("paired-tablet-row").filter({ hasText: "Tablet that will be lost" }).first();
    await snap(admin, "admin-tablets");
    await row.getByRole("button", { name: /Unpair/ }).click();
    await expect(admin.getByRole("status")).toContainText("is unpaired");
    await desk.close();

    // Back online: Ben's session is over, the tablet takes no PIN, and the case it had sealed arrives as Ben's.
    await goOnline(lost);
    await tablet.goto("/").catch(() => undefined); // it may be on its way to the sign-in screen already
    await expect(tablet).toHaveURL(/\/sign-in/, { timeout: 20_000 });
    await expect(tablet.getByTestId("not-paired")).toBeVisible();
    expect((await tablet.request.post("/api/session/pin", { data: { userId: "usr-ben", pin: "5163" } })).status()).toBe(403);
    await expect
      .poll(async () => (await serverLog(caseId)).map((e) => `${e.type}:${e.actor.id}`), { timeout: 30_000 })
      .toEqual(["case_opened:usr-ben"]);
    await lost.close();
  });
});

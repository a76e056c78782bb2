import { request as playwrightRequest, expect, test, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pairedState, pairingCode, SCREENSHOT_DIR } from "./helpers";
import { startCutProxy, type CutProxy } from "../webkit/cut-proxy";
import { Tablet } from "../webkit/tablet";
import { pair, signIn } from "../webkit/walkthrough";
import { miniBrowserPath, newSession, startDriver, startXvfb, type Session, type Started } from "../webkit/webdriver";

// Safari's engine (WebKitGTK's MiniBrowser, as in webkit.spec.ts): a heads-up raised while the
// tablet's connection goes nowhere is kept ("Saved on this tablet, will send when online") and
// reaches the server once when it returns (docs/decisions/0034-heads-ups-offline.md); so does ending
// it (docs/decisions/0036-heads-up-pages-and-ending-offline.md). WebDriver
// has no offline switch: the tablet reaches the app through a loopback proxy the test cuts.

const e2ePort = Number(process.env.E2E_PORT ?? "3100");
const driverPort = Number(process.env.WEBKIT_DRIVER_PORT ?? e2ePort + 44) + 3;
const proxyPort = e2ePort + 46;
const QUEUED = "Saved on this tablet, will send when online";
const END = "It's over: end the heads-up";

/** Types into a field named only by its aria-label (the option rows). */
async function fillNamed(tablet: Tablet, name: string, text: string) {
  const field = await tablet.get("css", `input[aria-label="${name}"]`);
  await tablet.session.clear(field);
  await tablet.session.sendKeys(field, text);
  await tablet.until(`“${name}” to read “${text}”`, () =>
    tablet.session.execute<boolean>("return arguments[0].value === arguments[1];", field, text),
  );
}

type Floor = { headsUps: { id: string; what: string; raisedBy: string }[] };
const floorOf = async (api: APIRequestContext) => (await (await api.get("/api/floor")).json()) as Floor;

test.describe("WebKit", () => {
  test.skip(process.env.SKIP_WEBKIT === "1", "SKIP_WEBKIT=1: the WebKit heads-up walk was not run");

  test("a heads-up raised with the connection cut is kept on the tablet, then arrives once", async ({}, testInfo) => {
    test.setTimeout(180_000);
    const binary = miniBrowserPath();
    expect(binary, "WebKitGTK's MiniBrowser is missing: apt-get install -y webkit2gtk-driver xvfb (or SKIP_WEBKIT=1)").not.toBeNull();
    expect(existsSync("/usr/bin/Xvfb") || existsSync("/usr/local/bin/Xvfb"), "Xvfb is missing: apt-get install -y xvfb").toBe(true);
    const baseURL = testInfo.project.use.baseURL ?? `http://localhost:${e2ePort}`;
    const what = `Oysters off tonight ${randomUUID().slice(0, 6)}`;

    const maria = await playwrightRequest.newContext({ baseURL, storageState: pairedState("loc-harbour") });
    const signedIn = await maria.post("/api/session/pin", {
      data: { userId: "usr-maria", pin: "9406", locationId: "loc-harbour" },
      headers: { origin: baseURL },
    });
    expect(signedIn.status()).toBe(200);

    const started: Started[] = [];
    let session: Session | null = null;
    let proxy: CutProxy | null = null;
    try {
      proxy = await startCutProxy(new URL(baseURL), proxyPort);
      const xvfb = await startXvfb();
      started.push(xvfb);
      const driver = await startDriver(xvfb.display, driverPort);
      started.push(driver);
      session = await newSession(driver.url, binary ?? "");
      await session.setWindowRect(1180, 858);
      const tablet = new Tablet(session, proxy.url, (line) => console.log(line));

      await pair(tablet, await pairingCode("loc-harbour", "WebKit heads-up tablet"));
      await signIn(tablet, { location: "The Harbour Kitchen", name: "Amira Shah", pin: "4827" });
      await tablet.go("/heads-ups");
      await tablet.get("button", "Raise for the whole venue");
      // The page fetches the tablet's store and sync once it is idle.
      await new Promise((resolve) => setTimeout(resolve, 3000));

      proxy.cut();
      await tablet.fill("What is happening", what);
      await tablet.fill("The plain, true reason", "The delivery did not pass our checks");
      await fillNamed(tablet, "Option 1", "Half a dozen prawns instead");
      await fillNamed(tablet, "Option 2", "Take the starter off the order");
      await tablet.tap("button", "Raise for the whole venue");
      await tablet.until("the heads-up to be kept on the tablet", async () =>
        (await tablet.text("testid", "heads-up-capture-status")).includes(QUEUED),
      );
      expect(await tablet.text("testid", "heads-up-queued")).toContain(what);
      expect((await floorOf(maria)).headsUps.filter((h) => h.what === what)).toHaveLength(0);
      writeFileSync(path.join(SCREENSHOT_DIR, "webkit-heads-up-offline-queued.png"), await tablet.screenshot());

      // The connection returns (no "online" event: the Wi-Fi never said it was down); the sync's retry sends it.
      proxy.restore();
      await tablet.until("the heads-up to be sent", async () => (await tablet.find("testid", "heads-up-sent")) !== null, 45_000);
      expect(await tablet.text("testid", "heads-up-sent")).toContain("✓ Sent");
      expect(await tablet.find("testid", "heads-up-queued")).toBeNull();
      const raised = (await floorOf(maria)).headsUps.filter((h) => h.what === what);
      expect(raised.map((h) => h.raisedBy)).toEqual(["Amira Shah"]);
      writeFileSync(path.join(SCREENSHOT_DIR, "webkit-heads-up-offline-sent.png"), await tablet.screenshot());

      // Amira ends it with the connection cut (docs/decisions/0036): kept the same way, then sent once.
      await tablet.go(`/heads-ups/${raised[0].id}`);
      await tablet.get("button", END);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      proxy.cut();
      await tablet.fill("How it ended (optional)", "The fishmonger came after all");
      await tablet.tap("button", END);
      await tablet.until("the end to be kept on the tablet", async () =>
        (await tablet.text("testid", "heads-up-capture-status")).includes(QUEUED),
      );
      expect(await tablet.text("testid", "heads-up-queued")).toContain(`Ending: ${what}`);
      expect((await floorOf(maria)).headsUps.filter((h) => h.what === what)).toHaveLength(1);
      await tablet.session.execute(
        "document.querySelector('[data-testid=\"heads-up-queued\"]').scrollIntoView({ block: 'center' }); return true;",
      );
      writeFileSync(path.join(SCREENSHOT_DIR, "webkit-heads-up-end-queued.png"), await tablet.screenshot());
      proxy.restore();
      // The page refreshes as it goes (the heads-up shows ended): read the line once it has settled.
      await tablet.until(
        "the end to be sent",
        async () => (await tablet.text("testid", "heads-up-sent").catch(() => "")).includes("✓ Sent"),
        45_000,
      );
      expect((await floorOf(maria)).headsUps.filter((h) => h.what === what)).toHaveLength(0);
      const errors = (await tablet.errors()).filter(
        (e) => !/Load failed|NetworkError|network connection was lost|Could not connect/i.test(e),
      );
      expect(errors, "page errors on the tablet").toEqual([]);
    } finally {
      for (const h of (await floorOf(maria)).headsUps.filter((h) => h.what === what)) {
        await maria.post(`/api/heads-ups/${h.id}/end`, { data: {}, headers: { origin: baseURL } });
      }
      await maria.dispose();
      await session?.close();
      for (const process of started.reverse()) await process.stop();
      await proxy?.stop();
    }
  });
});

import { expect, test } from "@playwright/test";
import { existsSync } from "node:fs";
import { pairingCode, SCREENSHOT_DIR } from "./helpers";
import { Tablet } from "../webkit/tablet";
import { caseWaitingForManager, decideOnBoard, pair, signIn, signOut, walkComplaint } from "../webkit/walkthrough";
import { miniBrowserPath, newSession, startDriver, startXvfb, type Session, type Started } from "../webkit/webdriver";

// Safari's engine, as on the venues' iPads: WebKitGTK's MiniBrowser under Xvfb, driven over W3C
// WebDriver (tests/webkit/), against the same production server as the rest of this suite. One
// complete complaint on the tablet, then the manager's live board; any page error fails it.
// `.ci/run` installs webkit2gtk-driver and xvfb; elsewhere SKIP_WEBKIT=1 leaves it out, loudly.

const port = Number(process.env.WEBKIT_DRIVER_PORT ?? Number(process.env.E2E_PORT ?? "3100") + 44);

test.describe("WebKit", () => {
  test.skip(process.env.SKIP_WEBKIT === "1", "SKIP_WEBKIT=1: the WebKit walk-through was not run");

  test("a whole complaint on the tablet and the manager's board, with no page errors", async ({}, testInfo) => {
    test.setTimeout(240_000);
    const binary = miniBrowserPath();
    expect(binary, "WebKitGTK's MiniBrowser is missing: apt-get install -y webkit2gtk-driver xvfb (or SKIP_WEBKIT=1)").not.toBeNull();
    expect(existsSync("/usr/bin/Xvfb") || existsSync("/usr/local/bin/Xvfb"), "Xvfb is missing: apt-get install -y xvfb").toBe(true);

    const started: Started[] = [];
    let session: Session | null = null;
    try {
      const xvfb = await startXvfb();
      started.push(xvfb);
      const driver = await startDriver(xvfb.display, port);
      started.push(driver);
      session = await newSession(driver.url, binary ?? "");
      // MiniBrowser's toolbar takes 38 px: this leaves an iPad-landscape page of 1180 × 820.
      await session.setWindowRect(1180, 858);
      const tablet = new Tablet(session, testInfo.project.use.baseURL ?? "http://localhost:3100", (line) => console.log(line));

      await pair(tablet, await pairingCode("loc-harbour", "WebKit tablet"));
      await signIn(tablet, { location: "The Harbour Kitchen", name: "Amira Shah", pin: "4827" });
      await walkComplaint(tablet, SCREENSHOT_DIR);
      expect(await tablet.errors(), "page errors on the tablet").toEqual([]);

      const reference = await caseWaitingForManager(tablet);
      await signOut(tablet);
      await signIn(tablet, { location: "The Harbour Kitchen", name: "Maria Costa", pin: "9406" });
      await decideOnBoard(tablet, reference, SCREENSHOT_DIR);
      expect(await tablet.errors(), "page errors on the manager's board").toEqual([]);
    } finally {
      await session?.close();
      for (const process of started.reverse()) await process.stop();
    }
  });
});

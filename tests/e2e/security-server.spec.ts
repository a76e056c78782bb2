import http from "node:http";
import type { Page } from "@playwright/test";
import { expect, signInWithPin, test } from "./helpers";

/**
 * Issue 10 on the running server (the unit-level tests are in tests/security/):
 *  - 10.9: every page's scripts run under a per-request nonce, and nothing else runs;
 *  - 10.3: a 100 MB body is refused with 413 while it is still being sent.
 */

const nonceIn = (policy: string) => /script-src[^;]*'nonce-([^']+)'/.exec(policy)?.[1] ?? null;

/** Records CSP violations in the page, from the first script on. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

async function expectNonceOnEveryInlineScript(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy, url).not.toMatch(/script-src[^;]*unsafe-inline/);
  const nonce = nonceIn(policy);
  expect(nonce, url).toBeTruthy();
  const html = await response?.text();
  const inline = [...(html ?? "").matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]);
  expect(inline.length, url).toBeGreaterThan(0);
  for (const attributes of inline) expect(attributes, url).toContain(`nonce="${nonce}"`);
  return nonce;
}

test("pages run their own scripts under a fresh nonce, and an injected script does not run", async ({ page }) => {
  const errors = await watchViolations(page);
  const first = await expectNonceOnEveryInlineScript(page, "/sign-in");
  const second = await expectNonceOnEveryInlineScript(page, "/sign-in");
  expect(first).not.toBe(second);

  // The pages still work: sign in, open the home screen, the offline case shell.
  await signInWithPin(page, "The Harbour Kitchen", "Amira Shah", "4827");
  await expectNonceOnEveryInlineScript(page, "/");
  await expect(page.getByRole("button", { name: /New complaint/ })).toBeVisible();
  await expectNonceOnEveryInlineScript(page, "/cases/offline");

  // Something that slipped into the page (say, unescaped text) cannot run a script.
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations).toEqual([expect.stringMatching(/^script-src/)]);
  // …and the app's own scripts caused none: the only complaint in the console is about the injected one.
  expect(errors.length).toBeLessThanOrEqual(1);
  for (const error of errors) expect(error).toMatch(/inline script/i);
});

test("production answers carry HSTS; API answers a policy with no inline scripts", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  const api = await request.get("/api/cases/none");
  expect(api.headers()["content-security-policy"]).toMatch(/default-src 'none'/);
});

/** Sends `total` bytes to the PIN sign-in in 64 KB pieces until the server answers; resolves with the answer and what was sent. */
function postHuge(
  baseURL: string,
  total: number,
  declareLength: boolean,
): Promise<{ status: number; body: string; sent: number; ms: number }> {
  const url = new URL("/api/session/pin", baseURL);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { "content-type": "application/json", origin: url.origin };
    if (declareLength) headers["content-length"] = total;
    const req = http.request(url, { method: "POST", headers }, (res) => {
      answered = true;
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sent, ms: Date.now() - started });
        req.destroy();
      });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("a 100 MB body to the unauthenticated sign-in is refused with 413 long before it is all sent", async ({ baseURL }) => {
  for (const declareLength of [true, false]) {
    const answer = await postHuge(baseURL ?? "", 100 * 1024 * 1024, declareLength);
    expect(answer.status, `Content-Length declared: ${declareLength}`).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "payload_too_large", message: expect.stringMatching(/too large/) } });
    // The answer came while the body was still being sent: a few MB at most went out, not 100.
    expect(answer.sent, `Content-Length declared: ${declareLength}`).toBeLessThan(20 * 1024 * 1024);
  }
});

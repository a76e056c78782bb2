// A small W3C WebDriver client over fetch, for WebKitGTK's WebKitWebDriver (Safari's engine, as
// on iPads). Playwright cannot download its own WebKit on these machines, and the protocol is
// small: sessions, navigation, elements, clicks, keys, scripts and screenshots. Element lookups
// run in the page (by label, by button text), as a person finds things on the screen.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { Readable } from "node:stream";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
export type ElementRef = { [ELEMENT]: string };

const MINI_BROWSER_PATHS = [
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
];

export function miniBrowserPath(): string | null {
  return process.env.WEBKIT_MINIBROWSER ?? MINI_BROWSER_PATHS.find((p) => existsSync(p)) ?? null;
}

export class WebDriverError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(`${error}: ${message}`);
  }
}

export class Session {
  constructor(
    private readonly driver: string,
    readonly id: string,
  ) {}

  private async call<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.driver}/session/${this.id}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new WebDriverError(json.value.error ?? String(response.status), json.value.message ?? "");
    return json.value;
  }

  navigate(url: string) {
    return this.call<null>("POST", "/url", { url });
  }
  url() {
    return this.call<string>("GET", "/url");
  }
  /** Runs `script` (a function body; `arguments` are `args`) in the page and returns its value. */
  execute<T>(script: string, ...args: unknown[]) {
    return this.call<T>("POST", "/execute/sync", { script, args });
  }
  click(element: ElementRef) {
    return this.call<null>("POST", `/element/${element[ELEMENT]}/click`, {});
  }
  clear(element: ElementRef) {
    return this.call<null>("POST", `/element/${element[ELEMENT]}/clear`, {});
  }
  sendKeys(element: ElementRef, text: string) {
    return this.call<null>("POST", `/element/${element[ELEMENT]}/value`, { text });
  }
  screenshot() {
    return this.call<string>("GET", "/screenshot").then((base64) => Buffer.from(base64, "base64"));
  }
  setWindowRect(width: number, height: number) {
    return this.call<unknown>("POST", "/window/rect", { width, height });
  }
  async close() {
    await this.call<null>("DELETE", "").catch(() => undefined);
  }
}

export async function newSession(driver: string, binary: string): Promise<Session> {
  const response = await fetch(`${driver}/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary, args: ["--automation"] } } } }),
  });
  const json = (await response.json()) as { value: { sessionId?: string; error?: string; message?: string } };
  if (!response.ok || !json.value.sessionId) throw new WebDriverError(json.value.error ?? "session", json.value.message ?? "no session");
  return new Session(driver, json.value.sessionId);
}

/** A process this run started, stopped (and waited for) at the end. */
export type Started = { process: ChildProcess; stop: () => Promise<void> };

function started(child: ChildProcess): Started {
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}

/** Xvfb on a display it picks itself (-displayfd), unless XVFB_DISPLAY names one. */
export async function startXvfb(): Promise<Started & { display: string }> {
  const fixed = process.env.XVFB_DISPLAY;
  const args = ["-screen", "0", "1280x1024x24", "-nolisten", "tcp"];
  const child = spawn("Xvfb", fixed ? [fixed, ...args] : ["-displayfd", "3", ...args], { stdio: ["ignore", "ignore", "pipe", "pipe"] });
  const display = fixed
    ? await new Promise<string>((resolve) => setTimeout(() => resolve(fixed), 500))
    : await new Promise<string>((resolve, reject) => {
        let text = "";
        (child.stdio[3] as Readable).on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes("\n")) resolve(`:${text.trim()}`);
        });
        child.once("exit", (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
        setTimeout(() => reject(new Error("Xvfb did not report a display within 10 s")), 10_000).unref();
      });
  return { ...started(child), display };
}

/** WebKitWebDriver on `port`, answering /status. */
export async function startDriver(display: string, port: number): Promise<Started & { url: string }> {
  const child = spawn("WebKitWebDriver", [`--port=${port}`, "--host=127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, DISPLAY: display },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}); is port ${port} free?`);
    const ok = await fetch(`${url}/status`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { ...started(child), url };
    if (Date.now() > deadline) throw new Error("WebKitWebDriver did not answer within 15 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

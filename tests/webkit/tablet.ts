// The tablet as a person uses it, over WebDriver: find a field by its label, a button by its
// words, a chip in a named group; type into fields (cleared first: WebDriver's typing adds to
// what is there); wait for the screen to change. Page errors are hooked in the page itself
// (WebKitWebDriver has no log endpoint) and any one fails the walk.
import type { ElementRef, Session } from "./webdriver";

// Runs in the page: finds one visible element the way a person would.
const FIND = `
  const [kind, text, scopeSelector] = arguments;
  const scope = scopeSelector ? document.querySelector(scopeSelector) : document;
  if (!scope) return null;
  const words = (el) => (el.textContent || "").replace(/\\s+/g, " ").trim();
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const all = (selector) => [...scope.querySelectorAll(selector)].filter(visible);
  if (kind === "testid") return scope.querySelector('[data-testid="' + text + '"]');
  if (kind === "css") return all(text)[0] || null;
  if (kind === "button") {
    const buttons = all("button, a");
    return buttons.find((b) => words(b) === text) || buttons.find((b) => words(b).startsWith(text)) || null;
  }
  if (kind === "label") {
    const label = all("label").find((l) => words(l) === text);
    return label ? label.control || document.getElementById(label.htmlFor) : null;
  }
  if (kind === "check") {
    const name = all("label span").find((s) => words(s) === text);
    return name ? name.closest("label").querySelector("input") : null;
  }
  if (kind === "radio") return all("input[type=radio]").find((r) => r.value === text) || null;
  if (kind === "chip") {
    const [group, chip] = text;
    const set = all("fieldset").find((f) => f.querySelector("legend") && words(f.querySelector("legend")).startsWith(group));
    if (!set) return null;
    return [...set.querySelectorAll("button")].find((b) => words(b).replace(/^✓ /, "").startsWith(chip)) || null;
  }
  return null;
`;

// Installs the error hooks once per page load; errors also go to sessionStorage, so an error just
// before a full-page navigation is still there after it.
const HOOK = `
  if (window.__coachHooked) return true;
  window.__coachHooked = true;
  const keep = (message) => {
    try {
      const kept = JSON.parse(sessionStorage.getItem("__coachErrors") || "[]");
      kept.push(String(message).slice(0, 500));
      sessionStorage.setItem("__coachErrors", JSON.stringify(kept));
    } catch (e) {}
  };
  window.addEventListener("error", (e) => keep("error: " + (e.message || e.type) + (e.filename ? " at " + e.filename + ":" + e.lineno : "")));
  window.addEventListener("unhandledrejection", (e) => keep("unhandled rejection: " + ((e.reason && (e.reason.stack || e.reason.message)) || e.reason)));
  const original = console.error.bind(console);
  console.error = (...args) => {
    keep("console.error: " + args.map((a) => (a && a.stack) || (typeof a === "object" ? JSON.stringify(a) : String(a))).join(" "));
    original(...args);
  };
  return true;
`;

const READ_ERRORS = `
  try { return JSON.parse(sessionStorage.getItem("__coachErrors") || "[]"); } catch (e) { return []; }
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Tablet {
  constructor(
    readonly session: Session,
    readonly base: string,
    readonly log: (line: string) => void = () => undefined,
  ) {}

  async go(path: string): Promise<void> {
    await this.session.navigate(new URL(path, this.base).href);
    await this.settle();
  }

  /** The page has loaded and its error hooks are in. */
  async settle(): Promise<void> {
    await this.until("the page to load", () => this.session.execute<boolean>("return document.readyState === 'complete';"));
    await this.session.execute(HOOK);
  }

  /** Every page error, unhandled rejection or console.error since the walk began. */
  async errors(): Promise<string[]> {
    await this.session.execute(HOOK);
    return this.session.execute<string[]>(READ_ERRORS);
  }

  async until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await check();
        if (value) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? ` (${String(last)})` : ""}`);
      await sleep(150);
    }
  }

  find(kind: "testid" | "css" | "button" | "label" | "check" | "radio", text: string, scope?: string): Promise<ElementRef | null>;
  find(kind: "chip", text: [string, string], scope?: string): Promise<ElementRef | null>;
  find(kind: string, text: string | [string, string], scope?: string): Promise<ElementRef | null> {
    return this.session.execute<ElementRef | null>(FIND, kind, text, scope ?? null);
  }

  /** Waits for the element, then returns it. */
  async get(kind: "testid" | "css" | "button" | "label" | "check" | "radio", text: string, scope?: string): Promise<ElementRef>;
  async get(kind: "chip", text: [string, string], scope?: string): Promise<ElementRef>;
  async get(
    kind: "testid" | "css" | "button" | "label" | "check" | "radio" | "chip",
    text: string | [string, string],
    scope?: string,
  ): Promise<ElementRef> {
    return this.until(`${kind} “${String(text)}”${scope ? ` in ${scope}` : ""}`, () => this.find(kind as "css", text as string, scope));
  }

  async tap(kind: "testid" | "css" | "button" | "label" | "check" | "radio", text: string, scope?: string): Promise<void>;
  async tap(kind: "chip", text: [string, string], scope?: string): Promise<void>;
  async tap(
    kind: "testid" | "css" | "button" | "label" | "check" | "radio" | "chip",
    text: string | [string, string],
    scope?: string,
  ): Promise<void> {
    const element = await this.get(kind as "css", text as string, scope);
    await this.session.click(element);
  }

  /** Types into a field, clearing it first (and checking React saw exactly the words). */
  async fill(label: string, text: string, scope?: string): Promise<void> {
    const field = await this.get("label", label, scope);
    await this.session.clear(field);
    const left = await this.session.execute<string>("return arguments[0].value;", field);
    // A controlled field may keep its value through WebDriver's clear: select it and delete.
    if (left) await this.session.sendKeys(field, "\uE009a\uE000\uE003");
    await this.session.sendKeys(field, text);
    await this.until(
      `“${label}” to read “${text}”`,
      () => this.session.execute<boolean>("return arguments[0].value === arguments[1];", field, text),
      5000,
    );
  }

  async text(kind: "testid" | "css", selector: string): Promise<string> {
    const element = await this.get(kind, selector);
    return this.session.execute<string>("return arguments[0].innerText;", element);
  }

  /** Waits for the stage panel to be on screen and hydrated (it takes input). */
  async stage(name: string): Promise<void> {
    await this.get("css", `[data-testid="stage-panel-${name}"][data-ready="true"]`);
    this.log(`  at ${name}`);
  }

  /** Two animation frames, so a screenshot shows what was just rendered. */
  async screenshot(): Promise<Buffer> {
    await this.session.execute("return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));");
    return this.session.screenshot();
  }

  /** Calls the app's API from the page, as the signed-in person (same-origin, with the session cookie). */
  async api<T>(path: string, body: unknown): Promise<{ status: number; json: T }> {
    return this.session.execute<{ status: number; json: T }>(
      `return fetch(arguments[0], { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(arguments[1]) })
        .then(async (r) => ({ status: r.status, json: await r.json() }));`,
      path,
      body,
    );
  }
}

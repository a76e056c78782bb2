import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * public/sw.js, run in a small stand-in for a service worker's global scope: an in-memory Cache
 * Storage, a network that can be switched off, and install / activate / fetch / message events.
 * The same worker runs in Chromium in tests/e2e/offline.spec.ts.
 */
const ORIGIN = "http://tablet.test";
const source = readFileSync(path.resolve(__dirname, "..", "..", "public", "sw.js"), "utf8");

type Handler = (event: Record<string, unknown>) => void;
type RequestLike = { url: string; method: string; mode: string };

const abs = (url: string) => new URL(url, ORIGIN).href;
const keyOf = (input: RequestLike | string, ignoreSearch = false) => {
  const url = new URL(typeof input === "string" ? input : input.url, ORIGIN);
  if (ignoreSearch) url.search = "";
  return url.href;
};

class MemoryCache {
  entries = new Map<string, Response>();
  async match(input: RequestLike | string, options: { ignoreSearch?: boolean } = {}) {
    const key = keyOf(input, options.ignoreSearch);
    for (const [k, v] of this.entries) if ((options.ignoreSearch ? keyOf(k, true) : k) === key) return v.clone();
    return undefined;
  }
  async put(input: RequestLike | string, response: Response) {
    this.entries.set(keyOf(input), response);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
  async delete(input: RequestLike | string | { url: string }) {
    return this.entries.delete(keyOf(typeof input === "string" ? input : input.url));
  }
}

function basic(body: string, init: ResponseInit = {}): Response {
  const response = new Response(body, { status: 200, headers: { "content-type": "text/html" }, ...init });
  Object.defineProperty(response, "type", { value: "basic" });
  return response;
}

function worker() {
  const handlers = new Map<string, Handler[]>();
  const stores = new Map<string, MemoryCache>();
  const network = { online: true, hang: false, served: [] as string[], pages: new Map<string, () => Response>() };
  const caches = {
    async open(name: string) {
      if (!stores.has(name)) stores.set(name, new MemoryCache());
      return stores.get(name) as MemoryCache;
    },
    async match(input: RequestLike | string, options: { cacheName?: string; ignoreSearch?: boolean } = {}) {
      const names = options.cacheName ? [options.cacheName] : [...stores.keys()];
      for (const name of names) {
        const hit = await stores.get(name)?.match(input, options);
        if (hit) return hit;
      }
      return undefined;
    },
    async keys() {
      return [...stores.keys()];
    },
    async delete(name: string) {
      return stores.delete(name);
    },
  };
  const fetch = async (input: RequestLike | string) => {
    const url = keyOf(input);
    if (network.hang) return new Promise<Response>(() => undefined);
    if (!network.online) throw new TypeError("Failed to fetch");
    network.served.push(new URL(url).pathname + new URL(url).search);
    const page = network.pages.get(new URL(url).pathname);
    return page ? page() : basic("not found", { status: 404 });
  };
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, handler: Handler) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  vm.runInNewContext(source, {
    self,
    caches,
    fetch,
    Response,
    URL,
    setTimeout: (fn: () => void, ms: number, ...args: unknown[]) => setTimeout(fn, ms, ...args),
    console,
  });

  async function dispatch(type: string, extra: Record<string, unknown>) {
    const waits: Promise<unknown>[] = [];
    let responded: Promise<Response> | undefined;
    const event = { ...extra, waitUntil: (p: Promise<unknown>) => waits.push(p), respondWith: (p: Promise<Response>) => (responded = p) };
    for (const handler of handlers.get(type) ?? []) handler(event);
    const response = responded ? await responded : undefined;
    await Promise.all(waits);
    return response;
  }
  /** The worker's answer alone, without waiting for what it does in the background. */
  const answerTo = (url: string) => {
    let responded: Promise<Response> | undefined;
    const event = { request: { url: abs(url), method: "GET", mode: "navigate" }, waitUntil: () => undefined, respondWith: (p: Promise<Response>) => (responded = p) };
    for (const handler of handlers.get("fetch") ?? []) handler(event);
    return responded as Promise<Response>;
  };
  const navigate = (url: string) => dispatch("fetch", { request: { url: abs(url), method: "GET", mode: "navigate" } });
  const get = (url: string, method = "GET") => dispatch("fetch", { request: { url: abs(url), method, mode: "cors" } });
  const message = async (data: Record<string, unknown>) => {
    let answer: unknown;
    await dispatch("message", { data, ports: [{ postMessage: (m: unknown) => (answer = m) }] });
    return answer;
  };
  return { network, stores, answerTo, navigate, get, message, install: () => dispatch("install", {}), activate: () => dispatch("activate", {}) };
}

const SHELL_HTML = '<html><script src="/_next/static/chunks/shell.js"></script><link rel="stylesheet" href="/_next/static/css/app.css"></html>';
const HOME_HTML = '<html><script src="/_next/static/chunks/home.js"></script><script>self.__next_f.push([1,"\\"/_next/static/chunks/lazy.js\\""])</script></html>';

function serverPages(w: ReturnType<typeof worker>) {
  w.network.pages.set("/cases/offline", () => basic(SHELL_HTML));
  w.network.pages.set("/", () => basic(HOME_HTML));
  w.network.pages.set("/sign-in", () => {
    // Signed in already: the server redirects home (a navigation fetch sees it as opaque).
    const response = new Response(null, { status: 307, headers: { location: "/" } });
    Object.defineProperty(response, "type", { value: "opaqueredirect" });
    return response;
  });
  for (const asset of ["/_next/static/chunks/shell.js", "/_next/static/css/app.css", "/_next/static/chunks/home.js", "/_next/static/chunks/lazy.js"]) {
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

const cachedPaths = (w: ReturnType<typeof worker>, name: string) => [...(w.stores.get(name)?.entries.keys() ?? [])].map((k) => new URL(k).pathname + new URL(k).search).sort();

describe("the service worker", () => {
  it("keeps the case shell and the files it needs at install", async () => {
    const w = await ready();
    expect(cachedPaths(w, "coach-shell-v1")).toEqual(["/cases/offline"]);
    expect(cachedPaths(w, "coach-static-v1")).toEqual(["/_next/static/chunks/shell.js", "/_next/static/css/app.css"]);
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
    expect(cachedPaths(w, "coach-static-v1")).toEqual([
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
    expect(cachedPaths(w, "coach-pages-v1")).toEqual(["/"]);
    expect(cachedPaths(w, "coach-static-v1")).toContain("/_next/static/chunks/lazy.js");
  });

  it("offline, serves the kept copy of a page, and its files from the cache", async () => {
    const w = await ready();
    await w.navigate("/");
    w.network.online = false;
    expect(await (await w.navigate("/"))?.text()).toBe(HOME_HTML);
    expect((await w.get("/_next/static/chunks/home.js"))?.status).toBe(200);
  });

  it("offline, sends a case never displayed here to the case shell, which reads it from the tablet", async () => {
    const w = await ready();
    w.network.online = false;
    const redirect = await w.navigate("/cases/cabcdefghijklmnopqrstuvwx");
    expect(redirect?.status).toBe(302);
    expect(redirect?.headers.get("location")).toBe(`${ORIGIN}/cases/offline?id=cabcdefghijklmnopqrstuvwx`);
    expect(await (await w.navigate("/cases/offline?id=cabcdefghijklmnopqrstuvwx"))?.text()).toBe(SHELL_HTML);
  });

  it("offline, answers a page never kept with a plain 'no connection' page", async () => {
    const w = await ready();
    w.network.online = false;
    const response = await w.navigate("/sign-in");
    expect(response?.status).toBe(503);
    expect(await response?.text()).toContain("No connection");
  });

  it("never keeps a redirect or an error as a page", async () => {
    const w = await ready();
    await w.navigate("/sign-in");
    w.network.pages.set("/cases/cbroken0000000000000000000", () => basic("oops", { status: 500 }));
    await w.navigate("/cases/cbroken0000000000000000000");
    expect(cachedPaths(w, "coach-pages-v1")).toEqual([]);
  });

  it("leaves the API, writes and other origins to the network", async () => {
    const w = await ready();
    expect(await w.get("/api/cases/abc")).toBeUndefined();
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
    const answer = await w.message({ type: "keep-page", page: "/", assets: [`${ORIGIN}/_next/static/chunks/home.js`, `${ORIGIN}/api/not-a-file`] });
    expect(answer).toEqual({ type: "kept", page: "/", status: 200, shellReady: true });
    expect(cachedPaths(w, "coach-pages-v1")).toEqual(["/"]);
    expect(cachedPaths(w, "coach-static-v1")).not.toContain("/api/not-a-file");
  });

  it("forgets the kept pages at sign-out, but not the shell", async () => {
    const w = await ready();
    await w.navigate("/");
    expect(await w.message({ type: "forget-pages" })).toEqual({ type: "forgot" });
    expect(cachedPaths(w, "coach-pages-v1")).toEqual([]);
    expect(cachedPaths(w, "coach-shell-v1")).toEqual(["/cases/offline"]);
  });

  describe("on Wi-Fi that is connected but dead", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());
    it("serves the kept copy after a few seconds instead of waiting forever", async () => {
      const w = await ready();
      await w.navigate("/");
      w.network.hang = true;
      let answer: Response | undefined;
      void w.answerTo("/").then((r) => (answer = r));
      await vi.advanceTimersByTimeAsync(1000);
      expect(answer).toBeUndefined(); // still giving the network its chance
      await vi.advanceTimersByTimeAsync(3500);
      expect(await answer?.text()).toBe(HOME_HTML);
    });
  });
});

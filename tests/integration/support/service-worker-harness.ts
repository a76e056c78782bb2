import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/**
 * public/sw.js, run in a small stand-in for a service worker's global scope: an in-memory Cache
 * Storage, a network that can be switched off or left hanging, IndexedDB (fake-indexeddb, shared
 * with the page's store in the same test) and install / activate / fetch / message events.
 * Used by tests/integration/service-worker.test.ts and tests/security/i9-2-*.
 */
export const ORIGIN = "http://tablet.test";
const source = readFileSync(path.resolve(__dirname, "..", "..", "..", "public", "sw.js"), "utf8");

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

export function basic(body: string, init: ResponseInit = {}): Response {
  const response = new Response(body, { status: 200, headers: { "content-type": "text/html" }, ...init });
  Object.defineProperty(response, "type", { value: "basic" });
  return response;
}

export function worker() {
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
    // The tablet's store, when the test has one (fake-indexeddb/auto): who is signed in here now.
    indexedDB: (globalThis as { indexedDB?: unknown }).indexedDB,
    Date,
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
    const event = {
      request: { url: abs(url), method: "GET", mode: "navigate" },
      waitUntil: () => undefined,
      respondWith: (p: Promise<Response>) => (responded = p),
    };
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
  return {
    network,
    stores,
    answerTo,
    navigate,
    get,
    message,
    install: () => dispatch("install", {}),
    activate: () => dispatch("activate", {}),
  };
}

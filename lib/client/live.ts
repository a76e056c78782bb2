// Live updates in the browser (docs/decisions/0026): one EventSource per page on GET /api/live,
// shared by every part of the page that follows something (the board, the floor banner, the case
// view). A notice only says "this changed": each part refetches what it already fetches. Each part
// also keeps polling — slowly while the stream is healthy, at its old pace when it is not — so
// nothing depends on the stream.

/**
 * What a part of the page hears: a case changed, the floor changed, a step was held or reviewed at
 * the manager's venues (the held-steps badge), or "refetch: you may have missed something".
 */
export type LiveNotice = { type: "case"; caseId: string } | { type: "floor" } | { type: "held" } | { type: "sync" };

type Subscriber = { caseId?: string; onNotice: (notice: LiveNotice) => void; onHealth: () => void };

/** The server pings every 15 s: nothing heard for this long means the stream is dead without having said so. */
const SILENT_MS = 40_000;
const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 60_000;
/** Notices close together lead to one refetch, at most this often per part. */
const MIN_REFRESH_GAP_MS = 500;

const subscribers = new Set<Subscriber>();
let source: EventSource | null = null;
let sourceUrl = "";
let healthy = false;
let lastHeard = 0;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let watchdog: ReturnType<typeof setInterval> | undefined;

/** Whether notices are arriving now (parts poll slowly then). */
export function liveHealthy(): boolean {
  return healthy;
}

function setHealthy(value: boolean) {
  if (healthy === value) return;
  healthy = value;
  // Visible to tests and to anyone looking at the page: "stream" or "polling".
  document.documentElement.dataset.live = value ? "stream" : "polling";
  for (const s of [...subscribers]) s.onHealth();
}

function emit(notice: LiveNotice) {
  for (const s of [...subscribers]) s.onNotice(notice);
}

function wantedUrl(): string {
  let caseId: string | undefined;
  for (const s of subscribers) caseId = s.caseId ?? caseId;
  return caseId ? `/api/live?case=${encodeURIComponent(caseId)}` : "/api/live";
}

function closeSource() {
  source?.close();
  source = null;
  clearTimeout(retryTimer);
  retryTimer = undefined;
}

function retryLater() {
  closeSource();
  setHealthy(false);
  if (!subscribers.size) return;
  const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** failures++) * (0.75 + Math.random() / 2);
  retryTimer = setTimeout(openSource, delay);
}

function openSource() {
  if (typeof EventSource === "undefined" || !subscribers.size) return;
  const url = wantedUrl();
  if (source && sourceUrl === url && source.readyState !== EventSource.CLOSED) return;
  closeSource();
  sourceUrl = url;
  const es = new EventSource(url);
  source = es;
  const heard = () => {
    lastHeard = Date.now();
  };
  const sync = () => {
    heard();
    failures = 0;
    setHealthy(true);
    emit({ type: "sync" });
  };
  es.addEventListener("ready", sync);
  es.addEventListener("resync", sync);
  es.addEventListener("ping", heard);
  es.addEventListener("down", () => (heard(), setHealthy(false)));
  es.addEventListener("case", (event) => {
    heard();
    try {
      const id = (JSON.parse((event as MessageEvent<string>).data) as { case?: unknown }).case;
      if (typeof id === "string") emit({ type: "case", caseId: id });
    } catch {
      // not a notice of ours
    }
  });
  es.addEventListener("floor", () => (heard(), emit({ type: "floor" })));
  es.addEventListener("held", () => (heard(), emit({ type: "held" })));
  // The server ended the stream because the session is over: the pages' own requests find out (401).
  es.addEventListener("signed-out", retryLater);
  es.onerror = () => {
    if (source !== es) return;
    setHealthy(false);
    // CONNECTING: the browser reconnects by itself (the server's retry: 3 s). CLOSED: it gave up
    // (an answer that was not a stream: 401, 429…), so try again later, further apart each time.
    if (es.readyState === EventSource.CLOSED) retryLater();
  };
}

// iOS Safari drops connections of a page in the background, and a page kept in the back/forward
// cache must not hold one: reconnect when the page is shown again.
function onVisible() {
  if (document.visibilityState !== "visible") return;
  if (!source || source.readyState === EventSource.CLOSED) {
    failures = 0;
    openSource();
  }
}
function onPageHide() {
  closeSource();
  setHealthy(false);
}
function onPageShow() {
  onVisible();
}

function start() {
  document.documentElement.dataset.live = "polling";
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("pageshow", onPageShow);
  watchdog = setInterval(() => {
    if (source && healthy && Date.now() - lastHeard > SILENT_MS) {
      closeSource();
      setHealthy(false);
      openSource();
    }
  }, 10_000);
}
function stop() {
  document.removeEventListener("visibilitychange", onVisible);
  window.removeEventListener("pagehide", onPageHide);
  window.removeEventListener("pageshow", onPageShow);
  clearInterval(watchdog);
  closeSource();
  setHealthy(false);
}

/**
 * Keeps one part of the page up to date: `refresh` runs when a notice it `wants` arrives (and on
 * every (re)connection of the stream, which may have missed some), and on a timer — every
 * `slowMs` while the stream is healthy, every `fastMs` when it is not. Refreshes never overlap;
 * notices close together lead to one. Returns the function that stops it.
 */
export function followLive(options: {
  /** The case the page shows, if any: its notices come through even for people who do not see the board. */
  caseId?: string;
  wants: (notice: LiveNotice) => boolean;
  refresh: () => Promise<unknown>;
  fastMs: number;
  slowMs: number;
  /** Refresh once at once (a part that was rendered without data). */
  now?: boolean;
  /** Only while the page is visible (and once when it becomes visible again). */
  visibleOnly?: boolean;
}): () => void {
  const { wants, refresh, fastMs, slowMs, visibleOnly = false } = options;
  let stopped = false;
  let running = false;
  let again = false;
  let lastStart = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (ms = healthy ? slowMs : fastMs) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void run(), ms);
  };
  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (visibleOnly && document.visibilityState !== "visible") return schedule();
    const wait = lastStart + MIN_REFRESH_GAP_MS - Date.now();
    if (wait > 0) return schedule(wait);
    running = true;
    lastStart = Date.now();
    clearTimeout(timer);
    try {
      await refresh();
    } catch {
      // offline or refused: the part shows it; the timer tries again
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void run();
    } else schedule();
  };
  const onFocus = () => void run();

  const subscriber: Subscriber = {
    caseId: options.caseId,
    onNotice: (notice) => {
      if (notice.type === "sync" || wants(notice)) void run();
    },
    // The pace changed: the next poll comes at the new pace.
    onHealth: () => {
      if (!running) schedule();
    },
  };
  if (!subscribers.size) start();
  subscribers.add(subscriber);
  // After this render's other parts have subscribed too: one stream, opened once.
  queueMicrotask(openSource);
  if (visibleOnly) {
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
  }
  if (options.now) void run();
  else schedule();

  return () => {
    stopped = true;
    clearTimeout(timer);
    subscribers.delete(subscriber);
    if (visibleOnly) {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    }
    if (!subscribers.size) stop();
    // Another part may have followed a different case: open the stream it needs.
    else if (wantedUrl() !== sourceUrl) openSource();
  };
}

import { endLocalSession, establishSession, isIdle } from "./local-session";
import type { TabletStore } from "./tablet-store";

/**
 * Mounted on every signed-in page (components/ui/sign-out-button.tsx): keeps the tablet's record of
 * the session in step with the server's, counts the tablet as used on every touch or key, and
 * ends the session here — and on the server — when the tablet has been left alone for the idle
 * time, or when the server says the session is over (a page's request answered 401).
 */
export type EndReason = "idle" | "server" | "elsewhere";

const TOUCH_EVERY_MS = 15_000;
const CHECK_EVERY_MS = 10_000;

export function watchSession(store: TabletStore, onEnded: (reason: EndReason) => void): () => void {
  let lastActive = Date.now();
  let lastWritten = 0;
  let ending = false;
  let established = false;

  const end = async (reason: EndReason) => {
    if (ending) return;
    ending = true;
    // Ends it here, then on the server (remembered until the server has been told).
    await endLocalSession(store).catch(() => undefined);
    onEnded(reason);
  };

  const onActivity = () => {
    lastActive = Date.now();
    if (lastActive - lastWritten > TOUCH_EVERY_MS) {
      lastWritten = lastActive;
      void store.touchSession(lastActive);
    }
  };

  const check = async () => {
    if (ending) return;
    const session = await store.getSession();
    if (!session) {
      // Never established on this tablet (or cleared): do it now, if the server still knows us.
      if (established) return void end("elsewhere");
      const result = await establishSession(store);
      if (result.ok) established = true;
      else if (result.reason === "no-cookie") void end("server");
      return;
    }
    established = true;
    if (isIdle({ ...session, lastActiveAt: Math.max(session.lastActiveAt, lastActive) })) void end("idle");
  };

  const onUnauthenticated = () => void end("server");
  const events = ["pointerdown", "keydown", "touchstart", "wheel"] as const;
  for (const name of events) window.addEventListener(name, onActivity, { passive: true });
  window.addEventListener("coach:unauthenticated", onUnauthenticated);
  const timer = window.setInterval(() => void check(), CHECK_EVERY_MS);
  const off = store.onChange(() => void check());
  void check();
  return () => {
    for (const name of events) window.removeEventListener(name, onActivity);
    window.removeEventListener("coach:unauthenticated", onUnauthenticated);
    window.clearInterval(timer);
    off();
  };
}

import { localSession } from "@/lib/tablet/tablet";
import { handOver } from "./handover";

/**
 * After the server said yes: make the tablet's record of the session (and its seal key), which
 * also proves the browser kept the cookie. Returns a message to show when it did not.
 */
export async function finishSignIn(): Promise<string | null> {
  const [store, sessions] = await Promise.all([handOver(), localSession()]);
  const result = await sessions.establishSession(store);
  if (!result.ok && result.reason === "no-cookie") return result.message;
  // Anything else (a hiccup registering the seal key) still leaves a working session.
  window.location.assign("/");
  return null;
}

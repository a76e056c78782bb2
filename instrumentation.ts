/**
 * Runs once when the server starts. Behind server.mjs, in a production build, it hands server.mjs
 * the append fast path (lib/fast-path/append-over-node.ts, docs/decisions/0039-append-fast-path.md):
 * compiled here by Next with the rest of the app, so both paths share one database client, one
 * write queue and one live hub (all kept on globalThis). COACH_APPEND_FAST_PATH=off leaves every
 * request to Next.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.COACH_EDGE !== "server.mjs") return;
  if (process.env.NODE_ENV !== "production" || process.env.COACH_APPEND_FAST_PATH === "off") return;
  const { fastRouteFor } = await import("./lib/fast-path/append-over-node");
  (globalThis as { coachFastRoutes?: typeof fastRouteFor }).coachFastRoutes = fastRouteFor;
}

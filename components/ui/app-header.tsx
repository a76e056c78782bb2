import { SignOutButton } from "./sign-out-button";

/**
 * `sessionId` marks the page as this session's (a <meta> React moves into <head>): the service
 * worker keeps such a page only for that session and never shows it to another (public/sw.js).
 */
export function AppHeader({
  name,
  role,
  locationName,
  sessionId,
}: {
  name: string;
  role: string;
  locationName?: string;
  sessionId?: string;
}) {
  return (
    <header className="flex items-center justify-between gap-4 border-b border-slate-700 bg-slate-900 px-5 py-3">
      {sessionId ? <meta name="coach-session" content={sessionId} /> : null}
      {/* A plain link: a full page load, which the service worker can answer offline, and no router script on the live coach. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- on purpose, see above (docs/decisions/0006) */}
      <a href="/" className="flex min-h-12 items-center text-xl font-bold tracking-tight text-sky-300">
        Complaint Coach
      </a>
      <div className="flex items-center gap-3 text-slate-300">
        <span className="text-base">
          <span className="font-semibold text-slate-100">{name}</span>
          <span className="sr-only">, </span>
          <span className="ml-2 rounded-md bg-slate-800 px-2 py-1 text-sm capitalize">{role}</span>
          {locationName ? <span className="ml-2 hidden text-sm md:inline">· {locationName}</span> : null}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}

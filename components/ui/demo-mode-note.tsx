/**
 * `npm run demo` lets a tablet on the local network sign in over plain http (no Secure cookies,
 * docs/decisions/0014-demo-over-plain-http.md). Said plainly wherever someone signs in or pairs;
 * the page says whether it is on (`isDemoMode()`, server-side).
 */
export function DemoModeNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <p role="note" data-testid="demo-mode" className="rounded-xl border border-amber-500 bg-amber-950 px-4 py-3 text-base text-amber-100">
      <strong>Demo mode.</strong> Sign-in works over plain http on this network so you can try the app on a tablet; the connection is not
      encrypted and offline work needs https. Not for real customers&apos; details: run it in production behind https.
    </p>
  );
}

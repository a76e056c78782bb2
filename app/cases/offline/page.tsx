import type { Metadata } from "next";
import { Suspense } from "react";
import { OfflineCase } from "@/components/case/offline-case";
import { GUIDANCE } from "@/lib/playbook/guidance";

// Rendered per request, like every page: its inline scripts carry the request's CSP nonce
// (proxy.ts). The service worker keeps the page with its own headers, so a copy served offline
// brings the matching policy with it.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Case on this tablet · Complaint Coach" };

/**
 * The case shell: a page with nobody's data in it, kept by the service worker at install, that
 * shows a case from this tablet's store. It is where a case opened without Wi-Fi lives until the
 * server has it, and what /cases/<id> falls back to offline when that page was never displayed.
 */
export default function OfflineCasePage() {
  return (
    <Suspense fallback={<p className="p-6 text-lg text-slate-300">Opening the case on this tablet…</p>}>
      <OfflineCase guidance={GUIDANCE} />
    </Suspense>
  );
}

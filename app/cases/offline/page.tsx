import type { Metadata } from "next";
import { Suspense } from "react";
import { OfflineCase } from "@/components/field/offline-case";
import { GUIDANCE } from "@/lib/playbook/guidance";

export const dynamic = "force-static";
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

import { AdminShell } from "@/components/admin/admin-shell";
import { AuthorityForm } from "@/components/admin/authority-form";
import { listAuthorityLimits } from "@/lib/admin/list-admin-data";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function AdminAuthorityPage() {
  const actor = await requirePageActor("admin.manage");
  const limits = await listAuthorityLimits(await getDb(), actor);
  return (
    <AdminShell actor={actor} title="Authority limits" current="/admin/authority">
      <p className="text-lg text-slate-300">
        The most each role may give a customer on its own (refund, voucher, free item), managers included. Anything above waits for someone
        whose limit covers it, who can also approve a smaller amount instead. A change applies to offers and approvals made from now on.
      </p>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {limits.map((l) => (
          <li key={l.role}>
            <AuthorityForm role={l.role} limitCents={l.limitCents} />
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}

import { AdminShell } from "@/components/admin/admin-shell";
import { RenameForm } from "@/components/admin/rename-form";
import { AddRootCauseForm, RootCauseToggle } from "@/components/admin/root-cause-forms";
import { listRootCauses } from "@/lib/admin/list-admin-data";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function AdminRootCausesPage() {
  const actor = await requirePageActor("admin.manage");
  const causes = await listRootCauses(await getDb(), actor);
  return (
    <AdminShell actor={actor} title="Root causes" current="/admin/root-causes">
      <p className="text-lg text-slate-300">Retired root causes stay on the cases that used them; they are only hidden from new cases.</p>
      <AddRootCauseForm />
      <ul className="flex flex-col gap-3">
        {causes.map((c) => (
          <li
            key={c.id}
            className={`flex flex-col gap-3 rounded-2xl border px-5 py-4 md:flex-row md:items-end md:justify-between ${c.active ? "border-slate-700 bg-slate-800" : "border-slate-800 bg-slate-900"}`}
          >
            <div className="flex flex-1 flex-col gap-1">
              <p className="text-sm text-slate-400">
                {c.slug} · used on {c.cases} {c.cases === 1 ? "case" : "cases"}
                {c.active ? "" : " · retired"}
              </p>
              <RenameForm
                id={`label-${c.id}`}
                url={`/api/admin/root-causes/${encodeURIComponent(c.id)}`}
                field="label"
                label="Label"
                current={c.label}
              />
            </div>
            <RootCauseToggle tag={{ id: c.id, label: c.label, active: c.active }} />
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}

import Link from "next/link";
import { ADMIN_SECTIONS, AdminShell } from "@/components/admin/admin-shell";
import { listAuthorityLimits, listLocations, listPeople, listRootCauses } from "@/lib/admin/list-admin-data";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { listDevices } from "@/lib/devices/list-devices";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const actor = await requirePageActor("admin.manage");
  const db = await getDb();
  const [people, locations, causes, limits, devices] = await Promise.all([
    listPeople(db, actor),
    listLocations(db, actor),
    listRootCauses(db, actor),
    listAuthorityLimits(db, actor),
    listDevices(db, actor),
  ]);
  const summary: Record<(typeof ADMIN_SECTIONS)[number]["href"], string> = {
    "/admin/people": `${people.filter((p) => p.active).length} active, ${people.filter((p) => !p.active).length} deactivated`,
    "/admin/locations": `${locations.length} locations`,
    "/admin/root-causes": `${causes.filter((c) => c.active).length} in use, ${causes.filter((c) => !c.active).length} retired`,
    "/admin/authority": limits.map((l) => `${l.role} £${(l.limitCents / 100).toFixed(0)}`).join(" · "),
    "/admin/tablets": `${devices.length} paired`,
  };
  return (
    <AdminShell actor={actor} title="Admin" current="/admin">
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex min-h-28 flex-col justify-center gap-1 rounded-2xl border border-slate-600 bg-slate-800 px-5 py-4 hover:border-sky-400"
            >
              <span className="text-2xl font-semibold text-sky-300">{s.title}</span>
              <span className="text-slate-300">{s.hint}</span>
              <span className="text-sm text-slate-400">{summary[s.href]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}

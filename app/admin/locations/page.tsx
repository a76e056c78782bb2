import { AdminShell } from "@/components/admin/admin-shell";
import { CreateLocationForm } from "@/components/admin/create-location-form";
import { RenameForm } from "@/components/admin/rename-form";
import { LOCATION_KINDS } from "@/lib/admin/create-location";
import { listLocations } from "@/lib/admin/list-admin-data";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function AdminLocationsPage() {
  const actor = await requirePageActor("admin.manage");
  const locations = await listLocations(await getDb(), actor);
  return (
    <AdminShell actor={actor} title="Locations" current="/admin/locations">
      <CreateLocationForm kinds={LOCATION_KINDS} />
      <ul className="flex flex-col gap-3">
        {locations.map((l) => (
          <li key={l.id} className="flex flex-col gap-2 rounded-2xl border border-slate-700 bg-slate-800 px-5 py-4">
            <p className="text-sm text-slate-400">
              {l.kind} · {l.timezone} · {l.members} {l.members === 1 ? "person" : "people"} · {l.cases} cases
            </p>
            <RenameForm
              id={`name-${l.id}`}
              url={`/api/admin/locations/${encodeURIComponent(l.id)}`}
              field="name"
              label="Name"
              current={l.name}
            />
          </li>
        ))}
      </ul>
    </AdminShell>
  );
}

import { AdminShell } from "@/components/admin/admin-shell";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { PersonActions } from "@/components/admin/person-actions";
import { listLocations, listPeople } from "@/lib/admin/list-admin-data";
import { requirePageActor } from "@/lib/auth/current";
import { can, rolesWith } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { ROLES } from "@/lib/playbook";

export const dynamic = "force-dynamic";

export default async function AdminPeoplePage() {
  const actor = await requirePageActor("admin.manage");
  const db = await getDb();
  const [people, locations] = await Promise.all([listPeople(db, actor), listLocations(db, actor)]);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  return (
    <AdminShell actor={actor} title="People" current="/admin/people">
      <CreateUserForm
        roles={ROLES}
        passwordRoles={rolesWith("signIn.password")}
        pinRoles={rolesWith("signIn.pin")}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
      />
      <section aria-labelledby="everyone" className="flex flex-col gap-3">
        <h2 id="everyone" className="text-2xl font-semibold">
          Everyone
        </h2>
        <ul className="flex flex-col gap-3">
          {people.map((p) => (
            <li
              key={p.id}
              className={`flex flex-col gap-3 rounded-2xl border px-5 py-4 md:flex-row md:items-start md:justify-between ${p.active ? "border-slate-700 bg-slate-800" : "border-slate-800 bg-slate-900 text-slate-400"}`}
            >
              <div className="flex flex-col gap-1">
                <p className="text-xl font-semibold">
                  {p.name}
                  <span className="ml-2 rounded-md bg-slate-700 px-2 py-0.5 text-sm capitalize text-slate-100">{p.role}</span>
                  {p.active ? null : <span className="ml-2 rounded-md bg-rose-900 px-2 py-0.5 text-sm text-rose-100">Deactivated</span>}
                </p>
                <p className="text-slate-300">{p.locationIds.map((id) => locationName.get(id) ?? id).join(", ") || "No location"}</p>
                <p className="text-sm text-slate-400">
                  {[p.email, p.hasPin ? "PIN set" : "no PIN", p.hasPassword ? "password set" : null].filter(Boolean).join(" · ")}
                </p>
              </div>
              <PersonActions
                person={{ id: p.id, name: p.name, active: p.active }}
                canHavePassword={can(p, "signIn.password")}
                isSelf={p.id === actor.id}
              />
            </li>
          ))}
        </ul>
      </section>
    </AdminShell>
  );
}

import { AdminShell } from "@/components/admin/admin-shell";
import { DeviceList } from "@/components/devices/device-list";
import { PairingCodeMaker } from "@/components/devices/pairing-code-maker";
import { listLocations } from "@/lib/admin/list-admin-data";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { listDevices } from "@/lib/devices/list-devices";

export const dynamic = "force-dynamic";

/** Every venue's paired tablets, with their last use; unpair one, or pair a new one. */
export default async function AdminTabletsPage() {
  const actor = await requirePageActor("admin.manage");
  const db = await getDb();
  const [locations, devices] = await Promise.all([listLocations(db, actor), listDevices(db, actor, { includeRevoked: true })]);
  return (
    <AdminShell actor={actor} title="Tablets" current="/admin/tablets">
      <PairingCodeMaker locations={locations.map((l) => ({ id: l.id, name: l.name }))} />
      <DeviceList devices={devices} />
    </AdminShell>
  );
}

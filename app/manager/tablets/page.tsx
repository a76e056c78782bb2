import { DeviceList } from "@/components/devices/device-list";
import { PairingCodeMaker } from "@/components/devices/pairing-code-maker";
import { requirePageActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { listDevices } from "@/lib/devices/list-devices";

export const dynamic = "force-dynamic";

/** The manager's desk → Tablets: pair the venue's tablets, see when each was last used, unpair a lost one. */
export default async function ManagerTabletsPage() {
  const actor = await requirePageActor("device.pair");
  const db = await getDb();
  const [locations, devices] = await Promise.all([
    db.location.findMany({
      where: can(actor, "admin.manage") ? {} : { id: { in: actor.locationIds } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    listDevices(db, actor, { includeRevoked: true }),
  ]);
  return (
    <>
      <h1 className="text-3xl font-bold">Tablets</h1>
      <PairingCodeMaker locations={locations} />
      <DeviceList devices={devices} />
    </>
  );
}

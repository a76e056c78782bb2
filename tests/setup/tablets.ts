import type { Db } from "@/lib/db/client";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { pairDevice } from "@/lib/devices/pair-device";
import type { PairedDevice } from "@/lib/devices/resolve-device";
import { actorFor } from "@/tests/support/actors";

let pairings = 0;

/** A tablet paired to a venue the way an admin pairs one (a real code, redeemed once). */
export async function pairedTablet(
  db: Db,
  locationId = "loc-harbour",
  name = "Test tablet",
): Promise<{ device: PairedDevice; token: string }> {
  const made = await createPairingCode(db, actorFor("usr-alex"), { locationId, name });
  const paired = await pairDevice(db, { code: made.code }, { address: `test-pairing-${pairings++}` });
  return { device: paired.device, token: paired.token };
}

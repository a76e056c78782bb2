// Prints a one-time code (and link, and QR) that pairs a tablet to a venue: what a manager does on
// the manager's desk → Tablets, for when nobody can sign in yet (a new install) and for the demo.
// Usage: npx tsx scripts/pairing-code.ts --location loc-harbour [--name "Front desk"] [--minutes 10] [--base http://host:3000]
// Uses DATABASE_URL, or data/coach.db. The code is made in the name of the first active admin.
import os from "node:os";
import { renderUnicodeCompact } from "uqr";
import type { Actor } from "@/lib/auth/actor";
import { configureSqlite, createDb, defaultDatabaseUrl } from "@/lib/db/client";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { pairingUrl } from "@/lib/devices/pairing-code";
import type { Role } from "@/lib/playbook";

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** This machine's addresses on the local network, for a tablet on the same Wi-Fi. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => Boolean(i && i.family === "IPv4" && !i.internal))
    .map((i) => i.address);
}

async function main(): Promise<void> {
  const locationId = flag("location") ?? "loc-harbour";
  const name = flag("name") ?? "Front desk tablet";
  const minutes = Number(flag("minutes") ?? 10);
  const port = process.env.PORT ?? "3000";
  const db = createDb(defaultDatabaseUrl());
  try {
    await configureSqlite(db);
    const admin = await db.user.findFirst({
      where: { role: "admin", active: true },
      include: { locations: true },
      orderBy: { createdAt: "asc" },
    });
    if (!admin) throw new Error("No active admin in this database: seed it first (npm run db:seed) or add one.");
    const actor: Actor = {
      id: admin.id,
      name: admin.name,
      role: admin.role as Role,
      locationIds: admin.locations.map((l) => l.locationId),
      currentLocationId: null,
    };
    const made = await createPairingCode(db, actor, { locationId, name }, { validForMs: minutes * 60_000 });
    const base = flag("base");
    const local = pairingUrl(base ?? `http://localhost:${port}`, made.code);
    const lan = base ? [] : lanAddresses().map((address) => pairingUrl(`http://${address}:${port}`, made.code));
    const lines = [
      `Pair a tablet to ${made.locationName} as “${made.deviceName}” — code ${made.code}, one use, valid ${minutes} minutes:`,
      `  on this computer:             ${local}`,
      ...lan.map((url) => `  on a tablet on this network:  ${url}`),
      `  or type ${made.code} at /pair on the tablet.`,
    ];
    console.log(`\n${lines.join("\n")}\n`);
    const forQr = lan[0] ?? local;
    console.log(`Scan with the tablet's camera (${forQr}):\n${renderUnicodeCompact(forQr, { border: 1 })}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

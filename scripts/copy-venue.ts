// Moves a venue's SQLite data into the chain's PostgreSQL: its location(s), the people and root
// causes its cases refer to, and every case with its whole event log and projection rows. Rows
// already in the target are kept (running it twice copies nothing twice). Afterwards every copied
// case is checked in the target: its log numbered 1..n and its projection equal to the fold of
// that log, exactly as `npm run db:verify` checks. Exit code 1 if any case fails.
//
//   npm run db:copy-venue -- --from file:data/coach.db --to postgresql://user@host/chain [--location ID …]
import { createDb, configureSqlite, engineOf, engineOfUrl, type Db, type PostgresDb } from "@/lib/db/client";
import { checkCaseLogs } from "@/lib/cases/check-case-logs";

const BATCH = 500;

export type CopyReport = { locations: number; people: number; cases: number; events: number; checked: number; problems: string[] };

export async function copyVenue(from: Db, target: Db, options: { locationIds?: string[] } = {}): Promise<CopyReport> {
  if (engineOf(target) !== "postgresql") throw new Error("copyVenue copies into PostgreSQL");
  const to = target as unknown as PostgresDb;
  const locations = await from.location.findMany({ where: options.locationIds ? { id: { in: options.locationIds } } : undefined });
  const locationIds = locations.map((l) => l.id);
  const memberships = await from.userLocation.findMany({ where: { locationId: { in: locationIds } } });
  const cases = await from.case.findMany({ where: { locationId: { in: locationIds } }, select: { id: true }, orderBy: { id: "asc" } });
  const caseIds = cases.map((c) => c.id);
  // Everyone the cases name (openers, every actor of every step) and everyone working there.
  const actorIds = new Set(memberships.map((m) => m.userId));
  for (let i = 0; i < caseIds.length; i += BATCH) {
    const batch = caseIds.slice(i, i + BATCH);
    for (const row of await from.case.findMany({ where: { id: { in: batch } }, select: { openedById: true } }))
      actorIds.add(row.openedById);
    for (const row of await from.caseEvent.findMany({ where: { caseId: { in: batch } }, select: { actorId: true }, distinct: ["actorId"] }))
      actorIds.add(row.actorId);
  }
  const people = await from.user.findMany({ where: { id: { in: [...actorIds] } } });

  await to.location.createMany({ data: locations, skipDuplicates: true });
  await to.user.createMany({ data: people, skipDuplicates: true });
  await to.userLocation.createMany({ data: memberships, skipDuplicates: true });
  await to.rootCauseTag.createMany({ data: await from.rootCauseTag.findMany(), skipDuplicates: true });
  await to.roleAuthority.createMany({ data: await from.roleAuthority.findMany(), skipDuplicates: true });

  let events = 0;
  for (let i = 0; i < caseIds.length; i += BATCH) {
    const batch = caseIds.slice(i, i + BATCH);
    const [rows, log, actions, compensation, rootCauses] = await Promise.all([
      from.case.findMany({ where: { id: { in: batch } } }),
      from.caseEvent.findMany({ where: { caseId: { in: batch } } }),
      from.agreedAction.findMany({ where: { caseId: { in: batch } } }),
      from.compensation.findMany({ where: { caseId: { in: batch } } }),
      from.caseRootCause.findMany({ where: { caseId: { in: batch } }, include: { tag: { select: { slug: true } } } }),
    ]);
    // Tag ids may differ between the two databases; slugs do not.
    const tagIds = new Map((await to.rootCauseTag.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
    // Each batch in one transaction: a case arrives with all of its log and projection, or not at all.
    await to.$transaction([
      to.case.createMany({ data: rows, skipDuplicates: true }),
      to.caseEvent.createMany({ data: log, skipDuplicates: true }),
      to.agreedAction.createMany({ data: actions, skipDuplicates: true }),
      to.compensation.createMany({ data: compensation, skipDuplicates: true }),
      to.caseRootCause.createMany({
        data: rootCauses.map(({ tag, ...r }) => ({ ...r, tagId: tagIds.get(tag.slug) ?? r.tagId })),
        skipDuplicates: true,
      }),
    ]);
    events += log.length;
  }
  // The insights' day cache trusts that cases change only by appends (docs/decisions/0031): these
  // arrived with their old event times, so any cached day of these venues is dropped.
  await to.insightDay.deleteMany({ where: { locationId: { in: locationIds } } });
  const check = await checkCaseLogs(target, caseIds);
  return {
    locations: locations.length,
    people: people.length,
    cases: caseIds.length,
    events,
    checked: check.cases,
    problems: check.problems,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const fromUrl = option("--from");
  const toUrl = option("--to") ?? process.env.DATABASE_URL;
  const locationIds = args.flatMap((a, i) => (args[i - 1] === "--location" ? [a] : []));
  if (!fromUrl || !toUrl || engineOfUrl(fromUrl) !== "sqlite" || engineOfUrl(toUrl) !== "postgresql") {
    console.error("Usage: npm run db:copy-venue -- --from file:venue.db --to postgresql://… [--location ID …]");
    process.exit(2);
  }
  const from = createDb(fromUrl);
  const to = createDb(toUrl);
  try {
    await configureSqlite(from);
    const report = await copyVenue(from, to, { locationIds: locationIds.length ? locationIds : undefined });
    console.log(`Copied ${report.locations} location(s), ${report.people} people, ${report.cases} cases, ${report.events} events.`);
    for (const problem of report.problems) console.log(`  ✗ ${problem}`);
    if (report.problems.length) process.exitCode = 1;
    else
      console.log(
        `  ✓ ${report.checked} cases checked in the target: every log numbered 1..n, every projection equal to the fold of its log`,
      );
  } finally {
    await from.$disconnect();
    await to.$disconnect();
  }
}

if (process.argv[1] && /copy-venue\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

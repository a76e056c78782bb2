// The insights oracle: every figure of the manager's insights page computed a second time, on
// purpose as plainly as possible, straight from the event log (CaseEvent) and the reference
// tables (Location, RootCauseTag; Improvement for the tracked-work links). It shares no code with
// lib/manager and reads none of the projection (no Case row, no precomputed column, no copies):
// each figure is the playbook's rule written out in SQL, next to the rule it follows. A test
// (tests/integration/insights-oracle.test.ts) asserts that getInsights gives the same figures,
// one by one, on the demo seed and on a set of awkward cases.
//
// SQLite's own functions are all in ./sqlite-only.ts; the calendar (which day and week each
// instant is at each venue) is the small table ./venue-calendar.ts writes.
import type { OracleDb } from "./sqlite-only";
import { CALENDAR_TABLE, writeVenueCalendar } from "./venue-calendar";

export type OracleQuery = { locationIds: string[]; from: string; to: string; within: number };

export type OracleInsights = {
  cases: number;
  weeks: string[];
  /** Category key ("" before the complaint was heard) → cases per week. */
  weeklyByCategory: Record<string, number[]>;
  /** Location id → cases per week. */
  weeklyByLocation: Record<string, number[]>;
  pareto: { slug: string; label: string; count: number; cumulativeShare: number }[];
  tags: number;
  firstApology: { medianSeconds: number | null; cases: number };
  resolution: { medianSeconds: number | null; cases: number };
  readback: { asked: number; acceptedFirstTime: number; acceptedAfterChanges: number; notAccepted: number };
  remedy: { totalCents: number; compensatedCases: number; perCaseCents: number | null; perCompensatedCaseCents: number | null };
  /** Every repeat row, most repeats first, then most cases, then latest case, then location and root cause A–Z. */
  /**
   * Heads-ups raised (the alert's own row: it is the record of raising one, not a projection), tables
   * told (heads-up cases, from their event log, that reached the reason), those that still complained,
   * and late promises told (distinct actions with a telling step on an in-scope complaint case).
   */
  prevention: { headsUpsRaised: number; tablesTold: number; stillComplained: number; promisesTold: number };
  repeats: {
    locationId: string;
    locationName: string;
    tagId: string;
    slug: string;
    label: string;
    cases: number;
    repeats: number;
    lastAt: string;
    improvement: { id: string; title: string } | null;
  }[];
};

/** Writes the oracle's calendar; call once per connection, after the cases are in. */
export async function prepareOracle(db: OracleDb): Promise<void> {
  await writeVenueCalendar(db);
}

export async function oracleInsights(db: OracleDb, query: OracleQuery): Promise<OracleInsights> {
  const d = db.dialect;
  const payload = `e."payload"`;
  // Bound parameters are numbered in the order they are pushed.
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return d.placeholder(params.length);
  };
  const locations = query.locationIds.length ? query.locationIds.map(bind).join(", ") : "NULL";
  const from = bind(query.from);
  const to = bind(query.to);
  const scopeParams = [...params];

  // The cases in scope: opened (case_opened) at one of the locations, not practice, on a day
  // from `from` to `to` on that location's own clock.
  const scoped = `
    opened AS (
      SELECT e."caseId" AS case_id, e."at" AS opened_at, ${d.jsonText(payload, "locationId")} AS location_id,
        ${d.jsonTrue(payload, "practice")} AS practice
      FROM "CaseEvent" e WHERE e."type" = 'case_opened'
    ),
    scoped AS (
      SELECT o.case_id, o.opened_at, o.location_id, v.day, v.week
      FROM opened o JOIN ${CALENDAR_TABLE} v ON v.location_id = o.location_id AND o.opened_at >= v.starts_at AND o.opened_at < v.ends_at
      WHERE o.practice = 0 AND o.location_id IN (${locations}) AND v.day >= ${from} AND v.day <= ${to}
    )`;
  const select = <T>(sql: string, extra: unknown[] = []) => db.all<T>(`WITH ${scoped}${sql}`, [...scopeParams, ...extra]);
  const n = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

  const [{ cases }] = await select<{ cases: number }>(` SELECT COUNT(*) AS cases FROM scoped`);

  // Weeks (Monday to Sunday) that the range's days fall in, the same at every venue.
  const weeks = (
    await db.all<{ week: string }>(
      `SELECT DISTINCT week FROM ${CALENDAR_TABLE} WHERE day >= ${d.placeholder(1)} AND day <= ${d.placeholder(2)} ORDER BY week`,
      [query.from, query.to],
    )
  ).map((w) => w.week);
  const perWeek = (rows: { week: string; key: string; n: number }[]) => {
    const out: Record<string, number[]> = {};
    for (const row of rows) {
      const i = weeks.indexOf(row.week);
      if (i < 0) throw new Error(`Oracle: week ${row.week} is not in the range's weeks`);
      out[row.key] ??= weeks.map(() => 0);
      out[row.key][i] += n(row.n);
    }
    return out;
  };

  // The category is the last complaint heard (hearing it again after venting replaces it).
  const weeklyByCategory = perWeek(
    await select(`,
      category AS (
        SELECT e."caseId" AS case_id, ${d.jsonText(payload, "category")} AS category FROM "CaseEvent" e
        WHERE e."type" = 'complaint_heard'
          AND NOT EXISTS (SELECT 1 FROM "CaseEvent" later WHERE later."caseId" = e."caseId" AND later."type" = 'complaint_heard' AND later."sequence" > e."sequence")
      )
      SELECT s.week AS week, COALESCE(c.category, '') AS key, COUNT(*) AS n
      FROM scoped s LEFT JOIN category c ON c.case_id = s.case_id
      GROUP BY s.week, COALESCE(c.category, '')`),
  );
  const weeklyByLocation = perWeek(await select(` SELECT week, location_id AS key, COUNT(*) AS n FROM scoped GROUP BY week, location_id`));

  // Root causes: the tags of the last tagging (tagging again replaces them), each known tag once.
  const tagged = `,
    last_tagging AS (
      SELECT e."caseId" AS case_id, e."payload" AS payload FROM "CaseEvent" e
      WHERE e."type" = 'root_causes_tagged'
        AND NOT EXISTS (SELECT 1 FROM "CaseEvent" later WHERE later."caseId" = e."caseId" AND later."type" = 'root_causes_tagged' AND later."sequence" > e."sequence")
    ),
    tagged AS (
      SELECT DISTINCT s.case_id, s.location_id, s.opened_at, t."id" AS tag_id, t."slug" AS slug, t."label" AS label, t."sortOrder" AS sort_order
      FROM scoped s JOIN last_tagging l ON l.case_id = s.case_id
        ${d.joinJsonArray("l.payload", "tags", "j")}
        JOIN "RootCauseTag" t ON t."slug" = j.value
    )`;
  const paretoRows = await select<{ slug: string; label: string; count: number; running: number; total: number }>(`${tagged}
    SELECT slug, label, COUNT(*) AS count,
      SUM(COUNT(*)) OVER (ORDER BY COUNT(*) DESC, sort_order, slug ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,
      SUM(COUNT(*)) OVER () AS total
    FROM tagged GROUP BY tag_id, slug, label, sort_order
    ORDER BY COUNT(*) DESC, sort_order, slug`);
  const pareto = paretoRows.map((p) => ({ slug: p.slug, label: p.label, count: n(p.count), cumulativeShare: n(p.running) / n(p.total) }));
  const tags = pareto.reduce((sum, p) => sum + p.count, 0);

  // Medians, in whole seconds rounded half up, of the time from opening to the first apology
  // and to the read-back the customer accepted.
  const median = async (firstAt: string) => {
    const [row] = await select<{ n: number | null; seconds: number | null }>(`,
      first_at AS (${firstAt}),
      durations AS (SELECT ${d.millisBetween("f.at", "s.opened_at")} AS ms FROM scoped s JOIN first_at f ON f.case_id = s.case_id),
      ordered AS (SELECT ms, ROW_NUMBER() OVER (ORDER BY ms) AS rn, COUNT(*) OVER () AS n FROM durations),
      middle AS (SELECT MAX(n) AS n, SUM(ms) AS total, COUNT(*) AS k FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2))
      SELECT n, ${d.divide("CASE k WHEN 1 THEN 2 * total ELSE total END + 1000", "2000")} AS seconds FROM middle`);
    return { medianSeconds: row?.n ? n(row.seconds) : null, cases: n(row?.n) };
  };
  const firstApology = await median(
    `SELECT e."caseId" AS case_id, MIN(e."at") AS at FROM "CaseEvent" e WHERE e."type" = 'apology_given' GROUP BY e."caseId"`,
  );
  const resolution = await median(
    `SELECT e."caseId" AS case_id, MIN(e."at") AS at FROM "CaseEvent" e WHERE e."type" = 'readback_answered' AND ${d.jsonTrue(payload, "accepted")} = 1 GROUP BY e."caseId"`,
  );

  // Read-back: the first answer, and whether any answer was yes.
  const [readback] = await select<{
    asked: number;
    first_time: number | null;
    after_changes: number | null;
    not_accepted: number | null;
  }>(`,
    answers AS (
      SELECT e."caseId" AS case_id, e."sequence" AS seq, ${d.jsonTrue(payload, "accepted")} AS accepted FROM "CaseEvent" e WHERE e."type" = 'readback_answered'
    ),
    outcomes AS (
      SELECT s.case_id,
        (SELECT a.accepted FROM answers a WHERE a.case_id = s.case_id ORDER BY a.seq LIMIT 1) AS first_accepted,
        (SELECT MAX(a.accepted) FROM answers a WHERE a.case_id = s.case_id) AS ever_accepted
      FROM scoped s WHERE EXISTS (SELECT 1 FROM answers a WHERE a.case_id = s.case_id)
    )
    SELECT COUNT(*) AS asked,
      SUM(CASE WHEN first_accepted = 1 THEN 1 ELSE 0 END) AS first_time,
      SUM(CASE WHEN first_accepted = 0 AND ever_accepted = 1 THEN 1 ELSE 0 END) AS after_changes,
      SUM(CASE WHEN ever_accepted = 0 THEN 1 ELSE 0 END) AS not_accepted
    FROM outcomes`);

  // Remedies given, by the playbook's rules:
  // - an offer within its maker's own limit is given as offered; the limit is the one stamped in
  //   the offer, else (revision 2 on) the case's, else (revision 1) none for a manager or admin
  //   and the case's for anyone else;
  // - an offer above it waits: the next manager decision answers it, unless the case was
  //   abandoned first (the offer is withdrawn); approved, it is given as approved (the
  //   decision's remedy when it names one: a counter-offer), declined, it is not;
  // - from revision 2, a "not quite" to the read-back after a given offer retires it.
  const [remedy] = await select<{ total: number | null; cases: number }>(`,
    opening AS (
      SELECT e."caseId" AS case_id, COALESCE(${d.jsonNumber(payload, "revision")}, 1) AS revision, ${d.jsonNumber(payload, "authorityLimitCents")} AS case_limit
      FROM "CaseEvent" e WHERE e."type" = 'case_opened'
    ),
    offers AS (
      SELECT e."caseId" AS case_id, e."sequence" AS seq, e."actorRole" AS role, ${d.jsonNumber(payload, "valueCents")} AS value,
        ${d.jsonNumber(payload, "authorityLimitCents")} AS own_limit
      FROM "CaseEvent" e WHERE e."type" = 'compensation_offered'
    ),
    judged AS (
      SELECT o.case_id, o.seq, o.value, op.revision,
        CASE
          WHEN o.own_limit IS NOT NULL THEN CASE WHEN o.value > o.own_limit THEN 1 ELSE 0 END
          WHEN op.revision >= 2 THEN CASE WHEN o.value > op.case_limit THEN 1 ELSE 0 END
          WHEN o.role IN ('manager', 'admin') THEN 0
          ELSE CASE WHEN o.value > op.case_limit THEN 1 ELSE 0 END
        END AS waits,
        (SELECT MIN(x."sequence") FROM "CaseEvent" x WHERE x."caseId" = o.case_id AND x."type" = 'manager_decided' AND x."sequence" > o.seq) AS decision_seq,
        (SELECT MIN(x."sequence") FROM "CaseEvent" x WHERE x."caseId" = o.case_id AND x."type" = 'case_abandoned' AND x."sequence" > o.seq) AS abandoned_seq
      FROM offers o JOIN opening op ON op.case_id = o.case_id
    ),
    given AS (
      SELECT j.case_id,
        CASE WHEN j.waits = 1 THEN COALESCE(${d.jsonNumber("dec.payload", "remedy", "valueCents")}, j.value) ELSE j.value END AS value
      FROM judged j LEFT JOIN "CaseEvent" dec ON dec."caseId" = j.case_id AND dec."sequence" = j.decision_seq
      WHERE (j.waits = 0 OR (dec."sequence" IS NOT NULL AND (j.abandoned_seq IS NULL OR j.abandoned_seq > dec."sequence")
              AND ${d.jsonText("dec.payload", "decision")} = 'approved'))
        AND NOT (j.revision >= 2 AND EXISTS (
          SELECT 1 FROM "CaseEvent" x WHERE x."caseId" = j.case_id AND x."type" = 'readback_answered' AND x."sequence" > j.seq AND ${d.jsonTrue("x.payload", "accepted")} = 0))
    )
    SELECT SUM(g.value) AS total, COUNT(DISTINCT g.case_id) AS cases FROM scoped s JOIN given g ON g.case_id = s.case_id`);
  const totalCents = n(remedy?.total);
  const compensatedCases = n(remedy?.cases);
  // Rounded half up, in whole numbers: floor((2a + b) / 2b).
  const perCase = (count: number) => (count > 0 ? Math.floor((2 * totalCents + count) / (2 * count)) : null);

  // Repeats: per location and root cause, each tagged case after the first that came within
  // `within` days (within × 24 h, to the millisecond) of the one before it.
  const withinMs = d.placeholder(scopeParams.length + 1);
  const repeatRows = await select<{
    location_id: string;
    location_name: string;
    tag_id: string;
    slug: string;
    label: string;
    cases: number;
    repeats: number;
    last_at: string;
    improvement_id: string | null;
    improvement_title: string | null;
  }>(
    `${tagged},
    gaps AS (
      SELECT location_id, tag_id, slug, label, opened_at,
        LAG(opened_at) OVER (PARTITION BY location_id, tag_id ORDER BY opened_at) AS previous_at
      FROM tagged
    ),
    pairs AS (
      SELECT g.location_id, l."name" AS location_name, g.tag_id, g.slug, g.label, COUNT(*) AS cases,
        SUM(CASE WHEN g.previous_at IS NOT NULL AND ${d.millisBetween("g.opened_at", "g.previous_at")} <= ${withinMs} THEN 1 ELSE 0 END) AS repeats,
        MAX(g.opened_at) AS last_at
      FROM gaps g JOIN "Location" l ON l."id" = g.location_id
      GROUP BY g.location_id, l."name", g.tag_id, g.slug, g.label
    ),
    tracked AS (
      SELECT i."id", i."title", i."locationId", i."tagId",
        ROW_NUMBER() OVER (PARTITION BY i."locationId", i."tagId" ORDER BY i."createdAt" DESC, i."id") AS newest
      FROM "Improvement" i WHERE i."status" = 'open'
    )
    SELECT p.*, t."id" AS improvement_id, t."title" AS improvement_title
    FROM pairs p LEFT JOIN tracked t ON t."locationId" = p.location_id AND t."tagId" = p.tag_id AND t.newest = 1
    WHERE p.repeats > 0
    ORDER BY p.repeats DESC, p.cases DESC, p.last_at DESC, p.location_name, p.label, p.location_id, p.tag_id`,
    [query.within * 86_400_000],
  );

  const [prevention] = await select<{ raised: number; told: number; complained: number; promises_told: number }>(
    `,
    hu_opened AS (
      SELECT e."caseId" AS case_id, e."at" AS opened_at, ${d.jsonText(payload, "locationId")} AS location_id
      FROM "HeadsUpEvent" e WHERE e."type" = 'heads_up_opened'
    ),
    hu_told AS (
      SELECT o.case_id FROM hu_opened o JOIN ${CALENDAR_TABLE} v ON v.location_id = o.location_id AND o.opened_at >= v.starts_at AND o.opened_at < v.ends_at
      WHERE o.location_id IN (${locations}) AND v.day >= ${from} AND v.day <= ${to}
        AND EXISTS (SELECT 1 FROM "HeadsUpEvent" r WHERE r."caseId" = o.case_id AND r."type" = 'reason_explained')
    )
    SELECT
      (SELECT COUNT(*) FROM "HeadsUpAlert" a JOIN ${CALENDAR_TABLE} v ON v.location_id = a."locationId" AND a."raisedAt" >= v.starts_at AND a."raisedAt" < v.ends_at
        WHERE a."locationId" IN (${locations}) AND v.day >= ${from} AND v.day <= ${to}) AS raised,
      (SELECT COUNT(*) FROM hu_told) AS told,
      (SELECT COUNT(*) FROM hu_told t WHERE EXISTS (SELECT 1 FROM "HeadsUpEvent" c WHERE c."caseId" = t.case_id AND c."type" = 'complaint_started')) AS complained,
      (SELECT COUNT(*) FROM (
        SELECT DISTINCT e."caseId", ${d.jsonText(payload, "actionId")} AS action_id FROM "CaseEvent" e JOIN scoped s ON s.case_id = e."caseId"
        WHERE e."type" = 'promise_update_told'
      ) p) AS promises_told`,
    // The scope's placeholders appear twice more: positional ones ("?") need their values again.
    d.placeholder(1) === d.placeholder(2) ? [...scopeParams, ...scopeParams] : [],
  );

  return {
    cases: n(cases),
    prevention: {
      headsUpsRaised: n(prevention?.raised),
      tablesTold: n(prevention?.told),
      stillComplained: n(prevention?.complained),
      promisesTold: n(prevention?.promises_told),
    },
    weeks,
    weeklyByCategory,
    weeklyByLocation,
    pareto,
    tags,
    firstApology,
    resolution,
    readback: {
      asked: n(readback?.asked),
      acceptedFirstTime: n(readback?.first_time),
      acceptedAfterChanges: n(readback?.after_changes),
      notAccepted: n(readback?.not_accepted),
    },
    remedy: {
      totalCents,
      compensatedCases,
      perCaseCents: perCase(n(cases)),
      perCompensatedCaseCents: perCase(compensatedCases),
    },
    repeats: repeatRows.map((r) => ({
      locationId: r.location_id,
      locationName: r.location_name,
      tagId: r.tag_id,
      slug: r.slug,
      label: r.label,
      cases: n(r.cases),
      repeats: n(r.repeats),
      lastAt: new Date(r.last_at).toISOString(),
      improvement: r.improvement_id ? { id: r.improvement_id, title: r.improvement_title ?? "" } : null,
    })),
  };
}

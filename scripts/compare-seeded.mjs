// Compares the content of two seeded SQLite databases, apart from what is random or read from the
// wall clock: row ids (cuids, uuids), case and heads-up references, PIN and password hashes,
// session tokens and seal secrets, and times at or after the first migration's start (creation
// times of people, places and collections). Every other column of every table must match, each
// random id replaced by a name taken from what the row holds (a case by its opening step's
// clientEventId), so foreign keys, payloads and stored results are compared too.
// For work on the seed's speed (docs/decisions/0032): seed both with the same --now, then compare.
//
//   node scripts/compare-seeded.mjs A.db B.db      exit 0 when the same, 1 with the first differences
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

const RANDOM = /\b(c[a-z0-9]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[CH]-[A-Z0-9]{6})\b/g;
const SECRET_COLUMNS = new Set(["pinHash", "passwordHash", "tokenHash", "secret"]);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Per table, its rows with random values named and wall-clock values blanked, sorted. */
export function canonicalContent(file) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((t) => t.name);
    const rowsOf = new Map(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
    const schema = db
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all();
    const migrated = rowsOf.get("_prisma_migrations") ?? [];
    const wallClockFrom = migrated.map((m) => Date.parse(m.started_at)).reduce((a, b) => Math.min(a, b), Infinity);

    const names = new Map();
    const anchor = (caseTable, eventTable, prefix) => {
      const openings = (rowsOf.get(eventTable) ?? []).filter((e) => e.sequence === 1);
      const byCase = new Map(openings.map((e) => [e.caseId, e.clientEventId]));
      for (const row of rowsOf.get(caseTable) ?? []) {
        const key = byCase.get(row.id);
        if (!key) continue;
        names.set(row.id, `${prefix}<${key}>`);
        if (row.reference) names.set(row.reference, `${prefix}-ref<${key}>`);
      }
    };
    anchor("Case", "CaseEvent", "case");
    anchor("HeadsUpCase", "HeadsUpEvent", "headsup");

    const value = (column, v) => {
      if (typeof v !== "string") return v;
      if (SECRET_COLUMNS.has(column)) return "<secret>";
      if (ISO.test(v) && Date.parse(v) >= wallClockFrom) return "<wall-clock>";
      return v.replace(RANDOM, (m) => names.get(m) ?? "<?>");
    };
    const canonical = (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, value(k, v)]));

    // Rows with a random id not named yet are named by what they hold (twice: a row may refer to
    // one named later); identical rows get a running number.
    for (let pass = 0; pass < 2; pass++) {
      for (const table of tables) {
        const seen = new Map();
        const rows = rowsOf.get(table).filter((r) => typeof r.id === "string" && r.id.match(RANDOM)?.[0] === r.id && !names.has(r.id));
        const signed = rows
          .map((r) => ({ r, sig: JSON.stringify(canonical({ ...r, id: null })) }))
          .sort((x, y) => x.sig.localeCompare(y.sig));
        for (const { r, sig } of signed) {
          const hash = createHash("sha256").update(sig).digest("hex").slice(0, 16);
          const n = (seen.get(hash) ?? 0) + 1;
          seen.set(hash, n);
          names.set(r.id, `${table}#${hash}${n > 1 ? `.${n}` : ""}`);
        }
      }
    }

    const content = {};
    for (const table of tables)
      content[table] = rowsOf
        .get(table)
        .map((r) => JSON.stringify(canonical(r)))
        .sort();
    return { schema, content };
  } finally {
    db.close();
  }
}

/** Differences between two databases' canonical content, as lines; none when they are the same. */
export function compareSeeded(fileA, fileB, { limit = 5 } = {}) {
  const a = canonicalContent(fileA);
  const b = canonicalContent(fileB);
  const out = [];
  if (JSON.stringify(a.schema) !== JSON.stringify(b.schema)) out.push("schema differs");
  for (const table of new Set([...Object.keys(a.content), ...Object.keys(b.content)])) {
    const left = a.content[table] ?? [];
    const right = b.content[table] ?? [];
    if (left.length !== right.length) out.push(`${table}: ${left.length} rows against ${right.length}`);
    const inRight = new Set(right);
    const onlyLeft = left.filter((r) => !inRight.has(r));
    const inLeft = new Set(left);
    const onlyRight = right.filter((r) => !inLeft.has(r));
    for (const r of onlyLeft.slice(0, limit)) out.push(`${table} only in A: ${r.slice(0, 400)}`);
    for (const r of onlyRight.slice(0, limit)) out.push(`${table} only in B: ${r.slice(0, 400)}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [fileA, fileB] = process.argv.slice(2);
  if (!fileA || !fileB) {
    console.error("Usage: node scripts/compare-seeded.mjs A.db B.db");
    process.exit(2);
  }
  const differences = compareSeeded(fileA, fileB);
  const { content } = canonicalContent(fileA);
  const rows = Object.values(content).reduce((sum, rows) => sum + rows.length, 0);
  if (differences.length === 0) {
    console.log(`Same content: ${Object.keys(content).length} tables, ${rows} rows (ids, references, secrets and wall-clock times aside)`);
  } else {
    console.log(differences.join("\n"));
    process.exit(1);
  }
}

import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * What a role may give on its own before someone with a higher limit must approve (set by an
 * admin at /admin/authority). Written into every offer and decision a person records
 * (lib/cases/append-event.ts), so the playbook decides from the event itself.
 */
export async function authorityLimitFor(db: Pick<Db, "roleAuthority">, role: string): Promise<number> {
  const authority = await db.roleAuthority.findUnique({ where: { role } });
  return authority?.limitCents ?? 0;
}

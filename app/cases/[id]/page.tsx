import { CaseCoach } from "@/components/case/case-coach";
import { foldLogged } from "@/lib/tablet/case-fold";
import { RepeatWarning } from "@/components/case/repeat-warning";
import { TabletSetup } from "@/components/tablet/tablet-setup";
import { FloorBannerWhenIdle } from "@/components/floor/floor-banner-when-idle";
import { AppHeader } from "@/components/ui/app-header";
import { RedactedCase } from "@/components/trainer/redacted-case";
import { requirePageActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { authorityLimitFor } from "@/lib/cases/authority-limit";
import { listDecidersAt } from "@/lib/cases/decide-on-tablet";
import { getCase, listRootCauseTags } from "@/lib/cases/get-case";
import { getDb } from "@/lib/db/client";
import { pageData } from "@/lib/page-errors";
import { GUIDANCE } from "@/lib/playbook/guidance";
import { getPracticeSession } from "@/lib/training/get-practice-session";

export const dynamic = "force-dynamic";

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("case.view");
  const { id } = await params;
  const db = await getDb();
  const view = await pageData(getCase(db, actor, id), { notFound: ["not_found", "invalid_input"], deniedTo: "/?denied=1" });
  // Trainers read a case (redacted by getCase); they never drive the live coach.
  if (!can(actor, "case.append")) {
    return (
      <>
        <AppHeader name={actor.name} role={actor.role} locationName={view.locationName} sessionId={actor.sessionId} />
        <RedactedCase view={view} />
      </>
    );
  }
  const [rootCauses, deciders, practice, authorityLimitCents] = await Promise.all([
    listRootCauseTags(db),
    listDecidersAt(db, view.locationId),
    getPracticeSession(db, actor, view.id),
    authorityLimitFor(db, actor.role),
  ]);
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} locationName={view.locationName} sessionId={actor.sessionId} />
      <TabletSetup />
      {practice ? null : <FloorBannerWhenIdle compact />}
      {practice ? null : <RepeatWarning caseId={view.id} />}
      <CaseCoach
        view={view}
        initial={foldLogged(view.log)}
        rootCauses={rootCauses}
        deciders={deciders}
        actor={{ id: actor.id, name: actor.name, role: actor.role, authorityLimitCents }}
        practice={practice ?? undefined}
        guidance={GUIDANCE}
      />
    </>
  );
}

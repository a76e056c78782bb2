import type { CaseState, Role } from "@/lib/playbook";
import type { SendStep } from "@/lib/tablet/step-types";

/** The signed-in staff member using this tablet, with their own remedy limit (their role's). */
export type CaseActor = { id: string; name: string; role: Role; authorityLimitCents?: number };
/** A manager who can approve on this tablet with their PIN, and the most they may approve. */
export type Decider = { id: string; name: string; limitCents?: number };
/** A root-cause tag from the database (the taxonomy is data, never hard-coded). */
export type RootCauseOption = { slug: string; label: string };

/** What every stage panel gets: the folded state and a way to record the next step. */
export type StagePanelProps = { state: CaseState; send: SendStep; actor: CaseActor };

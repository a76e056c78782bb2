import type { CaseStep, HeadsUpStep, Step } from "./tablet-store";

// Which kind of step a waiting step is: a complaint case's, or a heads-up's
// (docs/decisions/0034-heads-ups-offline.md). Kept apart from the store, which carries IndexedDB:
// the live coach's fold imports these without it.

export const isHeadsUpStep = (step: Step): step is HeadsUpStep =>
  step.body.kind === "heads_up_raise" || step.body.kind === "heads_up_tell" || step.body.kind === "heads_up_end";
export const isCaseStep = (step: Step): step is CaseStep => !isHeadsUpStep(step);

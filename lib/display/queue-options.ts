import { STAGES, STAGE_LABELS } from "@/lib/playbook/vocabulary";

// The queue's filter and sort choices: shown by the filter form (client) and parsed by lib/manager/filters.ts.

/** Where a case is: any open stage, waiting for a manager, or ended. */
export const QUEUE_STATES = ["open", "awaiting_manager", ...STAGES, "closed", "abandoned"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
export const QUEUE_STATE_LABELS: Record<QueueState, string> = {
  open: "Open (any stage)",
  awaiting_manager: "Waiting for a manager",
  ...Object.fromEntries(STAGES.map((s) => [s, `At ${STAGE_LABELS[s]}`])),
  closed: "Closed",
  abandoned: "Abandoned",
} as Record<QueueState, string>;

export const QUEUE_SORTS = ["opened", "severity", "activity"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  opened: "Opened",
  severity: "Severity",
  activity: "Last activity",
};

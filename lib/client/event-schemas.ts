import type * as Events from "@/lib/playbook/events";

// The tablet checks each step with the server's own zod schemas (lib/playbook/events.ts), but
// loads them once the page is up rather than with it: nobody sends a step in the first second,
// and the page's first script stays small (docs/decisions/0006-tablet-script-budget.md).

type EventsModule = typeof Events;
let loading: Promise<EventsModule> | null = null;

export function loadEventSchemas(): Promise<EventsModule> {
  loading ??= import("@/lib/playbook/events").catch((error: unknown) => {
    loading = null; // a later step tries again (say the Wi-Fi came back)
    throw error;
  });
  return loading;
}

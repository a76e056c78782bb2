"use client";

import { Button } from "@/components/ui/button";
import type { RefusedStep } from "./use-case-log";
import { useVenueTimeZone, venueDayAndTime } from "./venue-time";

// Rarely shown (only after the server refused a step taken offline): loaded on demand.

const STEP_NAMES: Record<string, string> = {
  case_opened: "Opening the case",
  complaint_heard: "What the customer said",
  feeling_validated: "Naming their feeling",
  apology_given: "The apology",
  options_offered: "The options offered",
  request_declined: "Saying no",
  escalation_requested: "Calling a manager",
  solution_agreed: "The agreed solution",
  compensation_offered: "The compensation",
  compensation_skipped: "Skipping compensation",
  actions_agreed: "The agreed actions",
  readback_answered: "The read-back",
  root_causes_tagged: "The root causes",
  case_closed: "Closing the case",
};

/** A step recorded on this tablet that the server refused: what, why, and the way on. */
export function RefusedBanner({ refused, discard }: { refused: RefusedStep; discard: () => Promise<void> }) {
  const timeZone = useVenueTimeZone();
  const { step, refusal, held } = refused;
  const name =
    step.body.kind === "open" ? STEP_NAMES.case_opened : (STEP_NAMES[step.body.event.type] ?? step.body.event.type.replaceAll("_", " "));
  return (
    <section
      role="alert"
      data-testid="refused-step"
      className="flex flex-col gap-3 rounded-xl border-l-4 border-rose-400 bg-rose-950/80 px-5 py-4 text-rose-50"
    >
      <h2 className="text-xl font-semibold">The server did not accept a step recorded on this tablet</h2>
      <p className="text-lg">
        <span className="font-semibold">{name}</span> (recorded {venueDayAndTime(new Date(refused.step.capturedAt), timeZone).time}):{" "}
        {refusal.message}
      </p>
      {held > 0 ? (
        <p className="text-base">
          {held} later {held === 1 ? "step is" : "steps are"} held back on this tablet, because {held === 1 ? "it was" : "they were"}{" "}
          recorded after it.
        </p>
      ) : null}
      <Button variant="secondary" className="self-start" onClick={() => void discard()}>
        Discard {held > 0 ? "these steps" : "this step"} and continue from the server&apos;s copy
      </Button>
    </section>
  );
}

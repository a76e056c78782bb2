"use client";

import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { newClientId } from "@/lib/client/api";
import type { AgreedActionInput } from "@/lib/playbook/events";
import { formatMoney } from "@/lib/playbook/money";
import { remedyText } from "@/lib/playbook/readback";
import { settledCompensation, type CaseState } from "@/lib/playbook/state";
import { ReadbackDialog } from "../readback-dialog";
import { StepFeedback } from "../step-feedback";
import type { StagePanelProps } from "../types";
import { useStep } from "../use-step";
import { dueDays, normaliseTime, useVenueTimeZone, venueDayAndTime, venueIso } from "../venue-time";
import { StagePanelFrame } from "./panel-frame";

const MAX_ACTIONS = 10;
/** Far enough ahead to be doable, near enough that the customer sees it happen. */
const SOON_MINUTES = 15;

type ActionRow = { id: string; description: string; owner: string; day: string; time: string };
type EditableField = Exclude<keyof ActionRow, "id">;
/** Where the schema reports each field's message: "actions.0.dueAt". */
const FIELD_OF: Record<EditableField, string> = { description: "description", owner: "owner", day: "dueAt", time: "dueAt" };

/** This round's actions, or one empty row: never the agreed option's words (an action says what happens). */
function rowsFrom(state: CaseState, ownerName: string, timeZone: string): ActionRow[] {
  if (state.actions.length > 0) {
    return state.actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      ...venueDayAndTime(new Date(a.dueAt), timeZone),
    }));
  }
  return [{ id: newClientId(), description: "", owner: ownerName, day: venueDayAndTime(new Date(), timeZone).day, time: "" }];
}

function toActions(rows: ActionRow[], timeZone: string): AgreedActionInput[] {
  return rows.map((row) => ({ id: row.id, description: row.description, owner: row.owner, dueAt: venueIso(row.day, row.time, timeZone) }));
}

function sameActions(a: readonly AgreedActionInput[], b: readonly AgreedActionInput[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.id === b[i].id &&
        x.description.trim() === b[i].description.trim() &&
        x.owner.trim() === b[i].owner.trim() &&
        x.dueAt === b[i].dueAt,
    )
  );
}

function soon(timeZone: string): { day: string; time: string } {
  const at = new Date(Date.now() + SOON_MINUTES * 60_000);
  at.setMinutes(Math.ceil(at.getMinutes() / 5) * 5, 0, 0);
  return venueDayAndTime(at, timeZone);
}

/** What this round gives the customer, as approved: what a manager approved instead is said plainly. */
function RemedySummary({ state }: { state: CaseState }) {
  const remedy = settledCompensation(state);
  if (!remedy) return <>{state.compensationSkippedReason ? `None: ${state.compensationSkippedReason}` : "None"}</>;
  return (
    <>
      <span className="font-semibold">{remedyText(remedy.kind, remedy.valueCents)}</span> · {remedy.description}
      {remedy.requested ? (
        <span
          className="mt-1 block rounded-lg border-l-4 border-emerald-400 bg-emerald-950/60 px-3 py-2 text-base text-emerald-50"
          data-testid="counter-offer"
        >
          The manager approved this instead of {remedy.requested.description} ({formatMoney(remedy.requested.valueCents)}).
          {remedy.decisionNote ? <> Their note: “{remedy.decisionNote.replace(/[.!?]$/, "")}”.</> : null} Tell the customer before you show
          them.
        </span>
      ) : null}
    </>
  );
}

/** Every promise gets an owner and a time, then the customer sees it and says yes. */
export function ConfirmPanel({ state, send, actor }: StagePanelProps) {
  const timeZone = useVenueTimeZone();
  const [rows, setRows] = useState<ActionRow[]>(() => rowsFrom(state, actor.name, timeZone));
  const [showing, setShowing] = useState(false);
  const step = useStep();
  const days = useMemo(() => dueDays(new Date(), timeZone), [timeZone]);

  const saved = state.actions.length > 0;
  const upToDate = saved && sameActions(toActions(rows, timeZone), state.actions);

  const update = (index: number, patch: Partial<Pick<ActionRow, EditableField>>) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    for (const field of Object.keys(patch) as EditableField[]) step.clearField(`actions.${index}.${FIELD_OF[field]}`);
  };
  const save = () => step.run(() => send({ type: "actions_agreed", data: { actions: toActions(rows, timeZone) } }));

  return (
    <StagePanelFrame testId="confirm" title="Confirm" intro="Agree who does what by when, then show the customer.">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg" data-testid="confirm-summary">
        <dt className="text-slate-300">Agreed</dt>
        <dd className="font-semibold text-slate-50">{state.chosenOption ?? "Nothing yet"}</dd>
        <dt className="text-slate-300">To make up for it</dt>
        <dd className="text-slate-50">
          <RemedySummary state={state} />
        </dd>
      </dl>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-xl font-semibold text-slate-50">Agreed actions</legend>
        <p className="-mt-2 text-base text-slate-300">
          What will happen, who does it, and by when: each one is read back to the customer as written.
        </p>
        {rows.map((row, index) => (
          <ActionEditor
            key={row.id}
            row={row}
            index={index}
            numbered={rows.length > 1}
            days={days}
            error={(field) => step.fieldError(`actions.${index}.${field}`)}
            update={(patch) => update(index, patch)}
            soon={() => update(index, soon(timeZone))}
            remove={
              rows.length > 1
                ? () => {
                    setRows((current) => current.filter((_, i) => i !== index));
                    step.reset(); // row numbers shift, so old messages would point at the wrong row
                  }
                : undefined
            }
          />
        ))}
        {step.fieldError("actions") ? <p className="text-base font-medium text-rose-300">{step.fieldError("actions")}</p> : null}
        <Button
          variant="ghost"
          className="self-start"
          disabled={rows.length >= MAX_ACTIONS}
          onClick={() =>
            setRows((current) => [
              ...current,
              { id: newClientId(), description: "", owner: actor.name, day: days[0]?.value ?? "", time: "" },
            ])
          }
        >
          Add another action
        </Button>
      </fieldset>

      <div className="flex flex-col gap-3">
        {saved && !upToDate ? (
          <p className="text-base text-amber-200">You changed the actions: save them again so the customer sees the latest.</p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button variant={upToDate ? "secondary" : "primary"} disabled={step.pending} onClick={() => void save()} className="min-w-48">
            Save actions
          </Button>
          {saved ? (
            <Button variant={upToDate ? "primary" : "secondary"} disabled={!upToDate} onClick={() => setShowing(true)} className="min-w-60">
              Show the customer
            </Button>
          ) : null}
        </div>
        <StepFeedback step={step} testId="actions-feedback" />
      </div>
      {showing ? <ReadbackDialog state={state} send={send} onClose={() => setShowing(false)} /> : null}
    </StagePanelFrame>
  );
}

function ActionEditor({
  row,
  index,
  numbered,
  days,
  error,
  update,
  soon,
  remove,
}: {
  row: ActionRow;
  index: number;
  numbered: boolean;
  days: { value: string; label: string }[];
  error: (field: string) => string | undefined;
  update: (patch: Partial<Pick<ActionRow, EditableField>>) => void;
  soon: () => void;
  remove?: () => void;
}) {
  const dayId = useId();
  const number = numbered ? <span className="sr-only"> {index + 1}</span> : null;
  // A saved action due on a day no longer in the list (yesterday, next month) keeps its own day.
  const options = days.some((d) => d.value === row.day) || !row.day ? days : [{ value: row.day, label: row.day }, ...days];
  const dueError = error("dueAt");
  return (
    <div
      className="grid gap-3 rounded-xl bg-slate-800/70 p-3 md:grid-cols-[minmax(0,1fr)_minmax(14rem,auto)_8rem]"
      data-testid={`action-row-${index}`}
    >
      <div className="md:col-span-3">
        <TextInput
          label={<>Action{number}</>}
          value={row.description}
          onChange={(e) => update({ description: e.target.value })}
          placeholder="Bring a fresh steak to the table"
          error={error("description")}
        />
      </div>
      <TextInput
        label={<>Owner{number}</>}
        value={row.owner}
        onChange={(e) => update({ owner: e.target.value })}
        placeholder="Who does it"
        error={error("owner")}
      />
      <div className="contents">
        <div className="contents">
          <div className="flex flex-col gap-1.5">
            <label htmlFor={dayId} className="text-lg font-semibold text-slate-100">
              Due{number}
            </label>
            <select
              id={dayId}
              value={row.day}
              onChange={(e) => update({ day: e.target.value })}
              aria-invalid={dueError ? true : undefined}
              className={`min-h-12 w-full rounded-xl border-2 bg-slate-950 px-3 text-lg text-slate-50 ${dueError ? "border-rose-400" : "border-slate-500"}`}
            >
              {options.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <TextInput
            label={<>Time{number}</>}
            inputMode="numeric"
            autoComplete="off"
            placeholder="20:30"
            value={row.time}
            onChange={(e) => update({ time: e.target.value })}
            onBlur={(e) => {
              const clock = normaliseTime(e.target.value);
              if (clock && clock !== row.time) update({ time: clock });
            }}
          />
        </div>
        {dueError ? (
          <p className="text-base font-medium text-rose-300 md:col-span-3">
            {row.time && !normaliseTime(row.time) ? "Write the time as 24-hour, like 20:30" : dueError}
          </p>
        ) : null}
        <div className="flex gap-2 md:col-span-3 md:justify-end">
          <Button variant="ghost" className="text-base" onClick={soon}>
            In {SOON_MINUTES} min<span className="sr-only"> for action {index + 1}</span>
          </Button>
          {remove ? (
            <Button variant="ghost" className="text-base" onClick={remove}>
              Remove<span className="sr-only"> action {index + 1}</span>
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

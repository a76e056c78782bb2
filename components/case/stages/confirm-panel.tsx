"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { newClientId } from "@/lib/client/api";
import type { AgreedActionInput } from "@/lib/playbook/events";
import { formatMoney } from "@/lib/playbook/machine";
import { settledCompensation, type CaseState } from "@/lib/playbook/state";
import { ReadbackDialog } from "../readback-dialog";
import { StepFeedback } from "../step-feedback";
import { isoToLocal, localToIso } from "../text";
import type { StagePanelProps } from "../types";
import { useStep } from "../use-step";
import { StagePanelFrame } from "./panel-frame";

const MAX_ACTIONS = 10;
/** Far enough ahead to be doable, near enough that the customer sees it happen. */
const SOON_MINUTES = 15;

type ActionRow = { id: string; description: string; owner: string; due: string };
type EditableField = Exclude<keyof ActionRow, "id">;
/** Where the schema reports each field's message: "actions.0.dueAt". */
const FIELD_OF: Record<EditableField, string> = { description: "description", owner: "owner", due: "dueAt" };

function rowsFrom(state: CaseState, ownerName: string): ActionRow[] {
  if (state.actions.length > 0) {
    return state.actions.map((a) => ({ id: a.id, description: a.description, owner: a.owner, due: isoToLocal(a.dueAt) }));
  }
  return [{ id: newClientId(), description: state.chosenOption ?? "", owner: ownerName, due: "" }];
}

function toActions(rows: ActionRow[]): AgreedActionInput[] {
  return rows.map((row) => ({ id: row.id, description: row.description, owner: row.owner, dueAt: localToIso(row.due) }));
}

function sameActions(a: readonly AgreedActionInput[], b: readonly AgreedActionInput[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.id === b[i].id && x.description.trim() === b[i].description.trim() && x.owner.trim() === b[i].owner.trim() && x.dueAt === b[i].dueAt)
  );
}

function soon(): string {
  const at = new Date(Date.now() + SOON_MINUTES * 60_000);
  at.setMinutes(Math.ceil(at.getMinutes() / 5) * 5, 0, 0);
  return isoToLocal(at.toISOString());
}

/** Every promise gets an owner and a time, then the customer sees it and says yes. */
export function ConfirmPanel({ state, send, actor }: StagePanelProps) {
  const [rows, setRows] = useState<ActionRow[]>(() => rowsFrom(state, actor.name));
  const [showing, setShowing] = useState(false);
  const step = useStep();

  const compensation = settledCompensation(state);
  const saved = state.actions.length > 0;
  const upToDate = saved && sameActions(toActions(rows), state.actions);

  const update = (index: number, patch: Partial<Pick<ActionRow, EditableField>>) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    for (const field of Object.keys(patch) as EditableField[]) step.clearField(`actions.${index}.${FIELD_OF[field]}`);
  };
  const save = () => step.run(() => send({ type: "actions_agreed", data: { actions: toActions(rows) } }));

  return (
    <StagePanelFrame testId="confirm" title="Confirm" intro="Agree who does what by when, then show the customer.">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
        <dt className="text-slate-300">Agreed</dt>
        <dd className="font-semibold text-slate-50">{state.chosenOption ?? "Nothing yet"}</dd>
        <dt className="text-slate-300">To say sorry</dt>
        <dd className="text-slate-50">
          {compensation
            ? `${compensation.description} (${formatMoney(compensation.valueCents)})`
            : state.compensationSkippedReason
              ? `None: ${state.compensationSkippedReason}`
              : "None"}
        </dd>
      </dl>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-xl font-semibold text-slate-50">Agreed actions</legend>
        {rows.map((row, index) => {
          const error = (field: string) => step.fieldError(`actions.${index}.${field}`);
          const number = rows.length > 1 ? <span className="sr-only"> {index + 1}</span> : null;
          return (
            <div key={row.id} className="grid gap-3 rounded-xl bg-slate-800/70 p-3 md:grid-cols-[2fr_1fr]" data-testid={`action-row-${index}`}>
              <div className="md:col-span-2">
                <TextInput
                  label={<>Action{number}</>}
                  value={row.description}
                  onChange={(e) => update(index, { description: e.target.value })}
                  placeholder="Bring a fresh steak to the table"
                  error={error("description")}
                />
              </div>
              <TextInput
                label={<>Owner{number}</>}
                value={row.owner}
                onChange={(e) => update(index, { owner: e.target.value })}
                placeholder="Who does it"
                error={error("owner")}
              />
              <div className="flex flex-col gap-2">
                <TextInput
                  label={<>Due{number}</>}
                  type="datetime-local"
                  value={row.due}
                  onChange={(e) => update(index, { due: e.target.value })}
                  error={error("dueAt")}
                />
                <div className="flex gap-2">
                  <Button variant="ghost" className="text-base" onClick={() => update(index, { due: soon() })}>
                    In {SOON_MINUTES} min<span className="sr-only"> for action {index + 1}</span>
                  </Button>
                  {rows.length > 1 ? (
                    <Button variant="ghost" className="text-base" onClick={() => {
                        setRows((current) => current.filter((_, i) => i !== index));
                        step.reset(); // row numbers shift, so old messages would point at the wrong row
                      }}>
                      Remove<span className="sr-only"> action {index + 1}</span>
                    </Button>
                  ) : null}
                </div>
              </div>
            </div>
          );
        })}
        {step.fieldError("actions") ? <p className="text-base font-medium text-rose-300">{step.fieldError("actions")}</p> : null}
        <Button
          variant="ghost"
          className="self-start"
          disabled={rows.length >= MAX_ACTIONS}
          onClick={() => setRows((current) => [...current, { id: newClientId(), description: "", owner: actor.name, due: "" }])}
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

import type { Metadata } from "next";
import { HeldStepCard } from "@/components/manager/held-step-card";
import { requirePageActor } from "@/lib/auth/current";
import { getDb } from "@/lib/db/client";
import { listHeldSteps } from "@/lib/manager/list-held-steps";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Held steps · Complaint Coach" };

export default async function HeldStepsPage() {
  const actor = await requirePageActor("manager.desk");
  const { steps, unreviewed } = await listHeldSteps(await getDb(), actor);
  const open = steps.filter((s) => !s.review);
  const reviewed = steps.filter((s) => s.review);

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-50">Held steps</h1>
        <p className="text-lg text-slate-300">
          {unreviewed} to review · {reviewed.length} reviewed
        </p>
      </div>
      <p className="max-w-3xl text-lg text-slate-300">
        Steps taken on a tablet without Wi-Fi that reached the server only after their author had signed out, when the case could no longer
        take them: it had been closed meanwhile, or the person can no longer sign in. They were kept here rather than lost. Record what
        still matters by hand, then mark each one reviewed with a short note.
      </p>

      <section aria-labelledby="to-review-heading" className="flex flex-col gap-3">
        <h2 id="to-review-heading" className="text-2xl font-semibold">
          To review
        </h2>
        {open.length ? (
          <ul className="flex flex-col gap-3">
            {open.map((step) => (
              <HeldStepCard key={step.id} step={step} />
            ))}
          </ul>
        ) : (
          <p className="text-lg text-slate-300">
            Nothing to review:{" "}
            {reviewed.length ? "every held step has been reviewed." : "every step captured at your venues reached its case."}
          </p>
        )}
      </section>

      {reviewed.length ? (
        <section aria-labelledby="reviewed-heading" className="flex flex-col gap-3">
          <h2 id="reviewed-heading" className="text-2xl font-semibold">
            Reviewed
          </h2>
          <ul className="flex flex-col gap-3">
            {reviewed.map((step) => (
              <HeldStepCard key={step.id} step={step} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

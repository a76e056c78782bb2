"use client";

import { useRouter } from "next/navigation";
import { forgetKeptPages } from "@/components/field/service-worker";
import { postJson } from "@/lib/client/api";
import { Button } from "./button";

/** On a shared tablet, signing out is how the next person switches in. */
export function SignOutButton() {
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      className="text-base"
      onClick={async () => {
        await postJson("/api/session/sign-out", {});
        // Pages kept for offline use show this person's name and cases: not for the next person.
        await forgetKeptPages().catch(() => undefined);
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Switch user
    </Button>
  );
}

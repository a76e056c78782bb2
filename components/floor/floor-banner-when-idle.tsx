"use client";

import { useEffect, useState, type ComponentType } from "react";
import { whenIdle } from "@/lib/client/idle";

type Props = { compact?: boolean };

/**
 * The floor banner for the live coach's page: its own chunk, fetched once the stage panel takes
 * input and the browser is idle, so the page's first-load script stays within its budget
 * (docs/decisions/0006). It still shows a new heads-up within seconds.
 */
export function FloorBannerWhenIdle(props: Props) {
  const [Banner, setBanner] = useState<ComponentType<Props> | null>(null);
  useEffect(
    () =>
      whenIdle(() => {
        import("./floor-banner").then(
          (m) => setBanner(() => m.FloorBanner),
          () => undefined, // offline and never kept: no banner, the coach goes on
        );
      }),
    [],
  );
  return Banner ? <Banner {...props} /> : null;
}

"use client";

import { useEffect } from "react";
import { handOver, startSending } from "./handover";

/** Mounted on the sign-in page: ends what is left of the last session here, and sends its sealed steps (./handover.ts). */
export function TabletHandover() {
  useEffect(() => {
    let live = true;
    let stop: () => void = () => undefined;
    void handOver()
      .then(async (store) => {
        const stopSending = await startSending(store);
        if (live) stop = stopSending;
        else stopSending();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return null;
}

import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/** A load balancer's probe sends no parameters; any it does send are ignored, never echoed. */
export const healthQuerySchema = z.object({}).passthrough();

/** How long the database may take to answer before this instance counts as down. */
export const HEALTH_TIMEOUT_MS = 2_000;

export type Health = { status: "ok" };

/**
 * Whether this instance can serve: its database answers a trivial query in time. For the load
 * balancer in front of a chain's instances (README, "Running a chain"). Says nothing else about
 * the deployment (engine, version, counts): the probe is open to anyone who can reach it.
 * `connect` is inside the check: a client that cannot even open counts as down, not as a crash.
 */
export async function checkHealth(connect: () => Promise<Db>, input: unknown = {}, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  parseInput(healthQuerySchema, input);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), timeoutMs);
    timer.unref();
  });
  try {
    const answer = await Promise.race([connect().then((db) => db.$queryRawUnsafe<unknown[]>("SELECT 1 AS up")), late]);
    if (answer === "late") throw new AppError("unavailable", "The database did not answer in time.");
    return { status: "ok" };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unavailable", "The database is not answering.");
  } finally {
    clearTimeout(timer);
  }
}

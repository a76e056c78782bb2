import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createDb, type Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { checkHealth } from "@/lib/ops/check-health";
import { createTestDb } from "../setup/test-db";

const { db } = await createTestDb();
(globalThis as { coachDb?: Promise<Db> }).coachDb = Promise.resolve(db);

const opened: Db[] = [];
const silent: { server: net.Server; sockets: Set<net.Socket> }[] = [];
afterAll(async () => {
  for (const { server, sockets } of silent) {
    sockets.forEach((socket) => socket.destroy());
    server.close();
  }
  await Promise.all(opened.map((client) => client.$disconnect().catch(() => undefined)));
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error("answered healthy");
}

/** A port on loopback that accepts connections and never says a word: a database that hangs. */
async function silentPort(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  silent.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

describe("the load balancer's health probe", () => {
  it("answers 200 and nothing but its status when the database answers, never cached", async () => {
    const response = await GET(new Request("http://coach.test/api/health?verbose=1"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("counts a database that refuses connections as down: 503 with a clear message", async () => {
    const down = createDb("postgresql://coach@127.0.0.1:1/coach");
    opened.push(down);
    expect(await refusal(checkHealth(async () => down))).toMatchObject({ code: "unavailable", status: 503 });
  });

  it("counts a database that does not answer in time as down", async () => {
    const hung = createDb(`postgresql://coach@127.0.0.1:${await silentPort()}/coach`);
    opened.push(hung);
    const started = Date.now();
    const answer = await refusal(checkHealth(async () => hung, {}, 300));
    expect(answer).toMatchObject({ code: "unavailable", status: 503 });
    expect(answer.message).toMatch(/in time/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("counts a SQLite file that cannot be opened as down, not as a crash", async () => {
    const missing = path.join(os.tmpdir(), "no-such-folder-for-coach", "x", "coach.db");
    const answer = await refusal(
      checkHealth(async () => {
        const client = createDb(`file:${missing}`);
        opened.push(client);
        return client;
      }),
    );
    expect(answer).toMatchObject({ code: "unavailable", status: 503 });
  });

  it("says nothing about the deployment when down (no engine, address or error text)", async () => {
    const response = await GET(new Request("http://coach.test/api/health"));
    expect(response.status).toBe(200);
    const down = createDb("postgresql://coach:secret@127.0.0.1:1/coach");
    opened.push(down);
    const answer = await refusal(checkHealth(async () => down));
    expect(JSON.stringify(answer)).not.toMatch(/127\.0\.0\.1|secret|postgres|ECONNREFUSED/i);
  });
});

// A TCP relay that holds every chunk for a while in each direction: a database server on another
// host, as a chain's app instances reach theirs, for the chain bench (BENCH_PG_DELAY_MS). Bench
// tooling only; nothing in the app uses it.
//   node scripts/delay-relay.mjs LISTEN_PORT TARGET_PORT DELAY_MS
// Timers of the same delay fire in the order they were set, so each direction keeps its order.
// Node's timers count whole milliseconds: DELAY_MS below 1 is 1.
import net from "node:net";

const [listenPort, targetPort, delayMs] = process.argv.slice(2).map(Number);
if (!listenPort || !targetPort || !(delayMs >= 0)) {
  console.error("usage: node scripts/delay-relay.mjs LISTEN_PORT TARGET_PORT DELAY_MS");
  process.exit(2);
}

/** Chunks from `from` reach `to` `delayMs` later; an end or an error reaches it after the last chunk. */
function relay(from, to) {
  from.on("data", (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delayMs));
  from.on("end", () => setTimeout(() => to.end(), delayMs));
  from.on("error", () => setTimeout(() => to.destroy(), delayMs));
  from.on("close", () => setTimeout(() => to.destroy(), delayMs + 1));
}

const server = net.createServer((client) => {
  client.setNoDelay(true);
  const upstream = net.connect({ host: "127.0.0.1", port: targetPort }, () => upstream.setNoDelay(true));
  relay(client, upstream);
  relay(upstream, client);
});
server.listen(listenPort, "127.0.0.1", () => console.log(`relay 127.0.0.1:${listenPort} → :${targetPort}, ${delayMs} ms each way`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

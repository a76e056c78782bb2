// A loopback TCP proxy in front of the app whose connection can be cut: WebKitGTK driven over
// WebDriver has no offline switch, so the test cuts the "Wi-Fi" here. Cut, every open connection
// is dropped and new ones are closed at once, so the page's requests fail as on a dead network
// (navigator.onLine stays true, as on a venue Wi-Fi that is up but goes nowhere).
import { createServer, connect, type Socket } from "node:net";

export type CutProxy = { url: string; cut: () => void; restore: () => void; stop: () => Promise<void> };

export async function startCutProxy(target: URL, port: number): Promise<CutProxy> {
  let down = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname === "localhost" ? "127.0.0.1" : target.hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://localhost:${port}`,
    cut: () => {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore: () => {
      down = false;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

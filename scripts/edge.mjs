// What server.mjs does to every request before Next sees it: decide which address the request
// came from, and which forwarding headers to believe (docs/decisions/0015-trusted-proxies.md).
//
// By default nothing a client says about itself is believed: X-Forwarded-For, -Host, -Proto,
// -Port, Forwarded and X-Real-IP are removed, and Next fills in X-Forwarded-* from the socket.
// Only a connection from a proxy named in TRUSTED_PROXIES (addresses and CIDR ranges, or the
// words "loopback" and "private") keeps them; the client is then the right-most address in
// X-Forwarded-For that is not itself a trusted proxy.
import net from "node:net";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];
/** Set here, read by lib/http.ts; a client's own copy is always removed first. */
export const CLIENT_ADDRESS_HEADER = "x-coach-client-address";

const NAMED_RANGES = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** An address as it is compared: IPv4-mapped IPv6 as plain IPv4, brackets and ports removed; null if it is not an IP. */
export function normaliseAddress(raw) {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  const zone = value.indexOf("%");
  if (zone > 0) value = value.slice(0, zone);
  return net.isIP(value) ? value.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES, parsed: commas or spaces between entries. An entry that is not an address, a
 * CIDR range or a known word stops the server at start-up rather than trusting the wrong thing.
 */
export function parseTrustedProxies(spec = "") {
  const list = new net.BlockList();
  const entries = [];
  for (const entry of spec.split(/[\s,]+/).filter(Boolean)) {
    const expanded = NAMED_RANGES[entry.toLowerCase()] ?? [entry];
    for (const item of expanded) {
      const [base, bits, extra] = item.split("/");
      const address = normaliseAddress(base);
      const family = address ? (net.isIPv4(address) ? "ipv4" : "ipv6") : null;
      const prefix = bits === undefined ? null : Number(bits);
      const maxBits = family === "ipv4" ? 32 : 128;
      if (!address || extra !== undefined || (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > maxBits))) {
        throw new Error(
          `TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of ${Object.keys(NAMED_RANGES).join(", ")}`,
        );
      }
      if (prefix === null) list.addAddress(address, family);
      else list.addSubnet(address, prefix, family);
      entries.push(prefix === null ? address : `${address}/${prefix}`);
    }
  }
  return { list, entries, check: (address) => entries.length > 0 && list.check(address, net.isIPv4(address) ? "ipv4" : "ipv6") };
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then X-Forwarded-For
 * is read right to left, skipping trusted proxies, and the first other address is the client. An
 * entry that is not an address ends the walk at the last trusted hop: garbage never becomes the
 * address a throttle counts against.
 */
export function resolveClient(peer, forwardedFor, trusted) {
  const socket = normaliseAddress(peer) ?? "unknown";
  if (!trusted || socket === "unknown" || !trusted.check(socket)) return { address: socket, viaTrustedProxy: false };
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean)
    .reverse();
  let address = socket;
  for (const hop of hops) {
    const next = normaliseAddress(hop);
    if (!next) break;
    address = next;
    if (!trusted.check(next)) break;
  }
  return { address, viaTrustedProxy: true };
}

const first = (value) => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();

/** Rewrites a Node request's headers in place, as described at the top of this file. */
export function applyEdge(request, trusted) {
  const headers = request.headers;
  const { address, viaTrustedProxy } = resolveClient(request.socket?.remoteAddress, headers["x-forwarded-for"], trusted);
  delete headers[CLIENT_ADDRESS_HEADER];
  if (viaTrustedProxy) {
    // One value each, the one the proxy nearest the client set.
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) {
      const value = first(headers[name]);
      if (value) headers[name] = value;
      else delete headers[name];
    }
    delete headers.forwarded;
    delete headers["x-real-ip"];
  } else {
    for (const name of FORWARDING_HEADERS) delete headers[name];
  }
  // Next only fills X-Forwarded-For when it is missing: give it the one address we believe.
  headers["x-forwarded-for"] = address;
  headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

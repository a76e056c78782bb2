import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { venueDay } from "./venue-day";

const ZONES = ["Europe/London", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "Australia/Lord_Howe", "UTC"];

/** The day as Intl gives it, worked out afresh every time. */
function fresh(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

describe("venueDay", () => {
  it("puts an instant just after local midnight on the venue's day, not UTC's", () => {
    expect(venueDay(new Date("2026-03-01T23:30:00Z"), "Asia/Kathmandu")).toBe("2026-03-02");
    expect(venueDay(new Date("2026-03-02T00:10:00Z"), "America/St_Johns")).toBe("2026-03-01");
  });

  it("answers as Intl does, asked once or again, in any zone, after thousands of other instants", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES)), {
          minLength: 1,
          maxLength: 60,
        }),
        (asked) => {
          // Asked twice over: the second round answers from what the first worked out.
          for (const [ms, zone] of [...asked, ...asked]) expect(venueDay(new Date(ms), zone)).toBe(fresh(new Date(ms), zone));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps one instant's days apart by zone", () => {
    const instant = new Date("2026-06-30T23:50:00Z");
    expect(venueDay(instant, "UTC")).toBe("2026-06-30");
    expect(venueDay(instant, "Pacific/Chatham")).toBe("2026-07-01");
    expect(venueDay(instant, "UTC")).toBe("2026-06-30");
  });
});

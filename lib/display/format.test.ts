import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, formatDayHeading, formatShortDate, formatTime } from "./format";

// 23:30 UTC on Sunday 29 November 2026: still the 29th in London, already Monday the 30th in Tokyo
// (UTC+9), early evening in New York (UTC-5). Each formatter shows the venue's clock it is given.
const at = "2026-11-29T23:30:15Z";

describe("times are shown on the venue's clock", () => {
  it("formatDateTime", () => {
    expect(formatDateTime(at, "Europe/London")).toBe("Sun 29 Nov, 23:30");
    expect(formatDateTime(at, "Asia/Tokyo")).toBe("Mon 30 Nov, 08:30");
    expect(formatDateTime(at, "America/New_York")).toBe("Sun 29 Nov, 18:30");
  });

  it("formatShortDate", () => {
    expect(formatShortDate(at, "Europe/London")).toBe("29 Nov");
    expect(formatShortDate(at, "Asia/Tokyo")).toBe("30 Nov");
  });

  it("formatClock", () => {
    expect(formatClock(at, "Europe/London")).toBe("23:30");
    expect(formatClock(at, "Asia/Tokyo")).toBe("08:30");
    expect(formatClock(at, "America/New_York")).toBe("18:30");
  });

  it("formatDate", () => {
    expect(formatDate(at, "Europe/London")).toBe("29 Nov 2026");
    expect(formatDate(at, "Asia/Tokyo")).toBe("30 Nov 2026");
    expect(formatDate(at, "Asia/Tokyo", false)).toBe("30 Nov");
  });

  it("formatTime", () => {
    expect(formatTime(at, "Europe/London")).toBe("23:30:15");
    expect(formatTime(at, "Asia/Tokyo")).toBe("08:30:15");
  });

  it("formatDayHeading", () => {
    expect(formatDayHeading(at, "Europe/London")).toBe("Sunday, 29 November 2026");
    expect(formatDayHeading(at, "Asia/Tokyo")).toBe("Monday, 30 November 2026");
  });
});

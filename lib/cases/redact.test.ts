import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_MASK, maskContactDetails, PHONE_MASK, redactEventData, redactForTrainer } from "./redact";

describe("maskContactDetails", () => {
  it.each([
    ["Email me at jo.bloggs+food@example.co.uk please", `Email me at ${EMAIL_MASK} please`],
    ["call 07700 900123 tonight", `call ${PHONE_MASK} tonight`],
    ["ring +44 7700 900123.", `ring ${PHONE_MASK}.`],
    ["office (020) 7946 0958 or 020-7946-0958", `office ${PHONE_MASK} or ${PHONE_MASK}`],
    ["US guest 555-123-4567", `US guest ${PHONE_MASK}`],
    ["+44 (0)20 7946 0958", PHONE_MASK],
  ])("masks %j", (input, expected) => {
    expect(maskContactDetails(input)).toBe(expected);
  });

  it.each([
    "Table 12, party of 4, booked for 19:30",
    "Refund of £125.50 on 2026-11-23",
    "Room 412 since 23/11/2026",
    "We waited 45 minutes",
  ])("leaves %j alone", (input) => {
    expect(maskContactDetails(input)).toBe(input);
  });

  it("never leaves a generated email or UK mobile number readable", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    const prose = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(word, word, prose, fc.stringMatching(/^7\d{9}$/), fc.constantFrom(" ", "-", ""), (user, domain, text, mobile, sep) => {
        const email = `${user}@${domain}.com`;
        const phone = `0${mobile.slice(0, 4)}${sep}${mobile.slice(4)}`;
        const masked = maskContactDetails(`${text} ${email} and ${phone} ${text}`);
        expect(masked).not.toContain(email);
        expect(masked).not.toContain(phone);
        expect(masked.replace(/\[(email|phone) removed\]/g, "")).not.toMatch(/\d{7,}|@/);
      }),
    );
  });
});

describe("redactForTrainer", () => {
  const view = {
    id: "c1",
    reference: "C-ABC123",
    openedByName: "Amira Shah",
    log: [
      {
        type: "complaint_heard",
        at: "2026-11-23T12:00:00.000Z",
        data: { customerWords: "I'm bob@example.com, 07700 900123", category: "food_quality", spot: "Table 2" },
      },
      {
        type: "actions_agreed",
        at: "2026-11-23T12:05:00.000Z",
        data: {
          actions: [{ id: "a-07700900123", description: "Call back on 07700 900123", owner: "Maria", dueAt: "2026-11-24T10:00:00+00:00" }],
        },
      },
      { type: "options_offered", at: "2026-11-23T12:06:00.000Z", data: { options: ["Email voucher to bob@example.com", "Replace dish"] } },
      { type: "note_added", at: "2026-11-23T12:07:00.000Z", data: { text: "fine", customerName: "Bob Smith", guest_name: "Bob" } },
    ],
  };

  it("masks every free-text field, keeps structure, drops name fields", () => {
    const redacted = redactForTrainer(view);
    expect(redacted.log[0].data).toEqual({ customerWords: `I'm ${EMAIL_MASK}, ${PHONE_MASK}`, category: "food_quality", spot: "Table 2" });
    expect(redacted.log[1].data).toEqual({
      actions: [{ id: "a-07700900123", description: `Call back on ${PHONE_MASK}`, owner: "Maria", dueAt: "2026-11-24T10:00:00+00:00" }],
    });
    expect(redacted.log[2].data).toEqual({ options: [`Email voucher to ${EMAIL_MASK}`, "Replace dish"] });
    expect(redacted.log[3].data).toEqual({ text: "fine" });
    expect(redacted.openedByName).toBe("Amira Shah");
    expect(JSON.stringify(redacted)).not.toMatch(/bob@example\.com|07700 900123|Bob/);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(view);
    redactForTrainer(view);
    expect(JSON.stringify(view)).toBe(before);
  });

  it("leaves non-objects as they are", () => {
    expect(redactEventData(null)).toBeNull();
    expect(redactEventData(3)).toBe(3);
  });
});

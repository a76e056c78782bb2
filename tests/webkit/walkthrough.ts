// One complete complaint on the tablet in WebKit (sign in, every stage, the read-back accepted,
// closed), then the manager's live board deciding a request. Run by tests/e2e/webkit.spec.ts
// against the same production server as the Playwright suite.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Tablet } from "./tablet";

export type Person = { location: string; name: string; pin: string };

/**
 * Signs in on the shared-tablet screen: venue, name, PIN. The one place a change to sign-in (a
 * paired tablet, for example) needs to be made for the WebKit walk.
 */
export async function signIn(tablet: Tablet, who: Person): Promise<void> {
  await tablet.go("/sign-in");
  const venue = await tablet.find("button", who.location);
  if (venue) await tablet.session.click(venue);
  await tablet.tap("button", who.name);
  await tablet.fill("PIN", who.pin);
  await tablet.tap("button", "Go");
  // A session cookie that did not stick lands back on the sign-in screen: say so.
  await tablet.until(`${who.name} to be signed in (the home screen's "New complaint" or desk)`, async () => {
    const here = await tablet.session.url();
    return !here.includes("/sign-in") && (await tablet.find("testid", "tablet-status")) !== null;
  });
  await tablet.settle();
}

/**
 * Pairs WebKit as a venue's tablet through the real pairing page, with a one-time code a
 * manager would read off their desk (made by the test through the API).
 */
export async function pair(tablet: Tablet, code: string): Promise<void> {
  await tablet.go(`/pair?code=${encodeURIComponent(code)}`);
  await tablet.tap("button", "Pair this tablet");
  await tablet.until(
    "the paired sign-in screen",
    async () => (await tablet.session.url()).includes("/sign-in") && (await tablet.find("testid", "paired-tablet")) !== null,
  );
  await tablet.settle();
}

export async function signOut(tablet: Tablet): Promise<void> {
  await tablet.tap("button", "Switch user");
  await tablet.until("the sign-in screen", async () => (await tablet.session.url()).includes("/sign-in"));
}

const expectIncludes = (text: string, part: string, where: string) => {
  if (!text.includes(part)) throw new Error(`${where} should say “${part}”, but says: ${text}`);
};
const expectExcludes = (text: string, part: string | RegExp, where: string) => {
  if (typeof part === "string" ? text.includes(part) : part.test(text))
    throw new Error(`${where} should not say “${String(part)}”, but says: ${text}`);
};

export async function walkComplaint(tablet: Tablet, screenshots: string): Promise<string> {
  await tablet.tap("button", "New complaint");
  await tablet.stage("listen");
  const caseUrl = await tablet.session.url();
  await tablet.settle();

  await tablet.fill("What the customer says", "We booked for eight and waited forty minutes at the bar for our table.");
  await tablet.tap("chip", ["Category", "Waiting"]);
  await tablet.tap("chip", ["Severity", "2"]);
  await tablet.fill("Where", "Table 8");
  await tablet.tap("chip", ["Mood", "Upset"]);
  await tablet.tap("button", "Heard — next");

  await tablet.stage("validate");
  await tablet.tap("chip", ["Feeling", "Frustrated"]);
  await tablet.tap("check", "I acknowledged how they feel");
  await tablet.tap("button", "Feeling named — next");

  await tablet.stage("apologise");
  await tablet.tap("check", "I apologised sincerely");
  await tablet.fill("Your apology (optional)", "I'm sorry, forty minutes is far too long to wait for a table you booked.");
  await tablet.tap("button", "Apology given — next");

  await tablet.stage("solve");
  await tablet.fill("Option 1", "Seat you now at the window table");
  await tablet.fill("Option 2", "A drink at the bar on us while the table is laid");
  await tablet.tap("button", "Offer these options");
  await tablet.tap("radio", "Seat you now at the window table");
  await tablet.tap("button", "Agree this solution");

  await tablet.stage("compensate");
  await tablet.tap("chip", ["Kind", "Item on the house"]);
  await tablet.fill("What you are offering", "Drinks on the house for the table");
  await tablet.fill("Value (£)", "9.50");
  await tablet.tap("button", "Offer compensation");

  await tablet.stage("confirm");
  await tablet.fill("Action", "Seat the party at the window table");
  await tablet.fill("Owner", "Amira");
  await tablet.tap("button", "In 15 min");
  await tablet.tap("button", "Save actions");
  await tablet.until("the actions to be saved", async () => {
    const show = await tablet.find("button", "Show the customer");
    return show && !(await tablet.session.execute<boolean>("return arguments[0].disabled;", show));
  });
  await tablet.tap("button", "Show the customer");
  const readback = await tablet.text("testid", "readback-lines");
  expectIncludes(readback, "Seat you now at the window table", "The read-back");
  expectIncludes(readback, "Something on the house, worth £9.50", "The read-back");
  expectIncludes(readback, "Seat the party at the window table", "The read-back");
  expectIncludes(readback, "Amira will see to it by today at", "The read-back");
  expectExcludes(readback, /We will/, "The read-back");
  writeFileSync(path.join(screenshots, "webkit-readback.png"), await tablet.screenshot());
  await tablet.tap("button", "Yes, that's right");

  await tablet.stage("prevent");
  await tablet.tap("chip", ["Root causes", "Wait time"]);
  await tablet.tap("button", "Tag root causes");
  await tablet.get("css", '[data-testid="save-status"][data-state="saved"]');
  await tablet.tap("button", "Close case");
  await tablet.stage("closed");
  const summary = await tablet.text("testid", "case-summary");
  expectIncludes(summary, "Seat you now at the window table", "The closing summary");
  expectIncludes(summary, "(given)", "The closing summary");
  // The server has every step.
  await tablet.get("css", '[data-testid="save-status"][data-state="saved"]');
  return caseUrl;
}

/** A case waiting for a manager's approval, recorded through the API as the signed-in staff member. */
export async function caseWaitingForManager(tablet: Tablet): Promise<string> {
  const opened = await tablet.api<{ caseId: string; reference: string }>("/api/cases", { clientEventId: randomUUID() });
  if (opened.status !== 201) throw new Error(`Opening a case answered ${opened.status}`);
  const { caseId, reference } = opened.json;
  const events = [
    {
      type: "complaint_heard",
      data: {
        customerWords: "The room was not made up when we came back at six.",
        category: "room",
        severity: 3,
        spot: "Room 12",
        mood: "angry",
      },
    },
    { type: "feeling_validated", data: { feeling: "let_down", acknowledged: true } },
    { type: "apology_given", data: { sincere: true, ourFault: true } },
    { type: "options_offered", data: { options: ["Housekeeping now", "Move you to a ready room"] } },
    { type: "solution_agreed", data: { option: "Housekeeping now" } },
    {
      type: "compensation_offered",
      data: { id: `comp-${randomUUID()}`, kind: "discount", description: "Tonight's room at half price", valueCents: 6000 },
    },
  ];
  for (const event of events) {
    const answer = await tablet.api(`/api/cases/${caseId}/events`, { clientEventId: randomUUID(), event });
    if (answer.status !== 201) throw new Error(`${event.type} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
  }
  return reference;
}

export async function decideOnBoard(tablet: Tablet, reference: string, screenshots: string): Promise<void> {
  await tablet.go("/manager");
  await tablet.get("css", "main h2");
  const card = `article[aria-labelledby]`;
  await tablet.until(`the request for ${reference} on the live board`, async () => {
    const text = await tablet.session.execute<string>(
      "return [...document.querySelectorAll(arguments[0])].map((a) => a.innerText).join('\\n');",
      card,
    );
    return text.includes(reference) && text.includes("Tonight's room at half price");
  });
  // Safari's engine holds the board's live stream open (docs/decisions/0026): the page says so.
  await tablet.until(
    "the board's live stream to be open",
    async () => (await tablet.session.execute<string>("return document.documentElement.dataset.live || '';")) === "stream",
  );
  writeFileSync(path.join(screenshots, "webkit-manager-board.png"), await tablet.screenshot());
  // The card for this case: approve as asked.
  const approve = await tablet.until("the approve button on the card", () =>
    tablet.session.execute<unknown>(
      `const card = [...document.querySelectorAll(arguments[0])].find((a) => a.innerText.includes(arguments[1]));
       return card ? [...card.querySelectorAll("button")].find((b) => b.textContent.trim() === "Approve as asked") || null : null;`,
      card,
      reference,
    ),
  );
  await tablet.session.click(approve as Parameters<typeof tablet.session.click>[0]);
  await tablet.until("the board to confirm the approval", async () => {
    const status = await tablet.find("css", "[role=status]");
    return status && (await tablet.session.execute<string>("return arguments[0].innerText;", status)).includes("Approved");
  });
}

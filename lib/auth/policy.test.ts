import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DECIDING_ROLES, ROLES } from "@/lib/playbook";
import { assertCan, can, PERMISSIONS, POLICY, rolesWith } from "./policy";

describe("policy", () => {
  it("names only real roles", () => {
    for (const permission of PERMISSIONS) for (const role of POLICY[permission]) expect(ROLES).toContain(role);
  });

  it("matches the table the issue describes", () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, PERMISSIONS.filter((p) => can({ role }, p))]));
    expect(table).toEqual({
      staff: [
        "case.open",
        "case.append",
        "case.view",
        "case.viewLive",
        "case.viewCustomerDetails",
        "feedback.own",
        "practice.run",
        "headsUp.raise",
        "headsUp.tell",
        "live.follow",
        "signIn.pin",
      ],
      manager: [
        "case.open",
        "case.append",
        "case.view",
        "case.viewLive",
        "case.viewCustomerDetails",
        "case.decide",
        "manager.desk",
        "trainer.progress",
        "feedback.own",
        "practice.run",
        "device.pair",
        "device.revoke",
        "headsUp.raise",
        "headsUp.tell",
        "headsUp.endAny",
        "live.follow",
        "signIn.pin",
        "signIn.password",
      ],
      trainer: ["case.view", "trainer.replay", "trainer.coach", "trainer.progress", "signIn.password"],
      admin: [
        "case.open",
        "case.append",
        "case.view",
        "case.viewLive",
        "case.viewCustomerDetails",
        "case.decide",
        "manager.desk",
        "trainer.replay",
        "trainer.coach",
        "trainer.progress",
        "feedback.own",
        "practice.run",
        "admin.manage",
        "device.pair",
        "device.revoke",
        "headsUp.raise",
        "headsUp.tell",
        "headsUp.endAny",
        "live.follow",
        "signIn.password",
      ],
    });
  });

  it("agrees with the playbook about who decides", () => {
    expect([...rolesWith("case.decide")].sort()).toEqual([...DECIDING_ROLES].sort());
  });

  it("refuses nobody and unknown roles", () => {
    expect(can(null, "case.view")).toBe(false);
    expect(can({ role: "owner" }, "admin.manage")).toBe(false);
  });

  it("throws 401 for nobody and 403 with a reason for the wrong role", () => {
    expect(() => assertCan(null, "case.view")).toThrowError(expect.objectContaining({ status: 401 }) as AppError);
    try {
      assertCan({ role: "trainer" }, "case.open");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(403);
      expect((e as AppError).message).toMatch(/cannot open/);
    }
  });
});

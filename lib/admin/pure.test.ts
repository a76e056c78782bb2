import { describe, expect, it } from "vitest";
import { slugFor } from "./add-root-cause-tag";
import { poundsToPence, setAuthorityLimitSchema } from "./set-authority-limit";
import { createUserSchema } from "./create-user";

describe("slugFor", () => {
  it("makes a stable snake_case slug of at most 40 characters", () => {
    expect(slugFor("Kitchen – Temperature")).toBe("kitchen_temperature");
    expect(slugFor("Café  équipe!")).toBe("cafe_equipe");
    expect(slugFor("x".repeat(50))).toHaveLength(40);
    expect(slugFor("!!!")).toBe("");
  });
});

describe("pounds", () => {
  it("converts to pence exactly", () => {
    expect(poundsToPence("15")).toBe(1500);
    expect(poundsToPence("15.5")).toBe(1550);
    expect(poundsToPence("0.29")).toBe(29);
    expect(poundsToPence("1234.57")).toBe(123457);
  });

  it("accepts the ways people type money and refuses the rest", () => {
    const parse = (pounds: unknown) => setAuthorityLimitSchema.safeParse({ role: "staff", pounds });
    expect(parse("£1,250.50")).toMatchObject({ success: true, data: { pounds: "1250.50" } });
    expect(parse(20)).toMatchObject({ success: true, data: { pounds: "20" } });
    for (const bad of ["-5", "abc", "1.234", "", "100001", 1e21]) expect(parse(bad).success).toBe(false);
  });
});

describe("createUserSchema", () => {
  const base = { name: "Sam", locationIds: ["loc-harbour"] };
  it("needs a PIN for staff and refuses a staff password", () => {
    expect(createUserSchema.safeParse({ ...base, role: "staff", pin: "4839" }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, role: "staff", pin: "1234" }).success).toBe(false); // a run: too easy to guess
    expect(createUserSchema.safeParse({ ...base, role: "staff" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, role: "staff", pin: "4839", password: "long-enough-pass" }).success).toBe(false);
  });

  it("needs an email and a password of 12+ characters for password roles", () => {
    expect(createUserSchema.safeParse({ ...base, role: "trainer", email: "t@example.com", password: "long-enough-pass" }).success).toBe(
      true,
    );
    expect(createUserSchema.safeParse({ ...base, role: "trainer", email: "t@example.com", password: "short" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, role: "admin", password: "long-enough-pass" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, role: "manager", email: "m@example.com", password: "long-enough-pass" }).success).toBe(
      false,
    );
  });

  it("treats empty form fields as not given", () => {
    expect(createUserSchema.safeParse({ ...base, role: "staff", pin: "4839", email: "", password: "" }).success).toBe(true);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { isSignUpOpen, signUp, verifyCredentials } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { env, resetEnv } from "@/lib/env";

const valid = { name: "Ada Lovelace", email: "ada@example.test", password: "analytical engine" };

afterEach(async () => {
  await db.user.deleteMany();
  delete process.env.ALLOW_SIGNUP;
  resetEnv();
});

describe("accounts", () => {
  it("signs up with a normalised email and a hashed password", async () => {
    const result = await signUp({ ...valid, email: "  Ada@Example.TEST " });
    expect(result).toMatchObject({ ok: true, user: { name: "Ada Lovelace", email: "ada@example.test" } });
    const row = await db.user.findUniqueOrThrow({ where: { email: "ada@example.test" }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(valid.password);
  });

  it("never returns the password hash from ordinary queries", async () => {
    await signUp(valid);
    const user = await db.user.findFirstOrThrow();
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("rejects a duplicate email, whatever its case", async () => {
    await signUp(valid);
    const again = await signUp({ ...valid, email: "ADA@example.test" });
    expect(again).toEqual({ ok: false, errors: { email: "An account with this email already exists. Sign in instead." } });
    expect(await db.user.count()).toBe(1);
  });

  it("rejects weak passwords, bad emails and empty names with field errors", async () => {
    expect(await signUp({ ...valid, password: "123456789" })).toEqual({ ok: false, errors: { password: "Use at least 10 characters." } });
    expect(await signUp({ ...valid, email: "ada-at-example" })).toEqual({ ok: false, errors: { email: "Enter a valid email address." } });
    expect(await signUp({ ...valid, name: "   " })).toEqual({ ok: false, errors: { name: "Enter your name." } });
    expect(await signUp({ name: 1, email: null })).toMatchObject({ ok: false });
    expect(await db.user.count()).toBe(0);
  });

  it("verifies credentials and refuses a wrong password or unknown email alike", async () => {
    await signUp(valid);
    expect(await verifyCredentials({ email: "ADA@example.test", password: valid.password })).toMatchObject({ email: valid.email });
    expect(await verifyCredentials({ email: valid.email, password: "analytical engine!" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.test", password: valid.password })).toBeNull();
    expect(await verifyCredentials({ email: valid.email })).toBeNull();
  });

  it("closes sign-up after the first account when ALLOW_SIGNUP=false", async () => {
    process.env.ALLOW_SIGNUP = "false";
    resetEnv();
    expect(env().ALLOW_SIGNUP).toBe(false);
    expect(await isSignUpOpen()).toBe(true);
    expect((await signUp(valid)).ok).toBe(true);
    expect(await isSignUpOpen()).toBe(false);
    expect(await signUp({ ...valid, email: "second@example.test" })).toEqual({ ok: false, errors: { form: "Sign-up is closed on this server. Ask its owner for an account." } });
  });

  it("records the browser's time zone at sign-up, and ignores one this server does not know", async () => {
    await signUp({ ...valid, timeZone: "America/Los_Angeles" });
    await signUp({ ...valid, email: "grace@example.test", timeZone: "Mars/Olympus_Mons" });
    await signUp({ ...valid, email: "alan@example.test" });
    const zones = await db.user.findMany({ select: { email: true, timeZone: true }, orderBy: { email: "asc" } });
    expect(zones).toEqual([
      { email: "ada@example.test", timeZone: "America/Los_Angeles" },
      { email: "alan@example.test", timeZone: null },
      { email: "grace@example.test", timeZone: null },
    ]);
  });
});

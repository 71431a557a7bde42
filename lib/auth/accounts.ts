import "server-only";
import { timeZoneSchema } from "../account/preferences.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { burnVerifyTime, hashPassword, verifyPassword } from "./password.ts";
import { signInSchema, signUpSchema, type FieldErrors } from "./schemas.ts";

export interface PublicUser {
  id: string;
  name: string;
  email: string;
}

export type SignUpResult = { ok: true; user: PublicUser } | { ok: false; errors: FieldErrors };

export async function isSignUpOpen(): Promise<boolean> {
  if (env().ALLOW_SIGNUP) return true;
  return (await db.user.count()) === 0;
}

export async function signUp(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  if (!(await isSignUpOpen())) return { ok: false, errors: { form: "Sign-up is closed on this server. Ask its owner for an account." } };

  const { name, email, password } = parsed.data;
  // The browser's zone, when it sent a valid one; otherwise the server's zone applies until set.
  const zone = timeZoneSchema.safeParse((input as { timeZone?: unknown } | null)?.timeZone);
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { name, email, passwordHash, timeZone: zone.success ? zone.data : null }, select: { id: true, name: true, email: true } });
    return { ok: true, user };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, errors: { email: "An account with this email already exists. Sign in instead." } };
    throw error;
  }
}

/** Returns the user when the credentials match, otherwise null (never says which part was wrong). */
export async function verifyCredentials(input: unknown): Promise<PublicUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const found = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  if (!found) {
    await burnVerifyTime(parsed.data.password);
    return null;
  }
  if (!(await verifyPassword(found.passwordHash, parsed.data.password))) return null;
  return { id: found.id, name: found.name, email: found.email };
}

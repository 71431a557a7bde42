"use server";

import { redirect } from "next/navigation";
import { signUp } from "@/lib/auth/accounts";
import { safeCallbackPath } from "@/lib/auth/redirects";
import type { FieldErrors } from "@/lib/auth/schemas";
import { startSession } from "@/lib/auth/session";

export type SignUpState = { errors: FieldErrors; values: { name: string; email: string } };

/** Creates the account, signs it in and goes to the callback path; field errors otherwise. */
export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const result = await signUp({ ...values, password: form.get("password"), timeZone: form.get("timeZone") });
  if (!result.ok) return { errors: result.errors, values };
  await startSession(result.user);
  redirect(safeCallbackPath(form.get("callbackUrl")));
}

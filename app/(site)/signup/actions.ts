"use server";

import { signUp } from "@/lib/auth/accounts";
import type { FieldErrors } from "@/lib/auth/schemas";

export type SignUpState = { ok: boolean; errors: FieldErrors; values: { name: string; email: string } };

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const result = await signUp({ ...values, password: form.get("password") });
  return result.ok ? { ok: true, errors: {}, values } : { ok: false, errors: result.errors, values };
}

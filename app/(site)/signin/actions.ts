"use server";

import { redirect } from "next/navigation";
import { verifyCredentials } from "@/lib/auth/accounts";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { endSession, startSession } from "@/lib/auth/session";

export type SignInState = { error: string | null; email: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const user = await verifyCredentials({ email, password: form.get("password") });
  if (!user) return { error: "Wrong email or password.", email };
  await startSession(user);
  redirect(safeCallbackPath(form.get("callbackUrl")));
}

/** Clears the session and goes home with a relative redirect, so the browser stays on its host. */
export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/");
}

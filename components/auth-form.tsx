"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useRef, useState, useTransition } from "react";
import type { SignUpState } from "@/app/(site)/signup/actions";

type Mode = "signin" | "signup";

const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 shadow-sm outline-none focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

function Field({ label, name, type, error, autoComplete, defaultValue }: { label: string; name: string; type: string; error?: string; autoComplete: string; defaultValue?: string }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} type={type} required autoComplete={autoComplete} defaultValue={defaultValue} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Signs in with the credentials provider and goes to the callback URL (same-origin paths only). */
function useSignIn(callbackUrl: string) {
  const router = useRouter();
  return async (email: string, password: string): Promise<string | null> => {
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) return "Wrong email or password.";
    router.replace(callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/");
    router.refresh();
    return null;
  };
}

export function SignInForm({ callbackUrl, signUpOpen }: { callbackUrl: string; signUpOpen: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const signInAndGo = useSignIn(callbackUrl);
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => setError(await signInAndGo(String(form.get("email")), String(form.get("password")))));
      }}
    >
      <Field label="Email" name="email" type="email" autoComplete="email" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <SubmitButton pending={pending} label="Sign in" />
      {signUpOpen ? <AltLink mode="signin" callbackUrl={callbackUrl} /> : null}
    </form>
  );
}

export function SignUpForm({ action, callbackUrl }: { action: (state: SignUpState, form: FormData) => Promise<SignUpState>; callbackUrl: string }) {
  const password = useRef("");
  const signInAndGo = useSignIn(callbackUrl);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [state, formAction, pending] = useActionState(async (previous: SignUpState, form: FormData) => {
    password.current = String(form.get("password") ?? "");
    const next = await action(previous, form);
    if (next.ok) setSignInError(await signInAndGo(next.values.email, password.current));
    return next;
  }, { ok: false, errors: {}, values: { name: "", email: "" } } satisfies SignUpState);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label="Name" name="name" type="text" autoComplete="name" error={state.errors.name} defaultValue={state.values.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={state.errors.email} defaultValue={state.values.email} />
      <Field label="Password (at least 10 characters)" name="password" type="password" autoComplete="new-password" error={state.errors.password} />
      {state.errors.form || signInError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {state.errors.form ?? signInError}
        </p>
      ) : null}
      <SubmitButton pending={pending} label="Create account" />
      <AltLink mode="signup" callbackUrl={callbackUrl} />
    </form>
  );
}

function SubmitButton({ pending, label }: { pending: boolean; label: string }) {
  return (
    <button type="submit" disabled={pending} className="w-full rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60">
      {pending ? "Please wait…" : label}
    </button>
  );
}

function AltLink({ mode, callbackUrl }: { mode: Mode; callbackUrl: string }) {
  const query = callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : "";
  return (
    <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
      {mode === "signin" ? (
        <>
          New here? <Link className="font-medium text-accent-600 hover:underline" href={`/signup${query}`}>Create an account</Link>
        </>
      ) : (
        <>
          Already have an account? <Link className="font-medium text-accent-600 hover:underline" href={`/signin${query}`}>Sign in</Link>
        </>
      )}
    </p>
  );
}

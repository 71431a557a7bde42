"use client";

import Link from "next/link";
import { useActionState, useSyncExternalStore } from "react";
import { signInAction, type SignInState } from "@/app/(site)/signin/actions";
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

const noErrors: SignUpState = { errors: {}, values: { name: "", email: "" } };

/** Posts to a server action (works without JavaScript); the action signs in and redirects. */
export function SignInForm({ callbackUrl, signUpOpen }: { callbackUrl: string; signUpOpen: boolean }) {
  const [state, formAction, pending] = useActionState(signInAction, { error: null, email: "" } satisfies SignInState);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {state.error}
        </p>
      ) : null}
      <SubmitButton pending={pending} label="Sign in" />
      {signUpOpen ? <AltLink mode="signin" callbackUrl={callbackUrl} /> : null}
    </form>
  );
}

function subscribeNever(): () => void {
  return () => {};
}

export function SignUpForm({ action, callbackUrl }: { action: (state: SignUpState, form: FormData) => Promise<SignUpState>; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, noErrors);
  // The browser's zone decides the new account's days; empty during server rendering.
  const timeZone = useSyncExternalStore(subscribeNever, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "");
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <Field label="Name" name="name" type="text" autoComplete="name" error={state.errors.name} defaultValue={state.values.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={state.errors.email} defaultValue={state.values.email} />
      <Field label="Password (at least 10 characters)" name="password" type="password" autoComplete="new-password" error={state.errors.password} />
      {state.errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {state.errors.form}
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

import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth-form";
import { isSignUpOpen } from "@/lib/auth/accounts";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { getCurrentUser } from "@/lib/auth/session";
import { signUpAction } from "./actions";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const open = await isSignUpOpen();
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Create an account</h1>
      {open ? (
        <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">
          Sign-up is closed on this server. Ask its owner for an account, or <Link className="text-accent-600 hover:underline" href="/signin">sign in</Link>.
        </p>
      )}
    </div>
  );
}

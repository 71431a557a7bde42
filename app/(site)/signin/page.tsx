import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth-form";
import { isSignUpOpen } from "@/lib/auth/accounts";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} signUpOpen={await isSignUpOpen()} />
    </div>
  );
}

import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client.ts";
import { authSecret, env } from "../env.ts";
import type { PublicUser } from "./accounts.ts";

// Sessions are next-auth JWTs (encrypted, signed with the auth secret) in an httpOnly cookie,
// issued and cleared by our own server actions: no absolute URL is ever needed, so whatever
// host the browser used (localhost, 127.0.0.1, a LAN name) is where it stays.
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
const COOKIE = "next-auth.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

/**
 * Whether the browser reached us over https: NEXTAUTH_URL says so when set; otherwise the
 * proxy's X-Forwarded-Proto, trusted only with TRUST_PROXY=true; `next start` itself is http.
 */
async function servedOverHttps(): Promise<boolean> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.startsWith("https://");
  if (!env().TRUST_PROXY) return false;
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https";
}

export async function startSession(user: PublicUser): Promise<void> {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret: authSecret(), maxAge: SESSION_MAX_AGE_S });
  const secure = await servedOverHttps();
  const jar = await cookies();
  jar.delete(secure ? COOKIE : SECURE_COOKIE);
  jar.set(secure ? SECURE_COOKIE : COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_S });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  for (const name of [COOKIE, SECURE_COOKIE]) if (jar.has(name)) jar.delete(name);
}

/** The signed-in user, looked up once per request; null when signed out or the account is gone. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const jar = await cookies();
  const token = jar.get(SECURE_COOKIE)?.value ?? jar.get(COOKIE)?.value;
  if (!token) return null;
  // A tampered, expired or foreign token decodes to an error or null: signed out.
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  const id = typeof payload?.sub === "string" ? payload.sub : null;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(callbackPath: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

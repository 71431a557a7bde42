import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client.ts";
import type { PublicUser } from "./accounts.ts";
import { authOptions } from "./options.ts";

/** The signed-in user, looked up once per request; null when signed out or the account is gone. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(callbackPath: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

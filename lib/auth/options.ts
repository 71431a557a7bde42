import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, secureCookies } from "../env.ts";
import { verifyCredentials } from "./accounts.ts";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  useSecureCookies: secureCookies(),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => verifyCredentials(credentials),
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // next-auth logs credentials errors with their context; keep the message only.
    error: (code) => console.error(`[auth] ${code}`),
    warn: (code) => {
      if (code !== "NEXTAUTH_URL") console.warn(`[auth] ${code}`);
    },
    debug: () => {},
  },
};

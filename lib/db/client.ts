import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "../env.ts";
import { PrismaClient } from "../generated/prisma/client.ts";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: databaseUrl() }),
    // The password hash leaves the database only inside lib/auth, which asks for it explicitly.
    omit: { user: { passwordHash: true } },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { deependPrisma?: Client };

/** One client per process (kept across hot reloads in development). */
export const db: Client = globalForPrisma.deependPrisma ?? createClient();
globalForPrisma.deependPrisma = db;

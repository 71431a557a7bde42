// Applies pending migrations to the configured database (DATABASE_URL or data/deepend.db).
import { databaseUrl } from "../lib/env.ts";
import { migrateDatabase } from "../lib/db/migrate.ts";

migrateDatabase();
console.log(`Database is up to date: ${databaseUrl()}`);

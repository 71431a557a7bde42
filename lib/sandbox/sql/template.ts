// The template data directory every SQL engine starts from: PostgreSQL's initdb, the `learner`
// role, the two functions all statements run through, and the shared datasets
// (content/datasets/*.sql, e.g. 300,000 orders for the plan exercises). Built once (about 10 s) and
// cached on disk under a key of everything that shapes it; each engine opens a private copy.
import { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const DATASETS_DIR = path.join(process.cwd(), "content", "datasets");

/** Where templates are kept: DEEPEND_SQL_CACHE, or .cache/sql-engine in the app's directory. */
export function templateRoot(): string {
  return process.env.DEEPEND_SQL_CACHE ?? path.join(process.cwd(), ".cache", "sql-engine");
}

/**
 * Run as the bootstrap superuser when the template is built. The functions run any statement as
 * their owner, `learner` (SECURITY DEFINER): inside them PostgreSQL refuses to change role or end
 * the transaction. `learner` has no USAGE on schema deepend, so it cannot alter or replace them.
 */
export const BOOTSTRAP_SQL = String.raw`
CREATE ROLE learner NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER SCHEMA public OWNER TO learner;
CREATE SCHEMA deepend;
REVOKE ALL ON SCHEMA deepend FROM PUBLIC;

CREATE FUNCTION deepend.rows(statement text, max_rows integer, max_bytes integer) RETURNS SETOF json
LANGUAGE plpgsql SECURITY DEFINER AS $body$
DECLARE
  r record;
  n integer := 0;
  bytes bigint := 0;
  out json;
BEGIN
  FOR r IN EXECUTE statement LOOP
    n := n + 1;
    IF n > max_rows THEN
      RAISE EXCEPTION 'the statement returned more than % rows', max_rows
        USING ERRCODE = '54000', HINT = 'A statement may return at most that many rows here: add a LIMIT or aggregate.';
    END IF;
    out := (SELECT COALESCE(pg_catalog.json_agg(e.value ORDER BY e.i), '[]'::pg_catalog.json)
            FROM pg_catalog.json_each(pg_catalog.to_json(r)) WITH ORDINALITY AS e(key, value, i));
    bytes := bytes + pg_catalog.octet_length(out::pg_catalog.text);
    IF bytes > max_bytes THEN
      RAISE EXCEPTION 'the statement returned more than % bytes', max_bytes
        USING ERRCODE = '54000', HINT = 'A statement may return at most that much data here: select fewer or shorter values.';
    END IF;
    RETURN NEXT out;
  END LOOP;
END
$body$;

CREATE FUNCTION deepend.exec(statement text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER AS $body$
DECLARE
  n bigint;
BEGIN
  EXECUTE statement;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$body$;

ALTER FUNCTION deepend.rows(text, integer, integer) OWNER TO learner;
ALTER FUNCTION deepend.exec(text) OWNER TO learner;
REVOKE EXECUTE ON FUNCTION deepend.rows(text, integer, integer), deepend.exec(text) FROM PUBLIC;

-- A sleeping statement would hold the worker until the wall-clock kill: refused at once instead.
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep(double precision) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep_for(interval) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep_until(timestamp with time zone) FROM PUBLIC;
`;

function datasets(): Array<{ name: string; sql: string }> {
  let files: string[] = [];
  try {
    files = fs.readdirSync(DATASETS_DIR).filter((f) => f.endsWith(".sql")).sort();
  } catch {
    return [];
  }
  return files.map((file) => ({ name: file.slice(0, -4), sql: fs.readFileSync(path.join(DATASETS_DIR, file), "utf8") }));
}

/** The shared datasets' schema names (content/datasets/<name>.sql). */
export function datasetNames(): string[] {
  return datasets().map((d) => d.name);
}

function pgliteVersion(): string {
  try {
    const pkg = path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json");
    return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Bumped when build() changes what it does beyond the SQL below. */
const BUILD_VERSION = "2";

/** The key of the template: PGlite's version, how it is built, the bootstrap SQL and every dataset. */
export function templateKey(): string {
  const hash = createHash("sha256").update(pgliteVersion()).update(BUILD_VERSION).update(BOOTSTRAP_SQL);
  for (const dataset of datasets()) hash.update(dataset.name).update("\0").update(dataset.sql);
  return hash.digest("hex").slice(0, 16);
}

let building: Promise<string> | undefined;

/** The template's directory, built first if it is missing. Concurrent builders (two workers) each build in their own directory; the first rename wins. */
export function ensureTemplate(): Promise<string> {
  building ??= build().finally(() => {
    building = undefined;
  });
  return building;
}

async function build(): Promise<string> {
  const root = templateRoot();
  const dir = path.join(root, `template-${templateKey()}`);
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return dir;
  fs.mkdirSync(root, { recursive: true });
  const temp = `${dir}.building-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  const pg = await PGlite.create(temp);
  try {
    await pg.exec(BOOTSTRAP_SQL);
    for (const dataset of datasets()) {
      if (!/^[a-z][a-z0-9_]*$/.test(dataset.name)) throw new Error(`dataset ${dataset.name}: the file name must be a lowercase SQL identifier`);
      // Owned by learner, so exercises may index them; every run's changes are rolled back.
      await pg.exec(`CREATE SCHEMA ${dataset.name} AUTHORIZATION learner; SET ROLE learner;`);
      try {
        await pg.exec(dataset.sql);
      } catch (error) {
        throw new Error(`dataset ${dataset.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await pg.exec("RESET ROLE;");
    }
    // Frozen and all-visible: a VACUUM after a run that wrote to a dataset then finds it as built.
    // Separate messages: VACUUM cannot run in the implicit transaction of a multi-statement query.
    await pg.exec("VACUUM (FREEZE, ANALYZE)");
    await pg.exec("CHECKPOINT");
  } finally {
    await pg.close();
  }
  try {
    fs.renameSync(temp, dir);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) throw error;
  }
  // Older templates (another key) are of no further use.
  for (const entry of fs.readdirSync(root)) {
    const full = path.join(root, entry);
    if (full !== dir && entry.startsWith("template-") && !entry.includes(".building-")) fs.rmSync(full, { recursive: true, force: true });
  }
  return dir;
}

-- Per-user time zone (null: the server's) and editor preferences.
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
ALTER TABLE "User" ADD COLUMN "editorKeymap" TEXT NOT NULL DEFAULT 'standard';
ALTER TABLE "User" ADD COLUMN "editorWrap" BOOLEAN NOT NULL DEFAULT false;

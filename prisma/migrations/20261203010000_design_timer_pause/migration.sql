-- A paused design timer keeps the milliseconds used so far.
ALTER TABLE "DesignNote" ADD COLUMN "timerPausedMs" INTEGER;

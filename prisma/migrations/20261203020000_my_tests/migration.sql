-- The learner's own tests of an exercise ("My tests").
ALTER TABLE "ExerciseProgress" ADD COLUMN "myTests" TEXT;

// Mutable state shared by the harness modules.
export const shared = {
  /** The test running now (its state object), if any. */
  currentTest: null,
  /** The test file being loaded (registration is open only then). */
  loadingFile: null,
  /** Set once the test files are loaded: no more tests, and the solution may be defined. */
  sealed: false,
  /** A program runs as the main module (predict exercises): its console lines carry the loop phase. */
  program: false,
  /** The program's own file, for the runtime's fs (fs.readFile(__filename)). */
  mainFile: null,
};

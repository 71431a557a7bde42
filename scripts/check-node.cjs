// Runs before every npm script and install (plain CommonJS, so any Node can run it): on an older
// Node, one readable line that says what to install instead of a screen of unrelated errors.
"use strict";

const REQUIRED_MAJOR = 24;

/** null when `version` (like "v20.20.2") is new enough, else the line to print. */
function nodeVersionProblem(version) {
  const major = Number(String(version).replace(/^v/, "").split(".")[0]);
  if (Number.isInteger(major) && major >= REQUIRED_MAJOR) return null;
  return `Deepend needs Node.js ${REQUIRED_MAJOR} or newer, but this is Node.js ${version}: install Node.js ${REQUIRED_MAJOR} (for example \`nvm install ${REQUIRED_MAJOR}\`, see .nvmrc) and run the command again.`;
}

module.exports = { nodeVersionProblem, REQUIRED_MAJOR };

if (require.main === module) {
  const problem = nodeVersionProblem(process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

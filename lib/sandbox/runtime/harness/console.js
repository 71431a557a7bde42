// The console the sandboxed code sees: bounded output, attributed to the running test, and (for
// programs) tagged with the phase of the event loop that printed it.
import { LIMITS } from "./config.js";
import { formatArgs, style } from "./format.js";
import { ArrayPush, ObjectCreate, StringIndexOf, StringSlice } from "./intrinsics.js";
import { loop } from "./loop.js";
import { shared } from "./state.js";

export const consoleState = { lines: [], bytes: 0, truncated: false, partial: { stdout: "", stderr: "" } };

function pushLine(level, text) {
  if (consoleState.truncated) return;
  if (consoleState.lines.length >= LIMITS.consoleLines || consoleState.bytes + text.length > LIMITS.consoleBytes) {
    consoleState.truncated = true;
    ArrayPush(consoleState.lines, { level: "warn", text: "… output truncated (limit: " + LIMITS.consoleLines + " lines, " + LIMITS.consoleBytes + " characters)" });
    return;
  }
  consoleState.bytes += text.length;
  const line = { level, text, test: shared.currentTest ? shared.currentTest.test.name : undefined };
  if (shared.program) {
    line.phase = loop.phase;
    if (loop.detail !== undefined) line.detail = loop.detail;
  }
  ArrayPush(consoleState.lines, line);
}

export function writeConsole(level, args) {
  if (consoleState.truncated) return;
  flushStreams();
  style.console = true;
  let text;
  try {
    text = formatArgs(args);
  } finally {
    style.console = false;
  }
  pushLine(level, text);
}

/** process.stdout.write / stderr.write: text without a newline waits for the rest of its line. */
export function writeStream(stream, text) {
  let buffer = consoleState.partial[stream] + text;
  for (;;) {
    const newline = StringIndexOf(buffer, "\n");
    if (newline < 0) break;
    pushLine(stream === "stderr" ? "error" : "log", StringSlice(buffer, 0, newline));
    buffer = StringSlice(buffer, newline + 1);
    if (consoleState.truncated) break;
  }
  if (buffer.length > LIMITS.consoleBytes) buffer = StringSlice(buffer, 0, LIMITS.consoleBytes);
  consoleState.partial[stream] = buffer;
}

export function flushStreams() {
  if (consoleState.partial.stdout) {
    const text = consoleState.partial.stdout;
    consoleState.partial.stdout = "";
    pushLine("log", text);
  }
  if (consoleState.partial.stderr) {
    const text = consoleState.partial.stderr;
    consoleState.partial.stderr = "";
    pushLine("error", text);
  }
}

export const consoleObject = ObjectCreate(null);
const levels = ["log", "info", "warn", "error", "debug"];
for (let i = 0; i < levels.length; i++) {
  const level = levels[i];
  consoleObject[level] = function (...args) { writeConsole(level, args); };
}
consoleObject.trace = consoleObject.error;
consoleObject.table = consoleObject.log;
consoleObject.dir = consoleObject.log;

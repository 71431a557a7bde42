// The console of every coding exercise: output is captured (with limits) and shown with the
// results; in programs, log, info and debug go to stdout, warn, error and trace to stderr.
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  trace(...data: unknown[]): void;
  table(...data: unknown[]): void;
  dir(...data: unknown[]): void;
};

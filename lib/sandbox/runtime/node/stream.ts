import Stream from "readable-stream/lib/stream.js";

// readable-stream 4 is Node's own lib/stream, built for userland; its Node-specific imports are
// redirected by build-options.ts.
export const streamModule = Stream;
export const streamPromisesModule = Stream.promises;

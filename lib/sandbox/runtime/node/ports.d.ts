// The untyped npm ports this runtime bundles. Their public shapes are declared for learners in
// lib/sandbox/types/node-modules.d.ts; here they are only passed through.
declare module "readable-stream/lib/stream.js" {
  const Stream: Record<string, unknown> & { promises: Record<string, unknown> };
  export default Stream;
}

declare module "string_decoder/" {
  export const StringDecoder: new (encoding?: string) => unknown;
}

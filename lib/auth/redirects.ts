/**
 * Where to send the user after signing in or out: a path on this site, never another origin.
 * Browsers read `//host`, `/\host` and paths with tabs or newlines (`/\t/host`) as other origins,
 * so anything that does not resolve to this origin, or that holds control characters, becomes "/".
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith("//")) return "/";
  const probe = "http://deepend.invalid";
  let url: URL;
  try {
    url = new URL(value, probe);
  } catch {
    return "/";
  }
  if (url.origin !== probe) return "/";
  // Decoded once more: "/%5Cevil" or "/%2F%2Fevil" must not turn into another origin further on.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return "/";
  }
  if (decoded.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(decoded)) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

export interface ApiVersion {
  /** A release date, "YYYY-MM-DD". */
  version: string;
  /** When the version was (or will be) deprecated, in epoch milliseconds. */
  deprecatedAt?: number;
  /** When the version stops working, in epoch milliseconds. */
  sunsetAt?: number;
  /** A page explaining the deprecation and how to migrate. */
  deprecationLink?: string;
}

export interface VersionedApiOptions {
  versions: readonly ApiVersion[];
  /** Used when a request has no API-Version header; must be one of `versions`. */
  defaultVersion: string;
  handler: (request: Request, version: string) => Response | Promise<Response>;
}

export const HEADER = "API-Version";
export const PROBLEM_BASE = "https://api.example.com/problems/";

/**
 * Negotiates the API version from the API-Version header (or the default), answers 400/410 problem
 * details for malformed, unknown and sunset versions, and adds API-Version, Deprecation, Sunset,
 * Link and Vary headers to the handler's response.
 *
 * @throws {RangeError | Error} for invalid options.
 */
export function createVersionedApi(options: VersionedApiOptions): { fetch(request: Request): Promise<Response> } {
  throw new Error("Not implemented");
}

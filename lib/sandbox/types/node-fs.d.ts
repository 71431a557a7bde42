// The sandbox's in-memory fs (lib/sandbox/runtime/node-fs.ts): a program's own file
// (`__filename`, /sandbox/main.js) and whatever the code writes. Callbacks and promises complete
// as simulated I/O in the poll phase of the event loop, 1 ms of virtual time later.

interface DeependStats {
  readonly size: number;
  readonly mtimeMs: number;
  readonly mtime: Date;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}
interface DeependFsError extends Error {
  errno: number;
  code: "ENOENT" | "EISDIR" | "ENOTDIR";
  syscall: string;
  path: string;
}
type DeependPath = string | URL | Buffer;
type DeependEncodingOption = BufferEncoding | { encoding?: BufferEncoding | null } | null | undefined;

declare module "node:fs/promises" {
  export function readFile(path: DeependPath): Promise<Buffer>;
  export function readFile(path: DeependPath, options: BufferEncoding | { encoding: BufferEncoding }): Promise<string>;
  export function writeFile(path: DeependPath, data: string | Uint8Array, options?: DeependEncodingOption): Promise<void>;
  export function appendFile(path: DeependPath, data: string | Uint8Array, options?: DeependEncodingOption): Promise<void>;
  export function stat(path: DeependPath): Promise<DeependStats>;
  export function readdir(path: DeependPath): Promise<string[]>;
  export function unlink(path: DeependPath): Promise<void>;
}
declare module "fs/promises" {
  export * from "node:fs/promises";
}

declare module "node:fs" {
  export type Stats = DeependStats;
  type Done = (error: DeependFsError | null) => void;
  export function readFile(path: DeependPath, callback: (error: DeependFsError | null, data: Buffer) => void): void;
  export function readFile(path: DeependPath, options: BufferEncoding | { encoding: BufferEncoding }, callback: (error: DeependFsError | null, data: string) => void): void;
  export function writeFile(path: DeependPath, data: string | Uint8Array, callback: Done): void;
  export function writeFile(path: DeependPath, data: string | Uint8Array, options: DeependEncodingOption, callback: Done): void;
  export function appendFile(path: DeependPath, data: string | Uint8Array, callback: Done): void;
  export function appendFile(path: DeependPath, data: string | Uint8Array, options: DeependEncodingOption, callback: Done): void;
  export function stat(path: DeependPath, callback: (error: DeependFsError | null, stats: DeependStats) => void): void;
  export function readdir(path: DeependPath, callback: (error: DeependFsError | null, names: string[]) => void): void;
  export function unlink(path: DeependPath, callback: Done): void;
  export function readFileSync(path: DeependPath): Buffer;
  export function readFileSync(path: DeependPath, options: BufferEncoding | { encoding: BufferEncoding }): string;
  export function writeFileSync(path: DeependPath, data: string | Uint8Array, options?: DeependEncodingOption): void;
  export function appendFileSync(path: DeependPath, data: string | Uint8Array, options?: DeependEncodingOption): void;
  export function statSync(path: DeependPath): DeependStats;
  export function readdirSync(path: DeependPath): string[];
  export function unlinkSync(path: DeependPath): void;
  export function existsSync(path: DeependPath): boolean;
  export const promises: typeof import("node:fs/promises");
}
declare module "fs" {
  export * from "node:fs";
}

/** The file a program runs as (/sandbox/main.js), and its folder. */
declare const __filename: string;
declare const __dirname: string;

// A small in-memory `fs` for the sandbox: enough for the classic event-loop questions
// (fs.readFile(__filename, ...) completing in the poll phase) and for exercises that read or write a
// file. Every callback or promise completes as simulated I/O, 1 ms of virtual time later, in the
// poll phase of the loop. There is no real file system behind it.

interface FsHost {
  io(callback: (...args: unknown[]) => void, args: unknown[], latencyMs: number, detail: string): void;
  now(): number;
}

interface BufferLike {
  from(data: string | Uint8Array, encoding?: string): Uint8Array & { toString(encoding?: string): string };
  isBuffer(value: unknown): boolean;
  concat(list: Uint8Array[]): Uint8Array;
}

type Callback = (error: Error | null, value?: unknown) => void;

const IO_LATENCY_MS = 1;

interface Entry {
  data: Uint8Array;
  mtimeMs: number;
}

export function createFs(host: FsHost, Buffer: BufferLike, initialFiles: () => Record<string, string>) {
  let files: Map<string, Entry> | undefined;
  const table = () => {
    if (!files) {
      files = new Map();
      for (const [name, text] of Object.entries(initialFiles())) files.set(name, { data: Buffer.from(text, "utf8"), mtimeMs: host.now() });
    }
    return files;
  };

  const resolvePath = (file: unknown): string => {
    const text = file instanceof URL ? file.pathname : typeof file === "string" ? file : Buffer.isBuffer(file) ? (file as { toString(): string }).toString() : undefined;
    if (text === undefined) throw Object.assign(new TypeError(`The "path" argument must be of type string or an instance of Buffer or URL. Received ${typeof file}`), { code: "ERR_INVALID_ARG_TYPE" });
    const parts: string[] = [];
    for (const part of (text.startsWith("/") ? text : `/sandbox/${text}`).split("/")) {
      if (part === "" || part === ".") continue;
      if (part === "..") parts.pop();
      else parts.push(part);
    }
    return `/${parts.join("/")}`;
  };

  const fsError = (code: "ENOENT" | "EISDIR" | "ENOTDIR", syscall: string, path: string) => {
    const text = { ENOENT: "no such file or directory", EISDIR: "illegal operation on a directory", ENOTDIR: "not a directory" }[code];
    const errno = { ENOENT: -2, EISDIR: -21, ENOTDIR: -20 }[code];
    return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { errno, code, syscall, path });
  };

  const encodingOf = (options: unknown): string | undefined => (typeof options === "string" ? options : options && typeof options === "object" ? ((options as { encoding?: string }).encoding ?? undefined) : undefined);

  const isDirectory = (path: string) => {
    const prefix = path === "/" ? "/" : `${path}/`;
    for (const name of table().keys()) if (name.startsWith(prefix)) return true;
    return false;
  };

  const stats = (path: string, entry: Entry | undefined) => {
    const directory = !entry;
    const time = entry ? entry.mtimeMs : host.now();
    return {
      size: entry ? entry.data.length : 0,
      mtimeMs: time,
      mtime: new Date(time),
      isFile: () => !directory,
      isDirectory: () => directory,
      isSymbolicLink: () => false,
    };
  };

  // The operations, synchronous; the callback and promise forms run them as simulated I/O.
  const ops = {
    readFile(file: unknown, options?: unknown) {
      const path = resolvePath(file);
      const entry = table().get(path);
      if (!entry) throw fsError(isDirectory(path) ? "EISDIR" : "ENOENT", isDirectory(path) ? "read" : "open", path);
      const encoding = encodingOf(options);
      const copy = Buffer.from(entry.data);
      return encoding ? copy.toString(encoding) : copy;
    },
    writeFile(file: unknown, data: unknown, options?: unknown) {
      const path = resolvePath(file);
      const bytes = typeof data === "string" ? Buffer.from(data, encodingOf(options) ?? "utf8") : Buffer.from(data as Uint8Array);
      table().set(path, { data: bytes, mtimeMs: host.now() });
    },
    appendFile(file: unknown, data: unknown, options?: unknown) {
      const path = resolvePath(file);
      const bytes = typeof data === "string" ? Buffer.from(data, encodingOf(options) ?? "utf8") : Buffer.from(data as Uint8Array);
      const old = table().get(path);
      table().set(path, { data: old ? Buffer.concat([old.data, bytes]) : bytes, mtimeMs: host.now() });
    },
    stat(file: unknown) {
      const path = resolvePath(file);
      const entry = table().get(path);
      if (!entry && !isDirectory(path) && path !== "/" && path !== "/sandbox") throw fsError("ENOENT", "stat", path);
      return stats(path, entry);
    },
    readdir(file: unknown) {
      const path = resolvePath(file);
      if (table().has(path)) throw fsError("ENOTDIR", "scandir", path);
      const prefix = path === "/" ? "/" : `${path}/`;
      const names = new Set<string>();
      for (const name of table().keys()) if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split("/")[0]!);
      if (names.size === 0 && path !== "/sandbox") throw fsError("ENOENT", "scandir", path);
      return [...names].sort();
    },
    unlink(file: unknown) {
      const path = resolvePath(file);
      if (!table().delete(path)) throw fsError("ENOENT", "unlink", path);
    },
  };

  type Op = keyof typeof ops;
  const callbackForm = (name: Op) =>
    function (this: unknown, ...args: unknown[]) {
      const callback = args.pop();
      if (typeof callback !== "function") throw Object.assign(new TypeError(`The "cb" argument must be of type function. Received ${typeof callback}`), { code: "ERR_INVALID_ARG_TYPE" });
      let result: unknown;
      let failure: Error | null = null;
      try {
        result = (ops[name] as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        failure = error as Error;
      }
      host.io(callback as Callback as (...a: unknown[]) => void, failure ? [failure] : [null, result], IO_LATENCY_MS, `fs.${name}`);
    };
  const promiseForm = (name: Op) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        callbackForm(name)(...args, (error: Error | null, value?: unknown) => (error ? reject(error) : resolve(value)));
      });

  const names = Object.keys(ops) as Op[];
  const fs: Record<string, unknown> = {};
  const promises: Record<string, unknown> = {};
  for (const name of names) {
    fs[name] = callbackForm(name);
    fs[`${name}Sync`] = ops[name];
    promises[name] = promiseForm(name);
  }
  fs.existsSync = (file: unknown) => {
    try {
      ops.stat(file);
      return true;
    } catch {
      return false;
    }
  };
  fs.promises = promises;
  return { fs, promises };
}

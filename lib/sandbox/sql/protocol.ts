// The few messages of PostgreSQL's wire protocol (v3) the engine exchanges with PGlite, encoded and
// decoded by hand: PGlite runs them synchronously (execProtocolRawSync), which its own async query
// API cannot do, and the sandbox's bridge into the isolate is synchronous.

export interface BackendField {
  name: string;
  typeOid: number;
  typeModifier: number;
}

export interface BackendError {
  severity?: string;
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  /** 1-based character position in the statement sent. */
  position?: number;
  /** Position in a query run inside a function (EXECUTE), and that query. */
  internalPosition?: number;
  internalQuery?: string;
}

/** What came back for one batch of messages, up to and including ReadyForQuery. */
export interface BackendReply {
  fields?: BackendField[];
  noData: boolean;
  rows: Array<Array<string | null>>;
  commands: string[];
  error?: BackendError;
  /** I: idle, T: in a transaction, E: in a failed transaction. */
  status?: string;
  /** Settings the server reported as changed (ParameterStatus), e.g. client_encoding. */
  parameters: Record<string, string>;
}

class Writer {
  private chunks: Buffer[] = [];
  message(type: string, ...parts: Buffer[]): this {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(5);
    head.write(type, 0, "latin1");
    head.writeInt32BE(body.length + 4, 1);
    this.chunks.push(head, body);
    return this;
  }
  build(): Uint8Array {
    const all = Buffer.concat(this.chunks);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  }
}

const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");
const int16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
};
const int32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
};

export function simpleQuery(sql: string): Writer {
  return new Writer().message("Q", cstring(sql));
}

/** Parse (unnamed) + Describe + Sync: the statement's result columns without running it. */
export function describeMessages(sql: string): Uint8Array {
  return new Writer().message("P", cstring(""), cstring(sql), int16(0)).message("D", Buffer.from("S"), cstring("")).message("S").build();
}

/** Parse + Bind (text parameters) + Execute + Sync of one statement. */
export function executeMessages(sql: string, params: Array<string | null>, prefix?: string): Uint8Array {
  const writer = prefix ? simpleQuery(prefix) : new Writer();
  const values = params.map((p) => (p === null ? int32(-1) : Buffer.concat([int32(Buffer.byteLength(p)), Buffer.from(p, "utf8")])));
  return writer
    .message("P", cstring(""), cstring(sql), int16(0))
    .message("B", cstring(""), cstring(""), int16(0), int16(params.length), ...values, int16(0))
    .message("E", cstring(""), int32(0))
    .message("S")
    .build();
}

export function simpleQueryMessages(sql: string): Uint8Array {
  return simpleQuery(sql).build();
}

const ERROR_FIELDS: Record<string, keyof BackendError> = {
  S: "severity",
  C: "code",
  M: "message",
  D: "detail",
  H: "hint",
  P: "position",
  p: "internalPosition",
  q: "internalQuery",
};

/** Decodes every message of a reply. The first error of the batch is kept (later ones repeat it). */
export function parseReply(bytes: Uint8Array): BackendReply {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reply: BackendReply = { noData: false, rows: [], commands: [], parameters: {} };
  let at = 0;
  while (at + 5 <= buf.length) {
    const type = String.fromCharCode(buf[at]!);
    const length = buf.readInt32BE(at + 1);
    const start = at + 5;
    const end = at + 1 + length;
    if (end > buf.length) break;
    switch (type) {
      case "T": {
        const count = buf.readInt16BE(start);
        let p = start + 2;
        const fields: BackendField[] = [];
        for (let i = 0; i < count; i++) {
          const nul = buf.indexOf(0, p);
          const name = buf.toString("utf8", p, nul);
          p = nul + 1;
          const typeOid = buf.readInt32BE(p + 6);
          const typeModifier = buf.readInt32BE(p + 12);
          p += 18;
          fields.push({ name, typeOid, typeModifier });
        }
        reply.fields = fields;
        break;
      }
      case "n":
        reply.noData = true;
        break;
      case "D": {
        const count = buf.readInt16BE(start);
        let p = start + 2;
        const row: Array<string | null> = [];
        for (let i = 0; i < count; i++) {
          const len = buf.readInt32BE(p);
          p += 4;
          if (len === -1) row.push(null);
          else {
            row.push(buf.toString("utf8", p, p + len));
            p += len;
          }
        }
        reply.rows.push(row);
        break;
      }
      case "C":
        reply.commands.push(buf.toString("utf8", start, buf.indexOf(0, start)));
        break;
      case "E": {
        if (reply.error) break;
        const error: Partial<Record<keyof BackendError, string | number>> = {};
        let p = start;
        while (p < end && buf[p] !== 0) {
          const code = String.fromCharCode(buf[p]!);
          const nul = buf.indexOf(0, p + 1);
          const value = buf.toString("utf8", p + 1, nul);
          const key = ERROR_FIELDS[code];
          if (key) error[key] = key === "position" || key === "internalPosition" ? Number(value) : value;
          p = nul + 1;
        }
        reply.error = { code: "XX000", message: "unknown error", ...error } as BackendError;
        break;
      }
      case "Z":
        reply.status = String.fromCharCode(buf[start]!);
        break;
      case "S": {
        const nul = buf.indexOf(0, start);
        reply.parameters[buf.toString("utf8", start, nul)] = buf.toString("utf8", nul + 1, buf.indexOf(0, nul + 1));
        break;
      }
      default:
        break; // ParseComplete, BindComplete, ParameterDescription, notices
    }
    at = end;
  }
  return reply;
}

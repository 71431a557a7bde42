import { Transform, type TransformCallback } from "node:stream";

export interface CsvParserOptions {
  /** One character, not `"`, `\r` or `\n`. Default ",". */
  delimiter?: string;
}

/**
 * Streaming CSV parser. Writable side: strings or Buffers (UTF-8). Readable side: object mode, one
 * `Record<string, string>` per data row, keyed by the header row's names.
 *
 * Keep the parsing state on the instance (current field, current record, "inside quotes", a CR
 * waiting for its LF...): any of them can be cut in two by a chunk boundary.
 */
export class CsvParser extends Transform {
  /** @throws {RangeError} for a bad delimiter. */
  constructor(options: CsvParserOptions = {}) {
    super({ readableObjectMode: true });
    throw new Error("Not implemented");
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    throw new Error("Not implemented");
  }

  override _flush(callback: TransformCallback): void {
    throw new Error("Not implemented");
  }
}

export function csvParser(options?: CsvParserOptions): CsvParser {
  return new CsvParser(options);
}

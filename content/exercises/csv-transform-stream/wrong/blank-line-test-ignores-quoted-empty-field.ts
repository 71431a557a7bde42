/**
 * A streaming CSV parser: text (or UTF-8 bytes) in, one object per record out.
 *
 * The parser is a character state machine that survives chunk boundaries: a record, a field, a
 * quoted section, an escaped quote ("") or a CRLF can each be split across two chunks, so all state
 * lives on the instance, never in locals of one transform() call. Bytes go through a StringDecoder
 * so a multi-byte character split between two Buffers is decoded whole.
 *
 * Backpressure comes from Transform itself: every record of a chunk is pushed and then the callback
 * is called, and Transform holds that callback while the readable side is full.
 */
import { Transform, type TransformCallback } from "node:stream";
import { StringDecoder } from "node:string_decoder";

export interface CsvParserOptions {
  /** One character, not a quote, CR or LF. Default ",". */
  delimiter?: string;
}

type State =
  | "fieldStart" // nothing read for the current field yet
  | "unquoted" // inside a field that did not start with a quote
  | "quoted" // inside a quoted field
  | "quoteInQuoted" // saw a quote inside a quoted field: an escaped quote or the closing one
  | "afterClosingQuote"; // a quoted field ended: only a delimiter or a line break may follow

export class CsvParser extends Transform {
  readonly #delimiter: string;
  readonly #decoder = new StringDecoder("utf8");
  #state: State = "fieldStart";
  #field = "";
  #record: string[] = [];
  /** A CR seen outside quotes whose meaning depends on the next character. */
  #pendingCR = false;
  #header: string[] | undefined;
  #line = 1;

  constructor(options: CsvParserOptions = {}) {
    super({ readableObjectMode: true });
    const delimiter = options.delimiter ?? ",";
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
      throw new RangeError(`delimiter must be one character other than a quote, CR or LF, got ${JSON.stringify(delimiter)}`);
    }
    this.#delimiter = delimiter;
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const text = typeof chunk === "string" ? chunk : this.#decoder.write(chunk);
    try {
      for (const ch of text) this.#consume(ch);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    try {
      for (const ch of this.#decoder.end()) this.#consume(ch);
      if (this.#pendingCR) {
        this.#pendingCR = false;
        this.#field += "\r";
        this.#state = "unquoted";
      }
      if (this.#state === "quoted") throw this.#error("unterminated quoted field at end of input");
      if (this.#state !== "fieldStart" || this.#record.length > 0) this.#endRecord();
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback();
  }

  #consume(ch: string): void {
    if (this.#pendingCR) {
      this.#pendingCR = false;
      if (ch === "\n") {
        this.#endRecord();
        this.#line++;
        return;
      }
      // A CR that does not start a CRLF is data (after a closing quote it is not allowed at all).
      if (this.#state === "afterClosingQuote") throw this.#error("unexpected CR after a closing quote");
      this.#field += "\r";
      this.#state = "unquoted";
    }
    switch (this.#state) {
      case "fieldStart":
      case "unquoted":
        if (ch === this.#delimiter) this.#endField();
        else if (ch === "\n") {
          this.#endRecord();
          this.#line++;
        } else if (ch === "\r") this.#pendingCR = true;
        else if (ch === '"' && this.#state === "fieldStart") this.#state = "quoted";
        else {
          this.#field += ch;
          this.#state = "unquoted";
        }
        return;
      case "quoted":
        if (ch === '"') this.#state = "quoteInQuoted";
        else {
          if (ch === "\n") this.#line++;
          this.#field += ch;
        }
        return;
      case "quoteInQuoted":
        if (ch === '"') {
          this.#field += '"';
          this.#state = "quoted";
          return;
        }
        this.#state = "afterClosingQuote";
        this.#afterClosingQuote(ch);
        return;
      case "afterClosingQuote":
        this.#afterClosingQuote(ch);
        return;
    }
  }

  #afterClosingQuote(ch: string): void {
    if (ch === this.#delimiter) this.#endField();
    else if (ch === "\n") {
      this.#endRecord();
      this.#line++;
    } else if (ch === "\r") this.#pendingCR = true;
    else throw this.#error(`unexpected ${JSON.stringify(ch)} after a closing quote`);
  }

  #endField(): void {
    this.#record.push(this.#field);
    this.#field = "";
    this.#state = "fieldStart";
  }

  #endRecord(): void {
    const blankLine = this.#record.length === 0 && this.#field === "";
    this.#endField();
    const record = this.#record;
    this.#record = [];
    if (blankLine) return;
    if (this.#header === undefined) {
      if (new Set(record).size !== record.length) throw this.#error("duplicate column name in the header");
      this.#header = record;
      return;
    }
    const header = this.#header;
    if (record.length !== header.length) {
      throw this.#error(`expected ${header.length} fields, got ${record.length}`);
    }
    this.push(Object.fromEntries(header.map((name, i) => [name, record[i] as string])));
  }

  #error(message: string): SyntaxError {
    return new SyntaxError(`CSV line ${this.#line}: ${message}`);
  }
}

export function csvParser(options?: CsvParserOptions): CsvParser {
  return new CsvParser(options);
}

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
  readonly #decoder = new StringDecoder(); // UTF-8
  #state: State = "fieldStart";
  #field = "";
  #record: string[] = [];
  /** A CR seen outside quotes whose meaning depends on the next character. */
  #pendingCR = false;
  #header: string[] | undefined;
  /** Only for error messages. */
  #line = 1;

  constructor(options: CsvParserOptions = {}) {
    super({ readableObjectMode: true });
    const delimiter = options.delimiter ?? ",";
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
      throw new RangeError(`delimiter must be one character other than a quote, CR or LF, got ${JSON.stringify(delimiter)}`);
    }
    this.#delimiter = delimiter;
  }

  // The writable side keeps its default decodeStrings: true, so string chunks arrive here as Buffers too.
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      for (const ch of this.#decoder.write(chunk)) this.#consume(ch);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    try {
      // Bytes of a character cut off by the end of the input come out as U+FFFD.
      for (const ch of this.#decoder.end()) this.#consume(ch);
      if (this.#pendingCR) this.#crIsData();
      if (this.#state === "quoted") throw new SyntaxError(`CSV line ${this.#line}: unterminated quoted field at end of input`);
      this.#endRecord(); // a no-op when the input ended with a line break (a blank "last line")
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
        this.#endLine();
        return;
      }
      this.#crIsData();
    }
    switch (this.#state) {
      case "fieldStart":
      case "unquoted":
        if (this.#separator(ch)) return;
        if (ch === '"' && this.#state === "fieldStart") this.#state = "quoted";
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
      // falls through: `ch` is the first character after the closing quote
      case "afterClosingQuote":
        if (!this.#separator(ch)) throw new SyntaxError(`CSV line ${this.#line}: unexpected ${JSON.stringify(ch)} after a closing quote`);
        return;
    }
  }

  /** Handles a delimiter, an LF or a CR (whose meaning waits for the next character); false for anything else. */
  #separator(ch: string): boolean {
    if (ch === this.#delimiter) this.#endField();
    else if (ch === "\n") this.#endLine();
    else if (ch === "\r") this.#pendingCR = true;
    else return false;
    return true;
  }

  /** The pending CR did not start a CRLF: it is data, which is not allowed after a closing quote. */
  #crIsData(): void {
    if (this.#state === "afterClosingQuote") throw new SyntaxError(`CSV line ${this.#line}: unexpected CR after a closing quote`);
    this.#field += "\r";
    this.#state = "unquoted";
  }

  #endLine(): void {
    this.#endRecord();
    this.#line++;
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
      if (new Set(record).size !== record.length) throw new SyntaxError(`CSV line ${this.#line}: duplicate column name in the header`);
      this.#header = record;
      return;
    }
    const header = this.#header;
    if (record.length !== header.length) {
      throw new SyntaxError(`CSV line ${this.#line}: expected ${header.length} fields, got ${record.length}`);
    }
    this.push(Object.fromEntries(header.map((name, i) => [name, record[i] as string])));
  }
}

export function csvParser(options?: CsvParserOptions): CsvParser {
  return new CsvParser(options);
}

import fc from "fast-check";
import { Readable } from "node:stream";
import { CsvParser, csvParser } from "./solution";

type Row = Record<string, string>;

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function parse(chunks: Array<string | Buffer>, delimiter?: string): Promise<Row[]> {
  const parser = delimiter === undefined ? csvParser() : csvParser({ delimiter });
  const rows: Row[] = [];
  const done = new Promise<void>((resolve, reject) => {
    parser.on("data", (row: Row) => rows.push(row));
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  await done;
  return rows;
}

/** Every way to cut `text` into two chunks, plus one character per chunk. */
function splits(text: string): string[][] {
  const chars = [...text];
  const result = chars.map((_, i) => [chars.slice(0, i).join(""), chars.slice(i).join("")]);
  result.push(chars);
  return result;
}

describe("csvParser: options", () => {
  it("throws a RangeError for a delimiter that is not one safe character", () => {
    for (const delimiter of ["", ",,", '"', "\n", "\r"]) {
      expect(() => csvParser({ delimiter })).toThrow(RangeError);
    }
    expect(csvParser({ delimiter: ";" })).toBeInstanceOf(CsvParser);
  });

  it("splits on a custom delimiter and treats commas as data then", async () => {
    expect(await parse(["a;b\n1,5;\"x;y\"\n"], ";")).toEqual([{ a: "1,5", b: "x;y" }]);
    expect(await parse(["a\tb\n1\t2\n"], "\t")).toEqual([{ a: "1", b: "2" }]);
  });
});

describe("csvParser: records", () => {
  it("skips blank lines anywhere but keeps records of empty fields", async () => {
    expect(await parse(["\n\r\na,b\n\n1,2\r\n\r\n,\n\n"])).toEqual([
      { a: "1", b: "2" },
      { a: "", b: "" },
    ]);
  });

  it("keeps a quoted empty field in a one-column file, where an empty line is skipped", async () => {
    expect(await parse(['only\n""\n\nx\n'])).toEqual([{ only: "" }, { only: "x" }]);
  });

  it("emits nothing for an empty input or a header alone", async () => {
    expect(await parse([])).toEqual([]);
    expect(await parse(["a,b,c"])).toEqual([]);
    expect(await parse(["a,b,c\r\n"])).toEqual([]);
  });

  it("keeps whitespace, inner quotes of unquoted fields and lone CRs as data", async () => {
    expect(await parse(['k,v\n a ,x"y"\nr\rs,"p\r\nq"\n'])).toEqual([
      { k: " a ", v: 'x"y"' },
      { k: "r\rs", v: "p\r\nq" },
    ]);
  });

  it("gives the same rows wherever the chunks are cut", async () => {
    const text = 'id,"na,me"\r\n1,"a ""b"" c"\r\n2,"x\r\ny"\n3,\r\r\n';
    const expected = [
      { id: "1", "na,me": 'a "b" c' },
      { id: "2", "na,me": "x\r\ny" },
      { id: "3", "na,me": "\r" },
    ];
    for (const chunks of splits(text)) {
      expect({ chunks, rows: await parse(chunks) }).toEqual({ chunks, rows: expected });
    }
  });

  it("decodes a multi-byte character split between two Buffers", async () => {
    const bytes = Buffer.from("word,emoji\ncafé,😀\n", "utf8");
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await parse([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([{ word: "café", emoji: "😀" }]);
    }
  });

  it("turns a character cut off by the end of the input into one U+FFFD", async () => {
    const euro = Buffer.from("€", "utf8"); // three bytes
    expect(await parse([Buffer.from("a\nx"), euro.subarray(0, 2)])).toEqual([{ a: "x\uFFFD" }]);
    expect(await parse([Buffer.from("a,b\n1,"), euro.subarray(0, 1)])).toEqual([{ a: "1", b: "\uFFFD" }]);
  });
});

describe("csvParser: the end of the input", () => {
  it("ends the last record at the end of the input, even when its last field is empty", async () => {
    expect(await parse(["a,b\n1,"])).toEqual([{ a: "1", b: "" }]);
    expect(await parse(["a,b,c\n,,"])).toEqual([{ a: "", b: "", c: "" }]);
    expect(await parse(["a,b\n1,", ""])).toEqual([{ a: "1", b: "" }]);
  });

  it("keeps a CR at the very end of the input as data: only CRLF and LF end a line", async () => {
    expect(await parse(["a,b\n1,x\r"])).toEqual([{ a: "1", b: "x\r" }]);
    expect(await parse(["a,b\n1,x", "\r"])).toEqual([{ a: "1", b: "x\r" }]);
    expect(await parse(["a\n\r"])).toEqual([{ a: "\r" }]);
  });
});

describe("csvParser: errors", () => {
  it("rejects anything but a delimiter or a line break after a closing quote, even a lone CR", async () => {
    await expect(parse(['a,b\n"x"y,2\n'])).rejects.toThrow(SyntaxError);
    await expect(parse(['a,b\n"x" ,2\n'])).rejects.toThrow(SyntaxError);
    // One column, so a wrongly accepted character cannot surface as a field-count error instead.
    await expect(parse(['a\n"x"y\n'])).rejects.toThrow(SyntaxError);
    await expect(parse(['a\n"x"\ry\n'])).rejects.toThrow(SyntaxError);
    await expect(parse(['a\n"x"\r'])).rejects.toThrow(SyntaxError);
    await expect(parse(['a\n"x"', "\r"])).rejects.toThrow(SyntaxError);
    await expect(parse(['a\n"x"\r', '\n"y"\r\n'])).resolves.toEqual([{ a: "x" }, { a: "y" }]);
  });

  it("rejects a record with too few or too many fields, after emitting the rows before it", async () => {
    const parser = csvParser();
    const rows: Row[] = [];
    parser.on("data", (row: Row) => rows.push(row));
    const failed = new Promise<unknown>((resolve) => parser.on("error", resolve));
    parser.end("a,b\n1,2\n3\n4,5\n");
    expect(await failed).toBeInstanceOf(SyntaxError);
    expect(rows).toEqual([{ a: "1", b: "2" }]);
    await expect(parse(["a,b\n1,2,3\n"])).rejects.toThrow(SyntaxError);
  });

  it("rejects a duplicate column name and a quote left open at the very end", async () => {
    await expect(parse(["a,b,a\n1,2,3\n"])).rejects.toThrow(SyntaxError);
    await expect(parse(['a\n"open'])).rejects.toThrow(SyntaxError);
    await expect(parse(['a\n"closed"'])).resolves.toEqual([{ a: "closed" }]);
  });
});

describe("csvParser: streaming", () => {
  it("respects backpressure: records wait on the writable side while nobody reads", async () => {
    const parser = csvParser();
    parser.write("n\n");
    for (let i = 0; i < 200; i++) parser.write(`${i}\n`);
    parser.end();
    // Nothing consumes the readable side yet: most chunks must still be waiting to be transformed.
    expect(parser.readableLength).toBeLessThan(50);
    expect(parser.writableLength).toBeGreaterThan(0);
    const rows: Row[] = [];
    for await (const row of parser) rows.push(row as Row);
    expect(rows.map((r) => Number(r.n))).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("matches a generated file of 300 records cut into random byte chunks", async () => {
    const random = prng(20261203);
    const alphabet = ["a", "b", "z", " ", ",", '"', "\n", "\r\n", "é", "€", "😀", "7"];
    const field = () => Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const encode = (value: string) => (/[",\r\n]/.test(value) || (value === "" && random() < 0.3) ? `"${value.replaceAll('"', '""')}"` : value);
    const header = ["id", "name", "note"];
    const expected: Row[] = [];
    let text = header.join(",") + "\n";
    for (let i = 0; i < 300; i++) {
      const row = { id: String(i), name: field(), note: field() };
      expected.push(row);
      text += header.map((h) => encode(row[h as keyof typeof row])).join(",") + (random() < 0.5 ? "\n" : "\r\n");
    }
    const bytes = Buffer.from(text, "utf8");
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + Math.floor(random() * 9);
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    const rows: Row[] = [];
    for await (const row of Readable.from(chunks).pipe(csvParser())) rows.push(row as Row);
    expect(rows.length).toBe(300);
    const mismatches = rows.flatMap((row, i) => (JSON.stringify(row) === JSON.stringify(expected[i]) ? [] : [i]));
    expect(mismatches).toEqual([]);
  });
});

describe("csvParser: property check", () => {
  it("reads back any table written as CSV, however the text is cut into chunks", async () => {
    const piece = fc.constantFrom("a", "z", "7", " ", ",", ";", "\t", '"', "\r", "\n", "é", "😀");
    const field = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(""));
    const table = fc.record({
      delimiter: fc.constantFrom(",", ";", "\t"),
      header: fc.uniqueArray(field, { minLength: 1, maxLength: 3 }),
      rows: fc.array(fc.tuple(field, field, field), { maxLength: 5 }),
      lineBreak: fc.constantFrom("\n", "\r\n"),
      finalLineBreak: fc.boolean(),
      quoteEverything: fc.boolean(),
    });
    const chunking = fc.record({ cuts: fc.array(fc.nat({ max: 60 }), { maxLength: 6 }), asBuffers: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(table, chunking, async ({ delimiter, header, rows, lineBreak, finalLineBreak, quoteEverything }, { cuts, asBuffers }) => {
        const records = [header, ...rows.map((row) => row.slice(0, header.length))];
        const encode = (value: string) => {
          const mustQuote = value.includes(delimiter) || /["\r\n]/.test(value) || (value === "" && header.length === 1);
          return mustQuote || quoteEverything ? `"${value.replaceAll('"', '""')}"` : value;
        };
        const text = records.map((record) => record.map(encode).join(delimiter)).join(lineBreak) + (finalLineBreak ? lineBreak : "");
        // Cut between characters, or between bytes (then a cut may fall inside a character).
        const units: Array<string | number> = asBuffers ? [...Buffer.from(text, "utf8")] : [...text];
        const positions = [...new Set(cuts.map((cut) => cut % (units.length + 1)))].sort((a, b) => a - b);
        const chunks: Array<string | Buffer> = [];
        let from = 0;
        for (const at of [...positions, units.length]) {
          const part = units.slice(from, at);
          chunks.push(asBuffers ? Buffer.from(part as number[]) : (part as string[]).join(""));
          from = at;
        }
        const expected = rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] as string])));
        const got = await parse(chunks, delimiter);
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          throw new Error(`chunks ${JSON.stringify(chunks.map(String))}\n  parsed   ${JSON.stringify(got)}\n  expected ${JSON.stringify(expected)}`);
        }
      }),
      // The report then ends with the chunks and the first difference.
      { numRuns: 150, includeErrorInReport: true },
    );
  });
});

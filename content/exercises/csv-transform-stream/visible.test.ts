import { Readable } from "node:stream";
import { csvParser } from "./solution";

type Row = Record<string, string>;

/** Writes the chunks, ends the parser and collects its rows (rejects on 'error'). */
async function parse(chunks: Array<string | Buffer>): Promise<Row[]> {
  const parser = csvParser();
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

describe("csvParser", () => {
  it("turns each record into an object keyed by the header row", async () => {
    expect(await parse(["id,name\n1,Ada\n2,Linus\n"])).toEqual([
      { id: "1", name: "Ada" },
      { id: "2", name: "Linus" },
    ]);
  });

  it("handles quoted fields with delimiters, line breaks and escaped quotes", async () => {
    expect(await parse(['id,note\n7,"a, b"\n8,"line 1\nline 2"\n9,"say ""hi"""\n'])).toEqual([
      { id: "7", note: "a, b" },
      { id: "8", note: "line 1\nline 2" },
      { id: "9", note: 'say "hi"' },
    ]);
  });

  it("accepts CRLF line breaks and a last record without a line break", async () => {
    expect(await parse(["a,b\r\n1,2\r\n3,4"])).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
  });

  it("parses fields that are split across chunks", async () => {
    const rows: Row[] = [];
    for await (const row of Readable.from(["na", 'me,qu', 'ote\nAda,"x""', 'y"\n']).pipe(csvParser())) rows.push(row as Row);
    expect(rows).toEqual([{ name: "Ada", quote: 'x"y' }]);
  });

  it("fails with a SyntaxError when a quoted field is never closed", async () => {
    await expect(parse(['a,b\n1,"unterminated\n'])).rejects.toThrow(SyntaxError);
  });
});

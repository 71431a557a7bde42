import { NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "./http.ts";

const schema = z.object({ code: z.string() });

/** A request whose body arrives in chunks with no Content-Length, as with chunked encoding. */
function chunked(parts: string[], headers: Record<string, string> = {}): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  return new Request("http://localhost/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function answer(result: unknown): Promise<{ status: number; error: string }> {
  expect(result).toBeInstanceOf(NextResponse);
  const response = result as NextResponse;
  return { status: response.status, error: (await response.json()).error };
}

describe("readJson", () => {
  it("parses and validates a body within the limit, whatever its chunks", async () => {
    expect(await readJson(chunked(['{"co', 'de":"x"}']), schema, 100)).toEqual({ code: "x" });
  });

  it("stops reading a body without a Content-Length as soon as it passes the limit", async () => {
    // A body that never ends: reading it whole would never return.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    const request = new Request("http://localhost/api", { method: "POST", body: endless, duplex: "half" } as RequestInit);
    expect(await answer(await readJson(request, schema, 8 * 1024))).toMatchObject({ status: 413, error: "The request is larger than 8 KB." });
    expect(pulled).toBeLessThan(20);
  });

  it("refuses a declared size past the limit before reading, and a body larger than it declared", async () => {
    expect((await answer(await readJson(chunked(["{}"], { "content-length": "5000" }), schema, 100))).status).toBe(413);
    expect((await answer(await readJson(chunked(["x".repeat(200)], { "content-length": "10" }), schema, 100))).status).toBe(413);
  });

  it("says what is wrong with bad JSON and with the wrong shape", async () => {
    expect(await answer(await readJson(chunked(["{nope"]), schema, 100))).toEqual({ status: 400, error: "The request body is not valid JSON." });
    expect((await answer(await readJson(chunked(['{"code":1}']), schema, 100))).error).toMatch(/code/);
  });
});

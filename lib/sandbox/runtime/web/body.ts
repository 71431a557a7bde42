// The Fetch standard's body: extracting one from a BodyInit, and the Body mixin's readers.
import { Blob, File, blobBytes } from "./blob.ts";
import { bytesOf, TextDecoder, utf8Encode } from "./encoding.ts";
import { FormData } from "./form-data.ts";
import type { Headers } from "./headers.ts";
import { getHost } from "./host.ts";
import { concatBytes, isDisturbed, readAllBytes, ReadableStream, streamOfBytes } from "./streams.ts";
import { URLSearchParams } from "./url.ts";

export type BodyInit = string | ArrayBuffer | ArrayBufferView | Blob | FormData | URLSearchParams | ReadableStream<Uint8Array>;

export interface ExtractedBody {
  stream: ReadableStream<Uint8Array>;
  type: string | null;
  fromStream: boolean;
}

function escapeMultipartName(name: string): string {
  return name.replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");
}

function multipartBoundary(): string {
  let digits = "";
  for (let i = 0; i < 11; i++) digits += Math.floor(getHost().random() * 10);
  return `----formdata-undici-0${digits}`;
}

function serializeFormData(form: FormData, boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const [name, value] of form) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeMultipartName(name)}"`;
    if (typeof value === "string") {
      chunks.push(utf8Encode(`${head}\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n")}\r\n`));
    } else {
      head += `; filename="${escapeMultipartName(value.name)}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`;
      chunks.push(utf8Encode(head), blobBytes(value), utf8Encode("\r\n"));
    }
  }
  chunks.push(utf8Encode(`--${boundary}--\r\n`));
  return concatBytes(chunks);
}

export function extractBody(body: BodyInit): ExtractedBody {
  if (body instanceof ReadableStream) {
    if (body.locked || isDisturbed(body)) throw new TypeError("Response body object should not be disturbed or locked");
    return { stream: body, type: null, fromStream: true };
  }
  let bytes: Uint8Array;
  let type: string | null = null;
  if (body instanceof Blob) {
    bytes = blobBytes(body);
    if (body.type !== "") type = body.type;
  } else if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    bytes = bytesOf(body).slice();
  } else if (body instanceof URLSearchParams) {
    bytes = utf8Encode(body.toString());
    type = "application/x-www-form-urlencoded;charset=UTF-8";
  } else if (body instanceof FormData) {
    const boundary = multipartBoundary();
    bytes = serializeFormData(body, boundary);
    type = `multipart/form-data; boundary=${boundary}`;
  } else {
    bytes = utf8Encode(String(body));
    type = "text/plain;charset=UTF-8";
  }
  return { stream: streamOfBytes(bytes), type, fromStream: false };
}

export function bodyIsUnusable(stream: ReadableStream | null): boolean {
  return stream !== null && (stream.locked || isDisturbed(stream));
}

export async function readBody(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (bodyIsUnusable(stream)) throw new TypeError("Body is unusable: Body has already been read");
  return stream === null ? new Uint8Array(0) : readAllBytes(stream);
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function essence(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export function parseFormData(bytes: Uint8Array, contentType: string | null): FormData {
  const mime = essence(contentType);
  if (mime === "application/x-www-form-urlencoded") {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(decodeText(bytes))) form.append(name, value);
    return form;
  }
  if (mime === "multipart/form-data") {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
    if (boundary !== null) return parseMultipart(bytes, (boundary[1] ?? boundary[2] ?? "").trim());
  }
  throw new TypeError(`Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".`);
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function parseMultipart(bytes: Uint8Array, boundary: string): FormData {
  const fail = () => new TypeError("Failed to parse body as FormData.");
  const delimiter = utf8Encode(`--${boundary}`);
  const headerEnd = utf8Encode("\r\n\r\n");
  const form = new FormData();
  let position = indexOfBytes(bytes, delimiter, 0);
  if (position === -1) throw fail();
  for (;;) {
    position += delimiter.length;
    if (bytes[position] === 0x2d && bytes[position + 1] === 0x2d) return form;
    if (bytes[position] !== 0x0d || bytes[position + 1] !== 0x0a) throw fail();
    position += 2;
    const headersEnd = indexOfBytes(bytes, headerEnd, position);
    if (headersEnd === -1) throw fail();
    const head = decodeText(bytes.subarray(position, headersEnd));
    const next = indexOfBytes(bytes, delimiter, headersEnd + 4);
    if (next === -1) throw fail();
    const content = bytes.slice(headersEnd + 4, Math.max(headersEnd + 4, next - 2));
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(head)?.[1] ?? "";
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw fail();
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (filename === undefined) {
      form.append(name, decodeText(content));
    } else {
      const type = /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? "";
      form.append(name, new File([content], filename, { type }));
    }
    position = next;
  }
}

// The Body mixin's readers over a stream; Request and Response hand in their own state.
export async function consumeBody(
  stream: ReadableStream<Uint8Array> | null,
  headers: Headers,
  kind: "text" | "json" | "arrayBuffer" | "bytes" | "blob" | "formData",
): Promise<unknown> {
  const bytes = await readBody(stream);
  switch (kind) {
    case "text":
      return decodeText(bytes);
    case "json":
      return JSON.parse(decodeText(bytes));
    case "arrayBuffer":
      return bytes.buffer.byteLength === bytes.byteLength ? bytes.buffer : bytes.slice().buffer;
    case "bytes":
      return bytes;
    case "blob":
      return new Blob([bytes], { type: headers.get("content-type") ?? "" });
    case "formData":
      return parseFormData(bytes, headers.get("content-type"));
  }
}

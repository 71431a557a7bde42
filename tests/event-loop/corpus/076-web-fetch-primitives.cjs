// Request, Response, Headers and URL exist as globals; bodies are read with promises.
async function main() {
  const url = new URL("/payments?limit=2&limit=3", "https://api.example.test");
  console.log(url.pathname, url.searchParams.getAll("limit").join("|"), url.host);
  const req = new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": "k1" },
    body: JSON.stringify({ amount: 5 }),
  });
  console.log(req.method, req.headers.get("idempotency-key"), req.headers.has("content-type"));
  console.log("body:", (await req.json()).amount, "bodyUsed:", req.bodyUsed);
  const res = Response.json({ ok: true }, { status: 201, headers: { "X-Trace": "t" } });
  console.log(res.status, res.ok, res.headers.get("content-type"), res.headers.get("x-trace"));
  console.log("text:", await res.text());
  const h = new Headers([["B", "2"], ["a", "1"]]);
  h.append("a", "3");
  console.log([...h].map(([k, v]) => `${k}=${v}`).join(";"));
}
main();

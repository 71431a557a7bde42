// allSettled waits for everything and reports each outcome in input order; any takes the first
// fulfilment and rejects with an AggregateError only when all reject.
const delay = (ms, v, fail) =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(new Error(v)) : resolve(v)), ms));
Promise.allSettled([delay(30, "a"), delay(5, "b", true), 7]).then((results) => {
  for (const r of results) console.log("settled:", r.status, r.status === "fulfilled" ? r.value : r.reason.message);
});
Promise.any([delay(10, "x", true), delay(25, "y"), delay(15, "z")]).then((v) => console.log("any:", v));
Promise.any([delay(5, "p", true), delay(1, "q", true)]).catch((e) =>
  console.log("any rejected:", e.constructor.name, e.errors.map((x) => x.message).join(",")),
);

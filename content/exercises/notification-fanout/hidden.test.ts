import fc from "fast-check";
import { NotificationFanout, type Channel, type Delivery, type FanoutOptions, type NotificationEvent, type User } from "./solution";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 0, 10, 15, 0);

const base: User = { id: "ann", preferences: {}, defaultChannels: ["push", "email", "sms"], utcOffsetMinutes: 0 };

function make(user: Partial<User> = {}, opts: Partial<FanoutOptions> = {}) {
  const f = new NotificationFanout({ dedupeWindowMs: 0, rateLimits: {}, ...opts });
  f.setUser({ ...base, ...user });
  return f;
}

let keys = 0;
function ev(at: number, extra: Partial<NotificationEvent> = {}): NotificationEvent {
  return { userId: "ann", category: "c", dedupeKey: `k${++keys}`, urgent: false, at, ...extra };
}

const actions = (ds: Delivery[]) => ds.map((d) => `${d.channel}:${d.action}${d.action === "defer" ? `@${new Date(d.at).toISOString().slice(11, 16)}` : ""}`);

describe("NotificationFanout: validation", () => {
  it("throws a RangeError for bad options and accepts the boundaries", () => {
    const bad: FanoutOptions[] = [
      { dedupeWindowMs: -1, rateLimits: {} },
      { dedupeWindowMs: NaN, rateLimits: {} },
      { dedupeWindowMs: Infinity, rateLimits: {} },
      { dedupeWindowMs: 0, rateLimits: { push: { max: -1, windowMs: 1 } } },
      { dedupeWindowMs: 0, rateLimits: { push: { max: 1.5, windowMs: 1 } } },
      { dedupeWindowMs: 0, rateLimits: { email: { max: 1, windowMs: 0 } } },
      { dedupeWindowMs: 0, rateLimits: { sms: { max: 1, windowMs: Infinity } } },
      { dedupeWindowMs: 0, rateLimits: { sms: { max: 1, windowMs: NaN } } },
      { dedupeWindowMs: 0, rateLimits: { fax: { max: 1, windowMs: 1 } } as FanoutOptions["rateLimits"] },
    ];
    for (const opts of bad) expect(() => new NotificationFanout(opts), JSON.stringify(opts)).toThrow(RangeError);
    expect(() => new NotificationFanout({ dedupeWindowMs: 0, rateLimits: { push: { max: 0, windowMs: 0.5 } } })).not.toThrow();
  });

  it("throws a RangeError for a bad user and accepts the boundaries", () => {
    const f = new NotificationFanout({ dedupeWindowMs: 0, rateLimits: {} });
    const bad: Partial<User>[] = [
      { utcOffsetMinutes: 841 }, { utcOffsetMinutes: -721 }, { utcOffsetMinutes: 30.5 }, { utcOffsetMinutes: NaN },
      { quietHours: { start: 1440, end: 0 } }, { quietHours: { start: 0, end: -1 } }, { quietHours: { start: 0.5, end: 10 } },
      { defaultChannels: ["push", "push"] }, { defaultChannels: ["fax" as Channel] },
      { preferences: { a: ["email"], b: ["sms", "email", "sms"] } },
    ];
    for (const change of bad) expect(() => f.setUser({ ...base, ...change }), JSON.stringify(change)).toThrow(RangeError);
    for (const ok of [{ utcOffsetMinutes: -720 }, { utcOffsetMinutes: 840 }, { quietHours: { start: 0, end: 1439 } }, { defaultChannels: [] }]) {
      expect(() => f.setUser({ ...base, ...ok })).not.toThrow();
    }
  });

  it("throws Error('unknown user <id>') before checking the time", () => {
    const f = make();
    f.notify(ev(T));
    const call = () => f.notify(ev(T - 1, { userId: "bob" }));
    expect(call).toThrow(new Error("unknown user bob"));
    expect(call).not.toThrow(RangeError);
  });

  it("rejects an event older than the previous one, duplicates included, and a rejected event changes nothing", () => {
    const f = make({}, { dedupeWindowMs: HOUR });
    f.notify(ev(T, { dedupeKey: "a" }));
    expect(f.notify(ev(T + 100, { dedupeKey: "a" }))).toEqual([]); // duplicate, but still the latest time
    expect(() => f.notify(ev(T + 50, { dedupeKey: "b" }))).toThrow(RangeError);
    expect(() => f.notify(ev(NaN))).toThrow(RangeError);
    expect(f.notify(ev(T + 100, { dedupeKey: "b" }))).toHaveLength(3); // equal time is fine, and "b" was never accepted
    expect(() => f.notify(ev(T + 99))).toThrow(RangeError);
  });
});

describe("NotificationFanout: dedupe and channels", () => {
  it("measures the dedupe window from the accepted event, not from duplicates", () => {
    const f = make({}, { dedupeWindowMs: 1000 });
    expect(f.notify(ev(T, { dedupeKey: "x" }))).toHaveLength(3);
    expect(f.notify(ev(T + 600, { dedupeKey: "x" }))).toEqual([]);
    expect(f.notify(ev(T + 999, { dedupeKey: "x" }))).toEqual([]);
    expect(f.notify(ev(T + 1000, { dedupeKey: "x" }))).toHaveLength(3); // accepted: a new window from here
    expect(f.notify(ev(T + 1999, { dedupeKey: "x" }))).toEqual([]);
  });

  it("keeps dedupe keys per user, and treats nothing as a duplicate with a zero window", () => {
    const f = make({}, { dedupeWindowMs: 1000 });
    f.setUser({ ...base, id: "bob" });
    expect(f.notify(ev(T, { dedupeKey: "x" }))).toHaveLength(3);
    expect(f.notify(ev(T, { dedupeKey: "x", userId: "bob" }))).toHaveLength(3);
    const zero = make({}, { dedupeWindowMs: 0 });
    expect(zero.notify(ev(T, { dedupeKey: "y" }))).toHaveLength(3);
    expect(zero.notify(ev(T, { dedupeKey: "y" }))).toHaveLength(3);
  });

  it("accepts an event with no channels for dedupe, and uses default channels only for unlisted categories", () => {
    const f = make({ preferences: { muted: [], security: ["sms"] }, defaultChannels: ["email", "push"] }, { dedupeWindowMs: 1000 });
    expect(f.notify(ev(T, { category: "muted", dedupeKey: "m" }))).toEqual([]);
    f.setUser({ ...base, preferences: { security: ["sms"] }, defaultChannels: ["email", "push"] }); // unmute
    expect(f.notify(ev(T + 1, { category: "muted", dedupeKey: "m" }))).toEqual([]); // still a duplicate
    expect(actions(f.notify(ev(T + 2, { category: "muted" })))).toEqual(["email:send", "push:send"]);
    expect(actions(f.notify(ev(T + 3, { category: "security" })))).toEqual(["sms:send"]);
    for (const category of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(actions(f.notify(ev(T + 4, { category }))), category).toEqual(["email:send", "push:send"]);
    }
  });

  it("keeps counts, dedupe history and digest when a user is replaced", () => {
    const f = make({ defaultChannels: ["push"] }, { dedupeWindowMs: HOUR, rateLimits: { push: { max: 1, windowMs: HOUR } } });
    f.notify(ev(T, { dedupeKey: "a" }));
    f.notify(ev(T + 1, { dedupeKey: "b" }));
    f.setUser({ ...base, defaultChannels: ["push", "email"] });
    expect(f.notify(ev(T + 2, { dedupeKey: "a" }))).toEqual([]);
    expect(actions(f.notify(ev(T + 3, { dedupeKey: "c" })))).toEqual(["push:digest", "email:send"]);
    expect(f.takeDigest("ann").map((i) => i.dedupeKey)).toEqual(["b", "c"]);
  });
});

describe("NotificationFanout: rate limits and digest", () => {
  it("counts sends in the last windowMs only: one exactly windowMs old no longer counts", () => {
    const f = make({ defaultChannels: ["push"] }, { rateLimits: { push: { max: 2, windowMs: 1000 } } });
    expect(actions(f.notify(ev(T)))).toEqual(["push:send"]);
    expect(actions(f.notify(ev(T + 500)))).toEqual(["push:send"]);
    expect(actions(f.notify(ev(T + 999)))).toEqual(["push:digest"]);
    expect(actions(f.notify(ev(T + 1000)))).toEqual(["push:send"]); // T is out; T+500 and T+1000 in
    expect(actions(f.notify(ev(T + 1499)))).toEqual(["push:digest"]);
    expect(actions(f.notify(ev(T + 1500)))).toEqual(["push:send"]);
  });

  it("does not count digests, does count deferred deliveries, and limits each user and channel separately", () => {
    const f = make(
      { defaultChannels: ["push", "sms", "email"], quietHours: { start: 0, end: 1439 } },
      { rateLimits: { push: { max: 1, windowMs: 1000 }, sms: { max: 1, windowMs: 1000 } } },
    );
    f.setUser({ ...base, id: "bob", defaultChannels: ["push"] });
    const night = Date.UTC(2026, 0, 10, 3, 0);
    expect(actions(f.notify(ev(night)))).toEqual(["push:defer@23:59", "sms:defer@23:59", "email:send"]);
    expect(actions(f.notify(ev(night + 1)))).toEqual(["push:digest", "sms:digest", "email:send"]);
    expect(actions(f.notify(ev(night + 2, { userId: "bob" })))).toEqual(["push:send"]);
    expect(actions(f.notify(ev(night + 1000)))).toEqual(["push:defer@23:59", "sms:defer@23:59", "email:send"]); // digests were not counted
    expect(f.takeDigest("ann")).toEqual([{ channel: "push", dedupeKey: `k${keys - 2}` }, { channel: "sms", dedupeKey: `k${keys - 2}` }]);
    expect(f.takeDigest("bob")).toEqual([]);
    expect(f.takeDigest("nobody")).toEqual([]);
  });

  it("sends everything to the digest with max 0, and nothing with no limit", () => {
    const f = make({ defaultChannels: ["sms", "email"] }, { rateLimits: { sms: { max: 0, windowMs: 1000 } } });
    for (let i = 0; i < 50; i++) expect(actions(f.notify(ev(T + i)))).toEqual(["sms:digest", "email:send"]);
    expect(f.takeDigest("ann")).toHaveLength(50);
  });
});

describe("NotificationFanout: quiet hours", () => {
  it("starts quiet hours at start (inclusive) and ends them at end (exclusive)", () => {
    const f = make({ defaultChannels: ["push"], quietHours: { start: 13 * 60, end: 14 * 60 } }); // UTC
    const at = (h: number, m: number, s = 0) => Date.UTC(2026, 0, 10, h, m, s);
    expect(actions(f.notify(ev(at(12, 59, 59))))).toEqual(["push:send"]);
    expect(actions(f.notify(ev(at(13, 0))))).toEqual(["push:defer@14:00"]);
    expect(f.notify(ev(at(13, 59, 59)))[0]).toEqual({ channel: "push", action: "defer", at: at(14, 0) });
    expect(actions(f.notify(ev(at(14, 0))))).toEqual(["push:send"]);
  });

  it("wraps quiet hours past midnight, deferring to the end on the right day", () => {
    const f = make({ defaultChannels: ["push"], quietHours: { start: 22 * 60, end: 7 * 60 } });
    const evening = Date.UTC(2026, 0, 10, 23, 0);
    const morning = Date.UTC(2026, 0, 11, 6, 59);
    expect(f.notify(ev(evening))[0]?.at).toBe(Date.UTC(2026, 0, 11, 7, 0));
    expect(f.notify(ev(morning))[0]?.at).toBe(Date.UTC(2026, 0, 11, 7, 0));
    expect(actions(f.notify(ev(Date.UTC(2026, 0, 11, 7, 0))))).toEqual(["push:send"]);
    expect(actions(f.notify(ev(Date.UTC(2026, 0, 11, 21, 59))))).toEqual(["push:send"]);
    expect(actions(f.notify(ev(Date.UTC(2026, 0, 11, 22, 0))))).toEqual(["push:defer@07:00"]);
  });

  it("reads quiet hours in the user's offset, negative or positive, across UTC midnight", () => {
    const ny = make({ defaultChannels: ["push"], utcOffsetMinutes: -300, quietHours: { start: 22 * 60, end: 7 * 60 } });
    // 02:00 UTC on Jan 10 is 21:00 on Jan 9 in New York: not quiet
    expect(actions(ny.notify(ev(Date.UTC(2026, 0, 10, 2, 0))))).toEqual(["push:send"]);
    // 03:00 UTC is 22:00 in New York: quiet until 07:00 local = 12:00 UTC
    expect(ny.notify(ev(Date.UTC(2026, 0, 10, 3, 0)))[0]).toEqual({ channel: "push", action: "defer", at: Date.UTC(2026, 0, 10, 12, 0) });
    const india = make({ defaultChannels: ["sms"], utcOffsetMinutes: 330, quietHours: { start: 23 * 60, end: 6 * 60 + 30 } });
    // 18:00 UTC is 23:30 in India: quiet until 06:30 local on the next day = 01:00 UTC
    expect(india.notify(ev(Date.UTC(2026, 0, 10, 18, 0)))[0]).toEqual({ channel: "sms", action: "defer", at: Date.UTC(2026, 0, 11, 1, 0) });
    // 00:59 UTC on Jan 11 is 06:29 local: still quiet; 01:00 UTC is 06:30: not
    expect(india.notify(ev(Date.UTC(2026, 0, 11, 0, 59)))[0]?.action).toBe("defer");
    expect(india.notify(ev(Date.UTC(2026, 0, 11, 1, 0)))[0]?.action).toBe("send");
  });

  it("never holds back email, urgent events, users without quiet hours, or an empty range", () => {
    const night = Date.UTC(2026, 0, 10, 3, 0);
    const quiet = { start: 0, end: 6 * 60 };
    expect(actions(make({ quietHours: quiet }).notify(ev(night)))).toEqual(["push:defer@06:00", "email:send", "sms:defer@06:00"]);
    expect(actions(make({ quietHours: quiet }).notify(ev(night, { urgent: true })))).toEqual(["push:send", "email:send", "sms:send"]);
    expect(actions(make().notify(ev(night)))).toEqual(["push:send", "email:send", "sms:send"]);
    expect(actions(make({ quietHours: { start: 180, end: 180 } }).notify(ev(night)))).toEqual(["push:send", "email:send", "sms:send"]);
  });
});

// Model-based test: random streams of events for two users, each answer compared with a slow,
// obvious model (scans of everything so far; quiet hours found by walking minute by minute).

/** Fails with fast-check's smallest failing case and what went wrong in it. */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

const localMinute = (user: User, at: number) => Math.floor((at + user.utcOffsetMinutes * MINUTE - Date.UTC(1970, 0, 1)) / MINUTE) % 1440;

function modelDeliveries(
  users: Map<string, User>,
  opts: FanoutOptions,
  history: { e: NotificationEvent; ds: Delivery[]; accepted: boolean }[],
  e: NotificationEvent,
): { ds: Delivery[]; accepted: boolean } {
  const user = users.get(e.userId) as User;
  const lastAccepted = history.filter((h) => h.accepted && h.e.userId === e.userId && h.e.dedupeKey === e.dedupeKey).at(-1);
  if (lastAccepted && e.at - lastAccepted.e.at < opts.dedupeWindowMs) return { ds: [], accepted: false };
  const channels = Object.keys(user.preferences).includes(e.category) ? (user.preferences[e.category] ?? []) : user.defaultChannels;
  const ds: Delivery[] = channels.map((channel) => {
    const limit = opts.rateLimits[channel];
    if (limit) {
      const recent = history.filter((h) => h.e.userId === e.userId && h.e.at > e.at - limit.windowMs);
      const counted = recent.flatMap((h) => h.ds).filter((d) => d.channel === channel && d.action !== "digest").length;
      if (counted >= limit.max) return { channel, action: "digest", at: e.at };
    }
    const q = user.quietHours;
    if (!e.urgent && q && q.start !== q.end && channel !== "email") {
      const m = localMinute(user, e.at);
      const inside = q.start < q.end ? q.start <= m && m < q.end : m >= q.start || m < q.end;
      if (inside) {
        let t = Math.floor(e.at / MINUTE) * MINUTE + MINUTE;
        while (localMinute(user, t) !== q.end) t += MINUTE;
        return { channel, action: "defer", at: t };
      }
    }
    return { channel, action: "send", at: e.at };
  });
  return { ds, accepted: true };
}

const channelList = fc.shuffledSubarray<Channel>(["push", "email", "sms"]);
const userArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    preferences: fc.record({ alerts: channelList, news: channelList }, { requiredKeys: ["alerts"] }),
    defaultChannels: channelList,
    utcOffsetMinutes: fc.constantFrom(-300, 0, 330, 840),
    quietHours: fc.option(fc.record({ start: fc.constantFrom(0, 60, 1320, 1439), end: fc.constantFrom(0, 61, 420, 1439) }), { nil: undefined }),
  });
const eventArb = fc.record({
  gap: fc.constantFrom(0, 1, 59_999, 30 * MINUTE, 3 * HOUR),
  userId: fc.constantFrom("ann", "bob"),
  category: fc.constantFrom("alerts", "news", "other"),
  dedupeKey: fc.constantFrom("a", "b", "c"),
  urgent: fc.boolean(),
});
const optsArb = fc.record({
  dedupeWindowMs: fc.constantFrom(0, MINUTE, HOUR),
  rateLimits: fc.record(
    { push: fc.record({ max: fc.constantFrom(0, 1, 2), windowMs: fc.constantFrom(MINUTE, HOUR) }), sms: fc.record({ max: fc.constantFrom(1, 3), windowMs: fc.constantFrom(HOUR) }) },
    { requiredKeys: [] },
  ),
});

describe("NotificationFanout: any stream of events", () => {
  it("agrees with a slow model on every delivery, and the digest matches the digest deliveries", () => {
    const report = fc.check(
      fc.property(optsArb, userArb("ann"), userArb("bob"), fc.array(eventArb, { minLength: 1, maxLength: 30 }), (opts, a, b, events) => {
        const f = new NotificationFanout(opts);
        const users = new Map<string, User>([["ann", a], ["bob", b]]);
        f.setUser(a);
        f.setUser(b);
        const history: { e: NotificationEvent; ds: Delivery[]; accepted: boolean }[] = [];
        let at = Date.UTC(2026, 0, 10, 20, 30);
        for (const [i, x] of events.entries()) {
          at += x.gap;
          const e: NotificationEvent = { userId: x.userId, category: x.category, dedupeKey: x.dedupeKey, urgent: x.urgent, at };
          const want = modelDeliveries(users, opts, history, e);
          history.push({ e, ...want });
          const got = f.notify(e);
          if (JSON.stringify(got) !== JSON.stringify(want.ds)) {
            throw new Error(`event ${i + 1} ${JSON.stringify(e)}:\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want.ds)}`);
          }
        }
        for (const id of ["ann", "bob"]) {
          const want = history.filter((h) => h.e.userId === id).flatMap((h) => h.ds.filter((d) => d.action === "digest").map((d) => ({ channel: d.channel, dedupeKey: h.e.dedupeKey })));
          const got = f.takeDigest(id);
          if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`takeDigest("${id}"): got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
        }
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});

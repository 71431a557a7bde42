import { NotificationFanout, type User } from "./solution";

const HOUR = 3_600_000;
const T = Date.UTC(2026, 0, 10, 15, 0); // 10:00 in New York (UTC-5)

const ann: User = {
  id: "ann",
  preferences: { security: ["sms", "email"], marketing: [] },
  defaultChannels: ["push", "email"],
  utcOffsetMinutes: -300,
  quietHours: { start: 22 * 60, end: 7 * 60 },
};

function fanout(dedupeWindowMs = HOUR) {
  const f = new NotificationFanout({ dedupeWindowMs, rateLimits: { push: { max: 2, windowMs: HOUR } } });
  f.setUser(ann);
  return f;
}

const event = (dedupeKey: string, at: number, category = "orders", urgent = false) => ({ userId: "ann", category, dedupeKey, urgent, at });

describe("NotificationFanout", () => {
  it("sends on the category's channels in order, or on the default channels", () => {
    const f = fanout();
    expect(f.notify(event("login-1", T, "security"))).toEqual([
      { channel: "sms", action: "send", at: T },
      { channel: "email", action: "send", at: T },
    ]);
    expect(f.notify(event("order-7", T, "orders"))).toEqual([
      { channel: "push", action: "send", at: T },
      { channel: "email", action: "send", at: T },
    ]);
    expect(f.notify(event("sale", T, "marketing"))).toEqual([]); // opted out of everything
  });

  it("drops a repeat of the same dedupe key within the window", () => {
    const f = fanout(HOUR);
    expect(f.notify(event("order-7", T))).toHaveLength(2);
    expect(f.notify(event("order-7", T + HOUR - 1))).toEqual([]);
    expect(f.notify(event("order-8", T + HOUR - 1))).toHaveLength(2);
    expect(f.notify(event("order-7", T + HOUR))).toHaveLength(2);
  });

  it("puts deliveries over a channel's rate limit into the digest", () => {
    const f = fanout(0);
    f.notify(event("a", T));
    f.notify(event("b", T + 10));
    expect(f.notify(event("c", T + 20))).toEqual([
      { channel: "push", action: "digest", at: T + 20 },
      { channel: "email", action: "send", at: T + 20 }, // email has no limit
    ]);
    expect(f.takeDigest("ann")).toEqual([{ channel: "push", dedupeKey: "c" }]);
    expect(f.takeDigest("ann")).toEqual([]);
  });

  it("defers push and sms during the user's local quiet hours, unless urgent", () => {
    const f = fanout();
    const night = Date.UTC(2026, 0, 11, 4, 30); // 23:30 in New York
    const sevenAm = Date.UTC(2026, 0, 11, 12, 0); // 07:00 in New York
    expect(f.notify(event("login-2", night, "security"))).toEqual([
      { channel: "sms", action: "defer", at: sevenAm },
      { channel: "email", action: "send", at: night },
    ]);
    expect(f.notify(event("login-3", night, "security", true))).toEqual([
      { channel: "sms", action: "send", at: night },
      { channel: "email", action: "send", at: night },
    ]);
  });

  it("throws for an unknown user", () => {
    const f = fanout();
    expect(() => f.notify({ ...event("x", T), userId: "bob" })).toThrow("unknown user bob");
  });
});

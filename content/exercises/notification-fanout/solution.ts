/**
 * Notification fan-out: one event becomes zero or more deliveries, one per channel the user chose
 * for its category, after deduplication, per-channel rate limits (excess goes to a digest) and quiet
 * hours in the user's own time zone.
 */
export type Channel = "push" | "email" | "sms";

export interface User {
  readonly id: string;
  /** Channels per event category, in delivery order. */
  readonly preferences: Readonly<Record<string, readonly Channel[]>>;
  /** Channels for a category not in `preferences`. */
  readonly defaultChannels: readonly Channel[];
  /** Minutes to add to UTC to get the user's local time (integer, -720 to 840). */
  readonly utcOffsetMinutes: number;
  /** Local minutes of the day: quiet from `start` (inclusive) to `end` (exclusive); may wrap midnight. */
  readonly quietHours?: { readonly start: number; readonly end: number };
}

export interface NotificationEvent {
  readonly userId: string;
  readonly category: string;
  readonly dedupeKey: string;
  readonly urgent: boolean;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface Delivery {
  readonly channel: Channel;
  readonly action: "send" | "defer" | "digest";
  /** When to deliver: the event's time, or the end of the quiet hours for "defer". */
  readonly at: number;
}

export interface DigestItem {
  readonly channel: Channel;
  readonly dedupeKey: string;
}

export interface FanoutOptions {
  /** A repeat of (userId, dedupeKey) less than this long after the accepted one is dropped (>= 0). */
  readonly dedupeWindowMs: number;
  /** At most `max` sends and defers per user and channel in any `windowMs`; a channel without an entry is unlimited. */
  readonly rateLimits: Partial<Record<Channel, { readonly max: number; readonly windowMs: number }>>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Quiet hours hold back the channels that make a phone buzz; an email waits in the inbox anyway. */
const INTERRUPTIVE: ReadonlySet<Channel> = new Set<Channel>(["push", "sms"]);
const CHANNELS: ReadonlySet<string> = new Set<Channel>(["push", "email", "sms"]);

function isMinuteOfDay(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 1440;
}

function checkChannels(list: readonly Channel[]): void {
  if (list.some((c) => !CHANNELS.has(c)) || new Set(list).size !== list.length) {
    throw new RangeError(`channels must be distinct values of push, email, sms: ${list.join(", ")}`);
  }
}

/** The end of the quiet period containing `at`, or undefined if `at` is not in quiet hours. */
function quietUntil(user: User, at: number): number | undefined {
  const quiet = user.quietHours;
  if (!quiet || quiet.start === quiet.end) return undefined;
  const local = at + user.utcOffsetMinutes * MINUTE;
  const minute = Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
  const inside = quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
  if (!inside) return undefined;
  let end = Math.floor(local / DAY) * DAY + quiet.end * MINUTE;
  if (end <= local) end += DAY; // a period that wraps midnight ends tomorrow
  return end - user.utcOffsetMinutes * MINUTE;
}

export class NotificationFanout {
  readonly #opts: FanoutOptions;
  readonly #users = new Map<string, User>();
  /** "userId\u0000dedupeKey" -> time of the accepted event that opened the window. */
  readonly #seen = new Map<string, number>();
  /** "userId\u0000channel" -> times of its sends and defers, oldest first. */
  readonly #sent = new Map<string, number[]>();
  readonly #digests = new Map<string, DigestItem[]>();
  #latest = -Infinity;

  constructor(opts: FanoutOptions) {
    if (!Number.isFinite(opts.dedupeWindowMs) || opts.dedupeWindowMs < 0) throw new RangeError("dedupeWindowMs must be finite and >= 0");
    for (const [channel, limit] of Object.entries(opts.rateLimits)) {
      if (!CHANNELS.has(channel)) throw new RangeError(`unknown channel ${channel}`);
      if (!limit || !Number.isInteger(limit.max) || limit.max < 0 || !Number.isFinite(limit.windowMs) || limit.windowMs <= 0) {
        throw new RangeError(`bad rate limit for ${channel}`);
      }
    }
    this.#opts = { dedupeWindowMs: opts.dedupeWindowMs, rateLimits: { ...opts.rateLimits } };
  }

  /** Adds or replaces a user; counters, dedupe history and digest are kept. */
  setUser(user: User): void {
    if (!Number.isInteger(user.utcOffsetMinutes) || user.utcOffsetMinutes < -720 || user.utcOffsetMinutes > 840) {
      throw new RangeError("utcOffsetMinutes must be an integer from -720 to 840");
    }
    if (user.quietHours && !(isMinuteOfDay(user.quietHours.start) && isMinuteOfDay(user.quietHours.end))) {
      throw new RangeError("quiet hours must be integer minutes from 0 to 1439");
    }
    checkChannels(user.defaultChannels);
    for (const list of Object.values(user.preferences)) checkChannels(list);
    this.#users.set(user.id, user);
  }

  notify(event: NotificationEvent): Delivery[] {
    const user = this.#users.get(event.userId);
    if (!user) throw new Error(`unknown user ${event.userId}`);
    if (!Number.isFinite(event.at) || event.at < this.#latest) throw new RangeError("events must come in time order");
    this.#latest = event.at;

    const key = `${event.userId}\u0000${event.dedupeKey}`;
    const first = this.#seen.get(key);
    if (first !== undefined && event.at - first < this.#opts.dedupeWindowMs) return [];
    this.#seen.set(key, event.at);

    const channels = Object.hasOwn(user.preferences, event.category) ? user.preferences[event.category] ?? [] : user.defaultChannels;
    const until = event.urgent ? undefined : quietUntil(user, event.at);
    const deliveries: Delivery[] = [];
    for (const channel of channels) {
      if (!this.#allow(event.userId, channel, event.at)) {
        const digest = this.#digests.get(event.userId) ?? [];
        digest.push({ channel, dedupeKey: event.dedupeKey });
        this.#digests.set(event.userId, digest);
        deliveries.push({ channel, action: "digest", at: event.at });
      } else if (until !== undefined && INTERRUPTIVE.has(channel)) {
        deliveries.push({ channel, action: "defer", at: until });
      } else {
        deliveries.push({ channel, action: "send", at: event.at });
      }
    }
    return deliveries;
  }

  /** The user's digest items, oldest first; the digest is emptied. */
  takeDigest(userId: string): DigestItem[] {
    const items = this.#digests.get(userId) ?? [];
    this.#digests.delete(userId);
    return items;
  }

  /** Sliding-window log: records the delivery and returns true if it is within the limit. */
  #allow(userId: string, channel: Channel, at: number): boolean {
    const limit = this.#opts.rateLimits[channel];
    if (!limit) return true;
    const key = `${userId}\u0000${channel}`;
    const times = (this.#sent.get(key) ?? []).filter((t) => t > at - limit.windowMs);
    this.#sent.set(key, times);
    if (times.length >= limit.max) return false;
    times.push(at);
    return true;
  }
}

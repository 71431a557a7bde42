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

/**
 * notify(): unknown user -> Error; out-of-order time -> RangeError; duplicate (userId, dedupeKey)
 * within dedupeWindowMs of the accepted one -> []; then one delivery per channel of the category:
 * over the channel's rate limit -> "digest"; push/sms in quiet hours (not urgent) -> "defer" to the
 * end of the quiet hours; otherwise "send".
 */
export class NotificationFanout {
  /** @throws {RangeError} for bad options. */
  constructor(opts: FanoutOptions) {
    throw new Error("Not implemented");
  }

  /** Adds or replaces a user. @throws {RangeError} for a bad offset, quiet hours or channel list. */
  setUser(user: User): void {
    throw new Error("Not implemented");
  }

  notify(event: NotificationEvent): Delivery[] {
    throw new Error("Not implemented");
  }

  /** The user's digest items, oldest first; the digest is emptied. */
  takeDigest(userId: string): DigestItem[] {
    throw new Error("Not implemented");
  }
}

/**
 * In-memory chat server: rooms, presence by user, per-room message history, heartbeats, and a
 * per-connection outbound window with a bounded queue (oldest dropped, then a gap notice, then a
 * disconnect for a consumer that cannot keep up).
 */
export interface ChatMessage {
  readonly room: string;
  /** 1, 2, 3, ... per room: the order every member sees. */
  readonly seq: number;
  readonly user: string;
  readonly text: string;
  /** Date.now() when the server accepted the post. */
  readonly at: number;
}

export type Frame =
  | { readonly type: "welcome"; readonly room: string; readonly members: readonly string[]; readonly history: readonly ChatMessage[] }
  | { readonly type: "message"; readonly message: ChatMessage }
  | { readonly type: "joined"; readonly room: string; readonly user: string }
  | { readonly type: "left"; readonly room: string; readonly user: string }
  | { readonly type: "gap"; readonly dropped: number };

/** How the server writes to one client. `seq` numbers the frames of that connection: 1, 2, 3, ... */
export type Send = (seq: number, frame: Frame) => void;

export interface ChatServerOptions {
  /** Messages a room keeps for the welcome frame (integer >= 0). */
  historySize: number;
  /** A connection not heard from for this long is closed (finite, > 0). */
  heartbeatTimeoutMs: number;
  /** Frames sent to a connection and not yet acked (integer >= 1). */
  maxInFlight: number;
  /** Frames waiting behind a full window (integer >= 0). */
  maxQueued: number;
  /** Dropped frames, not yet announced by a gap frame, that close the connection (integer >= 1). */
  maxDropped: number;
}

/**
 * Chat server. See the exercise for the exact rules; in short:
 * - presence is per user; join sends `joined` to the others (first connection of a user only), then
 *   `welcome` to the joiner; leave/close sends `left` when the user's last connection goes;
 * - a connection silent for heartbeatTimeoutMs is closed (use setTimeout);
 * - at most maxInFlight unacked frames per connection, then up to maxQueued waiting; beyond that the
 *   oldest waiting frame is dropped, a `gap` frame announces the count, maxDropped drops close it.
 */
export class ChatServer {
  /** @throws {RangeError} for an option out of range. */
  constructor(opts: ChatServerOptions) {
    throw new Error("Not implemented");
  }

  connect(user: string, send: Send): string {
    throw new Error("Not implemented");
  }

  disconnect(connId: string): boolean {
    throw new Error("Not implemented");
  }

  heartbeat(connId: string): boolean {
    throw new Error("Not implemented");
  }

  join(connId: string, room: string): boolean {
    throw new Error("Not implemented");
  }

  leave(connId: string, room: string): boolean {
    throw new Error("Not implemented");
  }

  post(connId: string, room: string, text: string): ChatMessage | undefined {
    throw new Error("Not implemented");
  }

  ack(connId: string, seq: number): boolean {
    throw new Error("Not implemented");
  }

  isOpen(connId: string): boolean {
    throw new Error("Not implemented");
  }

  members(room: string): string[] {
    throw new Error("Not implemented");
  }
}

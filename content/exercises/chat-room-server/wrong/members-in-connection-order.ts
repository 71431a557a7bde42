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

interface Connection {
  readonly id: string;
  readonly user: string;
  readonly send: Send;
  open: boolean;
  /** Rooms in the order this connection joined them. */
  rooms: string[];
  lastSent: number;
  lastAcked: number;
  queue: Frame[];
  /** Frames dropped since the last gap frame. */
  dropped: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Room {
  /** Member connections in the order they joined. */
  connections: Connection[];
  /** user -> number of that user's connections in the room; Map order = order of arrival. */
  presence: Map<string, number>;
  history: ChatMessage[];
  nextSeq: number;
}

function isCount(n: number, min: number): boolean {
  return Number.isInteger(n) && n >= min;
}

export class ChatServer {
  readonly #opts: ChatServerOptions;
  readonly #connections = new Map<string, Connection>();
  readonly #rooms = new Map<string, Room>();
  #nextId = 1;

  constructor(opts: ChatServerOptions) {
    const { historySize, heartbeatTimeoutMs, maxInFlight, maxQueued, maxDropped } = opts;
    if (!isCount(historySize, 0)) throw new RangeError(`historySize must be an integer >= 0, got ${historySize}`);
    if (!Number.isFinite(heartbeatTimeoutMs) || heartbeatTimeoutMs <= 0) {
      throw new RangeError(`heartbeatTimeoutMs must be finite and > 0, got ${heartbeatTimeoutMs}`);
    }
    if (!isCount(maxInFlight, 1)) throw new RangeError(`maxInFlight must be an integer >= 1, got ${maxInFlight}`);
    if (!isCount(maxQueued, 0)) throw new RangeError(`maxQueued must be an integer >= 0, got ${maxQueued}`);
    if (!isCount(maxDropped, 1)) throw new RangeError(`maxDropped must be an integer >= 1, got ${maxDropped}`);
    this.#opts = { historySize, heartbeatTimeoutMs, maxInFlight, maxQueued, maxDropped };
  }

  connect(user: string, send: Send): string {
    const id = `c${this.#nextId++}`;
    const conn: Connection = { id, user, send, open: true, rooms: [], lastSent: 0, lastAcked: 0, queue: [], dropped: 0, timer: undefined };
    this.#connections.set(id, conn);
    this.#touch(conn);
    return id;
  }

  disconnect(connId: string): boolean {
    const conn = this.#live(connId);
    if (!conn) return false;
    this.#close(conn);
    return true;
  }

  heartbeat(connId: string): boolean {
    return this.#live(connId) !== undefined;
  }

  join(connId: string, roomName: string): boolean {
    const conn = this.#live(connId);
    if (!conn || conn.rooms.includes(roomName)) return false;
    let room = this.#rooms.get(roomName);
    if (!room) {
      room = { connections: [], presence: new Map(), history: [], nextSeq: 1 };
      this.#rooms.set(roomName, room);
    }
    // Presence is per user: a second device of someone already here is not news to the others.
    // They hear about the arrival before the joiner is added, so a cascade of closes can never
    // send the joiner a frame ahead of its welcome.
    if (!room.presence.has(conn.user)) {
      this.#fanOut(room, { type: "joined", room: roomName, user: conn.user });
    }
    room.connections.push(conn);
    room.presence.set(conn.user, (room.presence.get(conn.user) ?? 0) + 1);
    conn.rooms.push(roomName);
    this.#deliver(conn, { type: "welcome", room: roomName, members: [...room.presence.keys()], history: [...room.history] });
    return true;
  }

  leave(connId: string, roomName: string): boolean {
    const conn = this.#live(connId);
    if (!conn || !conn.rooms.includes(roomName)) return false;
    this.#removeFromRoom(conn, roomName);
    return true;
  }

  post(connId: string, roomName: string, text: string): ChatMessage | undefined {
    const conn = this.#live(connId);
    const room = this.#rooms.get(roomName);
    if (!conn || !room || !conn.rooms.includes(roomName)) return undefined;
    const message: ChatMessage = { room: roomName, seq: room.nextSeq++, user: conn.user, text, at: Date.now() };
    room.history.push(message);
    if (room.history.length > this.#opts.historySize) room.history.shift();
    this.#fanOut(room, { type: "message", message });
    return message;
  }

  ack(connId: string, seq: number): boolean {
    const conn = this.#live(connId);
    if (!conn) return false;
    // Cumulative: acks everything up to seq. Only a frame sent and not yet acked moves the window.
    if (!Number.isInteger(seq) || seq <= conn.lastAcked || seq > conn.lastSent) return false;
    conn.lastAcked = seq;
    this.#flush(conn);
    return true;
  }

  isOpen(connId: string): boolean {
    return this.#connections.get(connId)?.open === true;
  }

  members(roomName: string): string[] {
    return [...new Set((this.#rooms.get(roomName)?.connections ?? []).map((c) => c.user))];
  }

  /** The open connection with this id, its heartbeat refreshed; undefined if unknown or closed. */
  #live(connId: string): Connection | undefined {
    const conn = this.#connections.get(connId);
    if (!conn?.open) return undefined;
    this.#touch(conn);
    return conn;
  }

  #touch(conn: Connection): void {
    clearTimeout(conn.timer);
    conn.timer = setTimeout(() => this.#close(conn), this.#opts.heartbeatTimeoutMs);
  }

  #close(conn: Connection): void {
    if (!conn.open) return;
    conn.open = false;
    clearTimeout(conn.timer);
    conn.queue = [];
    for (const roomName of [...conn.rooms]) this.#removeFromRoom(conn, roomName);
  }

  #removeFromRoom(conn: Connection, roomName: string): void {
    const room = this.#rooms.get(roomName) as Room;
    room.connections.splice(room.connections.indexOf(conn), 1);
    conn.rooms.splice(conn.rooms.indexOf(roomName), 1);
    const left = (room.presence.get(conn.user) ?? 1) - 1;
    if (left > 0) {
      room.presence.set(conn.user, left);
      return;
    }
    room.presence.delete(conn.user);
    this.#fanOut(room, { type: "left", room: roomName, user: conn.user });
  }

  /** Offers a frame to every member, in join order; a member closed on the way is skipped. */
  #fanOut(room: Room, frame: Frame): void {
    for (const conn of [...room.connections]) this.#deliver(conn, frame);
  }

  #deliver(conn: Connection, frame: Frame): void {
    if (!conn.open) return;
    conn.queue.push(frame);
    this.#flush(conn);
    if (conn.queue.length > this.#opts.maxQueued) {
      // Slow consumer: lose the oldest waiting frame, remember how many are gone.
      conn.queue.shift();
      conn.dropped++;
      if (conn.dropped >= this.#opts.maxDropped) this.#close(conn);
    }
  }

  /** Sends while the window has room: the gap notice first, then queued frames in order. */
  #flush(conn: Connection): void {
    while (conn.lastSent - conn.lastAcked < this.#opts.maxInFlight) {
      let frame: Frame;
      if (conn.dropped > 0) {
        frame = { type: "gap", dropped: conn.dropped };
        conn.dropped = 0;
      } else if (conn.queue.length > 0) {
        frame = conn.queue.shift() as Frame;
      } else {
        return;
      }
      conn.send(++conn.lastSent, frame);
    }
  }
}

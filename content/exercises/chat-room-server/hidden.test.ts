import fc from "fast-check";
import { ChatServer, type Frame, type ChatServerOptions } from "./solution";

const defaults: ChatServerOptions = { historySize: 3, heartbeatTimeoutMs: 1000, maxInFlight: 10, maxQueued: 10, maxDropped: 5 };

/** One line per frame, easy to compare and to read in a failure. */
function render(frame: Frame): string {
  switch (frame.type) {
    case "welcome":
      return `welcome ${frame.room} members=[${frame.members.join(",")}] history=[${frame.history.map((m) => `${m.seq}:${m.text}`).join(",")}]`;
    case "message":
      return `message ${frame.message.room}#${frame.message.seq} ${frame.message.user}: ${frame.message.text}`;
    case "joined":
      return `joined ${frame.room} ${frame.user}`;
    case "left":
      return `left ${frame.room} ${frame.user}`;
    case "gap":
      return `gap ${frame.dropped}`;
  }
}

/** A fake client: records frames as "seq frame" lines. */
function client() {
  const lines: string[] = [];
  const seqs: number[] = [];
  return {
    lines,
    send: (seq: number, frame: Frame) => {
      seqs.push(seq);
      lines.push(`${seq} ${render(frame)}`);
    },
    /** The seq of the last frame received (0 before the first). */
    get last(): number {
      return seqs.at(-1) ?? 0;
    },
    /** Lines received since the last call. */
    take(): string[] {
      return lines.splice(0, lines.length);
    },
  };
}

describe("ChatServer: construction and ids", () => {
  it("throws a RangeError for every option out of range, and accepts the boundaries", () => {
    const bad: Partial<ChatServerOptions>[] = [
      { historySize: -1 }, { historySize: 1.5 }, { historySize: NaN }, { historySize: Infinity },
      { heartbeatTimeoutMs: 0 }, { heartbeatTimeoutMs: -5 }, { heartbeatTimeoutMs: NaN }, { heartbeatTimeoutMs: Infinity },
      { maxInFlight: 0 }, { maxInFlight: 2.5 }, { maxInFlight: NaN }, { maxInFlight: Infinity },
      { maxQueued: -1 }, { maxQueued: 0.5 }, { maxQueued: NaN }, { maxQueued: Infinity },
      { maxDropped: 0 }, { maxDropped: 1.5 }, { maxDropped: NaN }, { maxDropped: Infinity },
    ];
    for (const change of bad) {
      expect(() => new ChatServer({ ...defaults, ...change }), JSON.stringify(change)).toThrow(RangeError);
    }
    expect(() => new ChatServer({ historySize: 0, heartbeatTimeoutMs: 0.5, maxInFlight: 1, maxQueued: 0, maxDropped: 1 })).not.toThrow();
  });

  it("returns unique ids, and false or undefined for unknown and closed connections", () => {
    const server = new ChatServer(defaults);
    const c = client();
    const ids = Array.from({ length: 20 }, () => server.connect("ann", c.send));
    expect(new Set(ids).size).toBe(20);
    expect(ids.every((id) => server.isOpen(id))).toBe(true);
    const [a, b] = ids as [string, string];
    server.join(a, "ops");
    expect(server.disconnect(b)).toBe(true);
    for (const id of ["nope", b]) {
      expect(server.isOpen(id)).toBe(false);
      expect(server.disconnect(id)).toBe(false);
      expect(server.heartbeat(id)).toBe(false);
      expect(server.join(id, "ops")).toBe(false);
      expect(server.leave(id, "ops")).toBe(false);
      expect(server.post(id, "ops", "x")).toBeUndefined();
      expect(server.ack(id, 1)).toBe(false);
    }
    expect(server.heartbeat(a)).toBe(true);
    expect(server.members("ops")).toEqual(["ann"]);
    expect(server.members("never-used")).toEqual([]);
  });
});

describe("ChatServer: rooms and presence", () => {
  it("refuses a second join of the same room and a leave of a room not joined, sending nothing", () => {
    const server = new ChatServer(defaults);
    const ann = client();
    const bob = client();
    const a = server.connect("ann", ann.send);
    const b = server.connect("bob", bob.send);
    server.join(a, "ops");
    server.join(b, "ops");
    ann.take();
    bob.take();
    expect(server.join(b, "ops")).toBe(false);
    expect(server.leave(b, "dev")).toBe(false);
    expect(server.leave(b, "never-used")).toBe(false);
    expect([ann.take(), bob.take()]).toEqual([[], []]);
    expect(server.members("ops")).toEqual(["ann", "bob"]);
  });

  it("treats a user's second connection as the same person: no joined, no left until the last one goes", () => {
    const server = new ChatServer(defaults);
    const ann = client();
    const phone = client();
    const laptop = client();
    const a = server.connect("ann", ann.send);
    const p = server.connect("bob", phone.send);
    const l = server.connect("bob", laptop.send);
    server.join(a, "ops");
    server.join(p, "ops");
    server.join(l, "ops");
    expect(ann.take()).toEqual(["1 welcome ops members=[ann] history=[]", "2 joined ops bob"]);
    expect(laptop.take()).toEqual(["1 welcome ops members=[ann,bob] history=[]"]);
    expect(server.leave(p, "ops")).toBe(true);
    expect([ann.take(), laptop.take(), phone.take()]).toEqual([[], [], ["1 welcome ops members=[ann,bob] history=[]"]]);
    expect(server.members("ops")).toEqual(["ann", "bob"]);
    expect(server.leave(l, "ops")).toBe(true);
    expect([ann.take(), laptop.take()]).toEqual([["3 left ops bob"], []]);
    expect(server.members("ops")).toEqual(["ann"]);
  });

  it("lists members in the order they became present; a returning user goes to the end", () => {
    const server = new ChatServer(defaults);
    const [a, b, c, b2] = ["ann", "bob", "cid", "bob"].map((u) => server.connect(u, client().send)) as [string, string, string, string];
    server.join(a, "ops");
    server.join(b, "ops");
    server.join(c, "ops");
    server.join(b2, "ops");
    server.leave(b, "ops"); // bob is still present through b2
    expect(server.members("ops")).toEqual(["ann", "bob", "cid"]);
    server.leave(a, "ops");
    server.join(a, "ops");
    expect(server.members("ops")).toEqual(["bob", "cid", "ann"]);
  });

  it("keeps a room's history and numbering after everybody left, and sends a copy of it", () => {
    const server = new ChatServer({ ...defaults, historySize: 2 });
    const a = server.connect("ann", client().send);
    server.join(a, "ops");
    server.post(a, "ops", "one");
    server.post(a, "ops", "two");
    server.leave(a, "ops");
    expect(server.post(a, "ops", "not a member")).toBeUndefined();
    const bob = client();
    const b = server.connect("bob", bob.send);
    server.join(b, "ops");
    expect(server.post(b, "ops", "three")?.seq).toBe(3);
    expect(bob.take()).toEqual(["1 welcome ops members=[bob] history=[1:one,2:two]", "2 message ops#3 bob: three"]);
    server.join(a, "ops");
    const seen: Frame[] = [];
    const c = server.connect("cid", (_seq, frame) => void seen.push(frame));
    server.join(c, "ops");
    server.post(a, "ops", "four");
    const welcome = seen[0];
    expect(welcome?.type === "welcome" && welcome.history.map((m) => m.seq)).toEqual([2, 3]);
  });

  it("keeps no history with historySize 0, and numbers rooms independently", () => {
    const server = new ChatServer({ ...defaults, historySize: 0 });
    const a = server.connect("ann", client().send);
    server.join(a, "ops");
    server.join(a, "dev");
    server.post(a, "ops", "x");
    server.post(a, "ops", "y");
    expect(server.post(a, "dev", "z")?.seq).toBe(1);
    const bob = client();
    server.join(server.connect("bob", bob.send), "ops");
    expect(bob.take()).toEqual(["1 welcome ops members=[ann,bob] history=[]"]);
  });

  it("makes a closed connection leave its rooms in the order it joined them, then never sends to it again", () => {
    const server = new ChatServer(defaults);
    const watcher = client();
    const ann = client();
    const w = server.connect("wat", watcher.send);
    const a = server.connect("ann", ann.send);
    for (const room of ["r1", "r2", "r3"]) server.join(w, room);
    for (const room of ["r3", "r1", "r2"]) server.join(a, room);
    watcher.take();
    ann.take();
    expect(server.disconnect(a)).toBe(true);
    expect(watcher.take()).toEqual(["7 left r3 ann", "8 left r1 ann", "9 left r2 ann"]);
    expect(["r1", "r2", "r3"].map((r) => server.members(r))).toEqual([["wat"], ["wat"], ["wat"]]);
    server.post(w, "r1", "anyone?");
    clock.advance(5000);
    expect(ann.take()).toEqual([]);
  });
});

describe("ChatServer: join order under pressure", () => {
  it("announces the arrival before adding the joiner, so a member closed by the announcement is not in its welcome", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 1, maxQueued: 0, maxDropped: 1 });
    const ann = client();
    const s = server.connect("sam", () => {}); // never acks: its welcome stays in flight
    const a = server.connect("ann", ann.send);
    server.join(s, "ops");
    expect(server.join(a, "ops")).toBe(true); // "joined ann" is sam's first drop: sam is closed
    expect(server.isOpen(s)).toBe(false);
    expect(server.isOpen(a)).toBe(true);
    expect(ann.take()).toEqual(["1 welcome ops members=[ann] history=[]"]);
    expect(server.members("ops")).toEqual(["ann"]);
  });
});

describe("ChatServer: heartbeats", () => {
  it("counts every call with the connection as a sign of life, whatever it returns", () => {
    const server = new ChatServer({ ...defaults, heartbeatTimeoutMs: 100 });
    const a = server.connect("ann", client().send);
    server.join(a, "ops");
    const calls: [string, () => unknown][] = [
      ["heartbeat", () => server.heartbeat(a)],
      ["join again", () => server.join(a, "ops")],
      ["leave a room not joined", () => server.leave(a, "dev")],
      ["post to a room not joined", () => server.post(a, "dev", "x")],
      ["ack nothing", () => server.ack(a, 99)],
      ["join", () => server.join(a, "dev")],
      ["post", () => server.post(a, "dev", "x")],
      ["ack", () => server.ack(a, 3)],
      ["leave", () => server.leave(a, "dev")],
    ];
    for (const [name, call] of calls) {
      clock.advance(99);
      expect(server.isOpen(a), `still open 99 ms after the call before: ${name}`).toBe(true);
      call();
    }
    clock.advance(99);
    expect(server.isOpen(a)).toBe(true);
    clock.advance(1);
    expect(server.isOpen(a)).toBe(false);
  });

  it("keeps one heartbeat timer per open connection and clears it when the connection closes", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 1, maxQueued: 0, maxDropped: 1 });
    const a = server.connect("ann", client().send);
    const b = server.connect("bob", client().send);
    for (let i = 0; i < 5; i++) server.heartbeat(a);
    expect(clock.pending()).toBe(2);
    server.disconnect(a);
    expect(clock.pending()).toBe(1);
    server.join(b, "ops"); // welcome in flight
    server.post(b, "ops", "x"); // dropped: bob is closed as a slow consumer
    expect(server.isOpen(b)).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it("times out exactly heartbeatTimeoutMs after connect when nothing else happens", () => {
    const server = new ChatServer({ ...defaults, heartbeatTimeoutMs: 250 });
    clock.advance(10);
    const a = server.connect("ann", client().send);
    clock.advance(249);
    expect(server.isOpen(a)).toBe(true);
    clock.advance(1);
    expect(server.isOpen(a)).toBe(false);
    expect(server.heartbeat(a)).toBe(false);
  });

  it("closes connections that time out together in the order of their last signs of life", () => {
    const server = new ChatServer({ ...defaults, heartbeatTimeoutMs: 100 });
    const watcher = client();
    const w = server.connect("wat", watcher.send);
    const ids = ["cid", "ann", "bob"].map((u) => server.connect(u, client().send));
    server.join(w, "ops");
    for (const id of ids) server.join(id, "ops");
    clock.advance(50);
    server.heartbeat(w);
    for (const id of [ids[1], ids[2], ids[0]] as string[]) server.heartbeat(id);
    watcher.take();
    clock.advance(99);
    server.heartbeat(w);
    clock.advance(1);
    expect(watcher.take()).toEqual(["5 left ops ann", "6 left ops bob", "7 left ops cid"]);
  });
});

describe("ChatServer: acks, the window and slow consumers", () => {
  it("accepts only cumulative acks of sent, unacked frames", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 2, maxQueued: 10 });
    const ann = client();
    const a = server.connect("ann", ann.send);
    server.join(a, "ops");
    for (const text of ["m1", "m2", "m3", "m4", "m5"]) server.post(a, "ops", text);
    expect(ann.take().map((l) => l.split(" ")[0])).toEqual(["1", "2"]);
    expect(server.ack(a, 0)).toBe(false);
    expect(server.ack(a, 3)).toBe(false); // not sent yet
    expect(server.ack(a, 1.5)).toBe(false);
    expect(server.ack(a, NaN)).toBe(false);
    expect(ann.take()).toEqual([]);
    expect(server.ack(a, 2)).toBe(true); // both at once
    expect(ann.take()).toEqual(["3 message ops#2 ann: m2", "4 message ops#3 ann: m3"]);
    expect(server.ack(a, 2)).toBe(false); // already acked
    expect(server.ack(a, 3)).toBe(true);
    expect(ann.take()).toEqual(["5 message ops#4 ann: m4"]);
    expect(server.ack(a, 5)).toBe(true);
    expect(ann.take()).toEqual(["6 message ops#5 ann: m5"]);
    expect(server.ack(a, 6)).toBe(true);
    server.post(a, "ops", "m6");
    expect(ann.take()).toEqual(["7 message ops#6 ann: m6"]);
  });

  it("closes a slow consumer exactly when its dropped count reaches maxDropped", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 1, maxQueued: 2, maxDropped: 3 });
    const ann = client();
    const slow = client();
    const s = server.connect("sam", slow.send);
    const a = server.connect("ann", ann.send);
    server.join(s, "ops"); // welcome in flight, never acked
    server.join(a, "ops"); // "joined ann" waits in sam's queue
    for (let i = 1; i <= 3; i++) {
      server.ack(a, ann.last);
      server.post(a, "ops", `m${i}`); // sam's queue: m2, m3 (joined and m1 dropped)
    }
    expect(server.isOpen(s)).toBe(true);
    server.ack(a, ann.last);
    server.post(a, "ops", "m4"); // a third drop for sam
    expect(server.isOpen(s)).toBe(false);
    expect(slow.take()).toEqual(["1 welcome ops members=[sam] history=[]"]);
    server.ack(a, ann.last);
    expect(ann.take().slice(-2)).toEqual(["5 left ops sam", "6 message ops#4 ann: m4"]); // sam is first in the room
    expect(server.members("ops")).toEqual(["ann"]);
  });

  it("resets the dropped count once the gap frame is sent, and counts several drops in one gap", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 1, maxQueued: 1, maxDropped: 3 });
    const ann = client();
    const a = server.connect("ann", ann.send);
    server.join(a, "ops");
    for (let i = 1; i <= 3; i++) server.post(a, "ops", `m${i}`); // m1, m2 dropped; m3 waits
    expect(server.ack(a, 1)).toBe(true);
    expect(ann.take()).toEqual(["1 welcome ops members=[ann] history=[]", "2 gap 2"]);
    server.post(a, "ops", "m4"); // queue m3, m4: m3 dropped (1 since the gap)
    server.post(a, "ops", "m5"); // m4 dropped (2)
    expect(server.isOpen(a)).toBe(true);
    expect(server.ack(a, 2)).toBe(true);
    expect(ann.take()).toEqual(["3 gap 2"]);
    expect(server.ack(a, 3)).toBe(true);
    expect(ann.take()).toEqual(["4 message ops#5 ann: m5"]);
  });

  it("drops a frame at once when the window is full and maxQueued is 0", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 2, maxQueued: 0, maxDropped: 2 });
    const ann = client();
    const a = server.connect("ann", ann.send);
    server.join(a, "ops");
    server.post(a, "ops", "m1"); // fills the window
    server.post(a, "ops", "m2"); // dropped
    expect(server.ack(a, 1)).toBe(true);
    expect(ann.take()).toEqual(["1 welcome ops members=[ann] history=[]", "2 message ops#1 ann: m1", "3 gap 1"]);
    expect(server.ack(a, 3)).toBe(true);
    server.post(a, "ops", "m3");
    server.post(a, "ops", "m4");
    expect(ann.take()).toEqual(["4 message ops#3 ann: m3", "5 message ops#4 ann: m4"]);
    server.post(a, "ops", "m5"); // dropped
    expect(server.isOpen(a)).toBe(true);
    server.post(a, "ops", "m6"); // dropped: 2 = maxDropped
    expect(server.isOpen(a)).toBe(false);
  });

  it("sends the left of a slow consumer closed mid fan-out before the frame to later members", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 1, maxQueued: 1, maxDropped: 1 });
    const ann = client();
    const cid = client();
    const a = server.connect("ann", ann.send);
    const s = server.connect("sam", () => {}); // never acks: its welcome stays in flight
    const c = server.connect("cid", cid.send);
    server.join(a, "ops");
    server.ack(a, ann.last);
    server.join(s, "ops");
    server.ack(a, ann.last);
    server.join(c, "ops"); // "joined cid" waits in sam's queue
    server.ack(a, ann.last);
    server.ack(c, cid.last);
    ann.take();
    cid.take();
    server.post(a, "ops", "hi"); // in join order: ann gets it; sam drops a frame and closes; then cid
    expect(server.isOpen(s)).toBe(false);
    server.ack(a, ann.last);
    server.ack(c, cid.last);
    expect(ann.take()).toEqual(["4 message ops#1 ann: hi", "5 left ops sam"]);
    expect(cid.take()).toEqual(["2 left ops sam", "3 message ops#1 ann: hi"]);
  });
});

// Model-based test: random sequences of calls and time passing, every return value, every frame
// each connection received, isOpen and members compared with a small model after every step.

/** Fails with fast-check's smallest failing sequence and what went wrong in it. */
function failOnCounterexample(report: { failed: boolean; counterexample: unknown; errorInstance: unknown }): void {
  if (!report.failed) return;
  const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
  const example = fc.stringify(report.counterexample).replace(/\s*\/\*replayPath=.*?\*\//g, "");
  throw new Error(`Smallest failing case: ${example}\n${cause}`);
}

interface MConn {
  user: string;
  open: boolean;
  rooms: string[];
  sent: number;
  acked: number;
  queue: string[];
  dropped: number;
  deadline: number;
  touched: number;
  lines: string[];
}

interface MRoom {
  conns: MConn[];
  present: string[];
  history: string[];
  seq: number;
}

/** The rules, written the slow and obvious way. Time is relative to the start of the run. */
class ChatModel {
  readonly conns: MConn[] = [];
  readonly rooms = new Map<string, MRoom>();
  now = 0;
  touches = 0;
  constructor(readonly o: ChatServerOptions) {}

  room(name: string): MRoom {
    let room = this.rooms.get(name);
    if (!room) this.rooms.set(name, (room = { conns: [], present: [], history: [], seq: 0 }));
    return room;
  }
  members(name: string): string[] {
    return [...(this.rooms.get(name)?.present ?? [])];
  }
  touch(c: MConn): void {
    c.deadline = this.now + this.o.heartbeatTimeoutMs;
    c.touched = ++this.touches;
  }
  live(i: number): MConn | undefined {
    const c = this.conns[i];
    if (!c?.open) return undefined;
    this.touch(c);
    return c;
  }
  connect(user: string): void {
    const c: MConn = { user, open: true, rooms: [], sent: 0, acked: 0, queue: [], dropped: 0, deadline: 0, touched: 0, lines: [] };
    this.touch(c);
    this.conns.push(c);
  }
  deliver(c: MConn, line: string): void {
    if (!c.open) return;
    c.queue.push(line);
    this.flush(c);
    if (c.queue.length > this.o.maxQueued) {
      c.queue.shift();
      c.dropped++;
      if (c.dropped >= this.o.maxDropped) this.close(c);
    }
  }
  flush(c: MConn): void {
    while (c.sent - c.acked < this.o.maxInFlight) {
      if (c.dropped > 0) {
        c.lines.push(`${++c.sent} gap ${c.dropped}`);
        c.dropped = 0;
      } else if (c.queue.length > 0) {
        c.lines.push(`${++c.sent} ${c.queue.shift()}`);
      } else break;
    }
  }
  close(c: MConn): void {
    if (!c.open) return;
    c.open = false;
    c.queue = [];
    for (const r of [...c.rooms]) this.remove(c, r);
  }
  remove(c: MConn, name: string): void {
    const room = this.room(name);
    room.conns = room.conns.filter((x) => x !== c);
    c.rooms = c.rooms.filter((r) => r !== name);
    if (room.conns.some((x) => x.user === c.user)) return;
    room.present = room.present.filter((u) => u !== c.user);
    for (const x of [...room.conns]) this.deliver(x, `left ${name} ${c.user}`);
  }
  join(i: number, name: string): boolean {
    const c = this.live(i);
    if (!c || c.rooms.includes(name)) return false;
    const room = this.room(name);
    if (!room.present.includes(c.user)) {
      for (const x of [...room.conns]) this.deliver(x, `joined ${name} ${c.user}`);
      room.present.push(c.user);
    }
    room.conns.push(c);
    c.rooms.push(name);
    this.deliver(c, `welcome ${name} members=[${room.present.join(",")}] history=[${room.history.join(",")}]`);
    return true;
  }
  leave(i: number, name: string): boolean {
    const c = this.live(i);
    if (!c || !c.rooms.includes(name)) return false;
    this.remove(c, name);
    return true;
  }
  post(i: number, name: string, text: string): string {
    const c = this.live(i);
    if (!c || !c.rooms.includes(name)) return "undefined";
    const room = this.room(name);
    room.seq++;
    room.history.push(`${room.seq}:${text}`);
    if (room.history.length > this.o.historySize) room.history.shift();
    for (const x of [...room.conns]) this.deliver(x, `message ${name}#${room.seq} ${c.user}: ${text}`);
    return `#${room.seq}`;
  }
  ack(i: number, seq: number): boolean {
    const c = this.live(i);
    if (!c || seq <= c.acked || seq > c.sent) return false;
    c.acked = seq;
    this.flush(c);
    return true;
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.conns
        .filter((c) => c.open && c.deadline <= end)
        .sort((x, y) => x.deadline - y.deadline || x.touched - y.touched)[0];
      if (!due) break;
      this.now = due.deadline;
      this.close(due);
    }
    this.now = end;
  }
}

interface RealChat {
  server: ChatServer;
  ids: string[];
  logs: string[][];
}

type ChatCommand = fc.Command<ChatModel, RealChat>;

function same(what: string, got: unknown, want: unknown): void {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`${what}: the server gives ${g}, the rules give ${w}`);
}

/** A command on connection number `n` (c1, c2, ...); afterwards everything observable is compared. */
function chatCommand(text: string, n: number, act: (model: ChatModel, real: RealChat, id: string) => void): ChatCommand {
  return {
    check: (model) => n <= model.conns.length,
    run(model, real) {
      act(model, real, real.ids[n - 1] ?? "");
      model.conns.forEach((c, i) => {
        same(`after ${text}: frames received by c${i + 1}`, real.logs[i], c.lines);
        same(`after ${text}: isOpen(c${i + 1})`, real.server.isOpen(real.ids[i] ?? ""), c.open);
      });
      for (const r of ["r1", "r2"]) same(`after ${text}: members("${r}")`, real.server.members(r), model.members(r));
    },
    toString: () => text,
  };
}

const conn = fc.integer({ min: 1, max: 4 });
const roomName = fc.constantFrom("r1", "r2");
let posts = 0;
const chatCommands = fc.commands(
  [
    fc.constantFrom("ann", "bob").map((user) => ({
      check: () => true,
      run(model: ChatModel, real: RealChat) {
        model.connect(user);
        const log: string[] = [];
        real.logs.push(log);
        real.ids.push(real.server.connect(user, (seq, frame) => void log.push(`${seq} ${render(frame)}`)));
      },
      toString: () => `connect("${user}")`,
    })),
    conn.map((n) => chatCommand(`disconnect(c${n})`, n, (m, r, id) => {
      const c = m.live(n - 1);
      if (c) m.close(c);
      same(`disconnect(c${n})`, r.server.disconnect(id), c !== undefined);
    })),
    conn.map((n) => chatCommand(`heartbeat(c${n})`, n, (m, r, id) => same(`heartbeat(c${n})`, r.server.heartbeat(id), m.live(n - 1) !== undefined))),
    fc.tuple(conn, roomName).map(([n, room]) => chatCommand(`join(c${n}, "${room}")`, n, (m, r, id) => same(`join(c${n}, "${room}")`, r.server.join(id, room), m.join(n - 1, room)))),
    fc.tuple(conn, roomName).map(([n, room]) => chatCommand(`leave(c${n}, "${room}")`, n, (m, r, id) => same(`leave(c${n}, "${room}")`, r.server.leave(id, room), m.leave(n - 1, room)))),
    fc.tuple(conn, roomName).map(([n, room]) => {
      const text = `t${++posts}`;
      return chatCommand(`post(c${n}, "${room}", "${text}")`, n, (m, r, id) => {
        const got = r.server.post(id, room, text);
        same(`post(c${n}, "${room}", "${text}")`, got ? `#${got.seq}` : "undefined", m.post(n - 1, room, text));
      });
    }),
    conn.map((n) => chatCommand(`ack(c${n}, <last frame received>)`, n, (m, r, id) => {
      const seq = m.conns[n - 1]?.sent ?? 0;
      same(`ack(c${n}, ${seq})`, r.server.ack(id, seq), m.ack(n - 1, seq));
    })),
    fc.tuple(conn, fc.integer({ min: 0, max: 6 })).map(([n, seq]) => chatCommand(`ack(c${n}, ${seq})`, n, (m, r, id) => same(`ack(c${n}, ${seq})`, r.server.ack(id, seq), m.ack(n - 1, seq)))),
    fc.constantFrom(1, 30, 99, 100).map((ms) => chatCommand(`clock.advance(${ms})`, 0, (m) => {
      m.advance(ms);
      clock.advance(ms);
    })),
  ],
  { maxCommands: 40, size: "max" },
);

const options = fc
  .record({ historySize: fc.constantFrom(0, 2), maxInFlight: fc.constantFrom(1, 2), maxQueued: fc.constantFrom(0, 1, 2), maxDropped: fc.constantFrom(1, 2) })
  .map((o) => {
    const full: ChatServerOptions = { ...o, heartbeatTimeoutMs: 100 };
    return { o: full, toString: () => `new ChatServer(${JSON.stringify(full)})` };
  });

describe("ChatServer: any sequence of calls", () => {
  it("agrees with a model of the rules on every return value, every frame each connection gets, isOpen and members", () => {
    const report = fc.check(
      fc.property(options, chatCommands, ({ o }, cmds) => {
        fc.modelRun(() => ({ model: new ChatModel(o), real: { server: new ChatServer(o), ids: [], logs: [] } }), cmds);
      }),
      { numRuns: 150 },
    );
    failOnCounterexample(report);
  });
});

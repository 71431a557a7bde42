import { ChatServer, type Frame, type ChatServerOptions } from "./solution";

const defaults: ChatServerOptions = { historySize: 3, heartbeatTimeoutMs: 1000, maxInFlight: 10, maxQueued: 10, maxDropped: 5 };

/** A fake client that records every frame it is sent, and acks nothing unless told. */
function client() {
  const frames: { seq: number; frame: Frame }[] = [];
  return { frames, send: (seq: number, frame: Frame) => void frames.push({ seq, frame }) };
}

describe("ChatServer", () => {
  it("welcomes a joiner with the members and tells the others who joined", () => {
    const server = new ChatServer(defaults);
    const ann = client();
    const bob = client();
    const a = server.connect("ann", ann.send);
    const b = server.connect("bob", bob.send);
    expect(server.join(a, "ops")).toBe(true);
    expect(server.join(b, "ops")).toBe(true);
    expect(ann.frames).toEqual([
      { seq: 1, frame: { type: "welcome", room: "ops", members: ["ann"], history: [] } },
      { seq: 2, frame: { type: "joined", room: "ops", user: "bob" } },
    ]);
    expect(bob.frames).toEqual([{ seq: 1, frame: { type: "welcome", room: "ops", members: ["ann", "bob"], history: [] } }]);
    expect(server.members("ops")).toEqual(["ann", "bob"]);
  });

  it("numbers messages per room and sends them to every member, the sender included", () => {
    const server = new ChatServer(defaults);
    const ann = client();
    const a = server.connect("ann", ann.send);
    server.join(a, "ops");
    clock.advance(5);
    const first = server.post(a, "ops", "deploying");
    expect(first).toEqual({ room: "ops", seq: 1, user: "ann", text: "deploying", at: Date.now() });
    expect(server.post(a, "ops", "done")?.seq).toBe(2);
    expect(ann.frames.map((f) => f.frame)).toEqual([
      { type: "welcome", room: "ops", members: ["ann"], history: [] },
      { type: "message", message: first },
      { type: "message", message: { room: "ops", seq: 2, user: "ann", text: "done", at: Date.now() } },
    ]);
    expect(server.post(a, "elsewhere", "nope")).toBeUndefined();
  });

  it("sends the last historySize messages, oldest first, to a new joiner", () => {
    const server = new ChatServer({ ...defaults, historySize: 2 });
    const a = server.connect("ann", client().send);
    server.join(a, "ops");
    for (const text of ["one", "two", "three"]) server.post(a, "ops", text);
    const bob = client();
    server.join(server.connect("bob", bob.send), "ops");
    const welcome = bob.frames[0]?.frame;
    expect(welcome?.type === "welcome" && welcome.history.map((m) => m.text)).toEqual(["two", "three"]);
  });

  it("closes a connection after heartbeatTimeoutMs of silence and tells the room", () => {
    const server = new ChatServer(defaults);
    const ann = client();
    const a = server.connect("ann", ann.send);
    const b = server.connect("bob", client().send);
    server.join(a, "ops");
    server.join(b, "ops");
    clock.advance(600);
    server.heartbeat(a); // ann is alive; bob says nothing
    clock.advance(399);
    expect(server.isOpen(b)).toBe(true);
    clock.advance(1);
    expect(server.isOpen(b)).toBe(false);
    expect(server.isOpen(a)).toBe(true);
    expect(ann.frames.at(-1)?.frame).toEqual({ type: "left", room: "ops", user: "bob" });
    expect(server.members("ops")).toEqual(["ann"]);
  });

  it("queues frames behind a full window, drops the oldest and announces the gap", () => {
    const server = new ChatServer({ ...defaults, maxInFlight: 1, maxQueued: 1, maxDropped: 5 });
    const ann = client();
    const a = server.connect("ann", ann.send);
    server.join(a, "ops"); // welcome is in flight, unacked
    server.post(a, "ops", "m1"); // waits
    server.post(a, "ops", "m2"); // queue too long: m1 dropped
    expect(ann.frames).toHaveLength(1);
    expect(server.ack(a, 1)).toBe(true);
    expect(ann.frames.slice(1)).toEqual([{ seq: 2, frame: { type: "gap", dropped: 1 } }]);
    expect(server.ack(a, 2)).toBe(true);
    expect(ann.frames.slice(2).map((f) => f.seq)).toEqual([3]);
    expect(ann.frames[2]?.frame.type === "message" && ann.frames[2].frame.message.text).toBe("m2");
  });
});

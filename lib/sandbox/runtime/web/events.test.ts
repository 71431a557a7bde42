import { describe, expect, it } from "vitest";
import { seededRandom, webGlobals } from "./test-support.ts";

const web = webGlobals();

type Targets = { EventTarget: typeof EventTarget; Event: typeof Event; AbortController: typeof AbortController };
const NODE: Targets = { EventTarget, Event, AbortController };
const OURS = web as unknown as Targets;

// Runs a random script of add/remove/dispatch operations and records what the listeners saw.
function runScript(impl: Targets, seed: number): string[] {
  const random = seededRandom(seed);
  const log: string[] = [];
  const target = new impl.EventTarget();
  const controllers = [new impl.AbortController(), new impl.AbortController()];
  const callbacks = Array.from({ length: 4 }, (_, id) => {
    const fn = (event: Event) => {
      // Not eventPhase: Node shows 0 to the second registration (capture and not) of one function.
      log.push(`fn${id}:${event.type}:${event.target === target}`);
      if (random() < 0.1) event.stopImmediatePropagation();
    };
    return id % 2 === 0 ? fn : { handleEvent: fn };
  });
  for (let step = 0; step < 40; step++) {
    const pick = random();
    const callback = callbacks[Math.floor(random() * callbacks.length)]!;
    const type = random() < 0.5 ? "a" : "b";
    if (pick < 0.45) {
      const options = {
        once: random() < 0.3,
        capture: random() < 0.3,
        signal: random() < 0.2 ? controllers[Math.floor(random() * 2)]!.signal : undefined,
      };
      target.addEventListener(type, callback as EventListener, options);
    } else if (pick < 0.6) {
      target.removeEventListener(type, callback as EventListener, { capture: random() < 0.3 });
    } else if (pick < 0.65) {
      controllers[Math.floor(random() * 2)]!.abort();
    } else {
      const event = new impl.Event(type, { cancelable: true });
      const result = target.dispatchEvent(event);
      log.push(`dispatch:${type}:${result}:${event.eventPhase}:${event.target === target}:${event.currentTarget}`);
    }
  }
  return log;
}

describe("EventTarget", () => {
  it("dispatches in the same order as Node across random add/remove/once/signal scripts", () => {
    for (let seed = 1; seed <= 200; seed++) expect(runScript(OURS, seed), `seed ${seed}`).toEqual(runScript(NODE, seed));
  });

  it("implements Event and CustomEvent state", () => {
    const event = new web.Event("x", { cancelable: true, bubbles: true });
    expect([event.type, event.bubbles, event.cancelable, event.defaultPrevented, event.isTrusted]).toEqual(["x", true, true, false, false]);
    const target = new web.EventTarget();
    target.addEventListener("x", (e) => e.preventDefault());
    expect(target.dispatchEvent(event)).toBe(false);
    expect(event.defaultPrevented).toBe(true);
    const custom = new web.CustomEvent("c", { detail: { a: 1 } });
    expect(custom.detail).toEqual({ a: 1 });
    expect(custom).toBeInstanceOf(web.Event);
    expect(web.Event.AT_TARGET).toBe(2);
    const phases: unknown[] = [];
    target.addEventListener("y", function (this: unknown, e) {
      phases.push(e.eventPhase, e.currentTarget === target, this === target);
    });
    target.addEventListener("y", { handleEvent: (e) => void phases.push(e.eventPhase) });
    const y = new web.Event("y");
    target.dispatchEvent(y);
    expect([...phases, y.eventPhase, y.currentTarget, y.target === target]).toEqual([2, true, true, 2, 0, null, true]);
    expect(() => new web.EventTarget().dispatchEvent({ type: "x" } as never)).toThrow(TypeError);
  });

  it("rejects re-dispatching an event that is being dispatched", () => {
    const target = new web.EventTarget();
    const event = new web.Event("x");
    let error: unknown;
    target.addEventListener("x", () => {
      try {
        target.dispatchEvent(event);
      } catch (thrown) {
        error = thrown;
      }
    });
    target.dispatchEvent(event);
    expect((error as DOMException).name).toBe("InvalidStateError");
  });
});

describe("AbortController and AbortSignal", () => {
  it("aborts with a default AbortError, an explicit reason, once", () => {
    const controller = new web.AbortController();
    const seen: unknown[] = [];
    controller.signal.onabort = (event) => seen.push(["onabort", event.type, event.isTrusted]);
    controller.signal.addEventListener("abort", () => seen.push("listener"));
    controller.abort();
    controller.abort("again");
    expect(seen).toEqual([["onabort", "abort", true], "listener"]);
    const reason = controller.signal.reason as DOMException;
    expect([reason.name, reason.code, reason.message, reason instanceof web.DOMException, reason instanceof Error]).toEqual([
      "AbortError",
      20,
      "This operation was aborted",
      true,
      true,
    ]);
    expect(() => controller.signal.throwIfAborted()).toThrow(reason);
    expect(web.AbortSignal.abort("why").reason).toBe("why");
    expect(() => new (web.AbortSignal as unknown as new () => unknown)()).toThrow(TypeError);
  });

  it("any() follows the first source to abort, and sees already-aborted ones", () => {
    const a = new web.AbortController();
    const b = new web.AbortController();
    const any = web.AbortSignal.any([a.signal, b.signal]);
    const order: string[] = [];
    a.signal.addEventListener("abort", () => order.push("source"));
    any.addEventListener("abort", () => order.push("dependent"));
    b.abort("b first");
    a.abort("a second");
    expect(any.reason).toBe("b first");
    expect(order).toEqual(["dependent", "source"]);
    expect(web.AbortSignal.any([web.AbortSignal.abort(1), a.signal]).reason).toBe(1);
  });

  it("timeout() aborts with a TimeoutError through the host's timers", async () => {
    const signal = web.AbortSignal.timeout(5);
    expect(signal.aborted).toBe(false);
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    const reason = signal.reason as DOMException;
    expect([reason.name, reason.code, reason.message]).toEqual(["TimeoutError", 23, "The operation was aborted due to timeout"]);
    expect(() => web.AbortSignal.timeout(-1)).toThrow(RangeError);
  });

  it("removes listeners added with an aborted signal", () => {
    const controller = new web.AbortController();
    const target = new web.EventTarget();
    let calls = 0;
    target.addEventListener("x", () => calls++, { signal: controller.signal });
    target.dispatchEvent(new web.Event("x"));
    controller.abort();
    target.dispatchEvent(new web.Event("x"));
    target.addEventListener("x", () => calls++, { signal: controller.signal });
    target.dispatchEvent(new web.Event("x"));
    expect(calls).toBe(1);
  });
});

describe("DOMException", () => {
  it("matches Node's names, codes, constants and options", () => {
    for (const name of ["AbortError", "TimeoutError", "DataCloneError", "InvalidCharacterError", "SyntaxError", "Whatever", undefined]) {
      const ours = new web.DOMException("m", name);
      const node = new DOMException("m", name);
      expect([ours.name, ours.code, ours.message, String(ours)]).toEqual([node.name, node.code, node.message, String(node)]);
    }
    const withCause = new web.DOMException("m", { name: "AbortError", cause: 42 });
    expect([withCause.name, withCause.cause]).toEqual(["AbortError", 42]);
    expect(web.DOMException.ABORT_ERR).toBe(DOMException.ABORT_ERR);
    expect(new web.DOMException().DATA_CLONE_ERR).toBe(25);
    expect(Object.prototype.toString.call(new web.DOMException())).toBe("[object DOMException]");
  });
});

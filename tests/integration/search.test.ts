import { describe, expect, it, vi } from "vitest";
import * as searchRoute from "@/app/api/search/route";
import { signUp, type PublicUser } from "@/lib/auth/accounts";
import { saveDesignNote } from "@/lib/notes/design-notes";
import { saveLessonNote } from "@/lib/notes/lesson-notes";
import { saveRetro } from "@/lib/notes/retros";

// The route asks the session who is signed in; here the test decides.
const session = vi.hoisted(() => ({ user: null as PublicUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

let counter = 0;
async function user(name: string): Promise<PublicUser> {
  counter += 1;
  const result = await signUp({ name, email: `${name}.search${counter}@example.test`, password: "a long password" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.user;
}

async function search(as: PublicUser | null, q: string) {
  session.user = as;
  const response = await searchRoute.GET(new Request(`http://localhost/api/search?q=${encodeURIComponent(q)}`));
  return { status: response.status, body: (await response.json()) as { hits?: Array<{ kind: string; href: string; title: string }>; error?: string } };
}

describe("GET /api/search", () => {
  it("finds the user's own retros, design notes and lesson notes, and nobody else's", async () => {
    const alice = await user("alice");
    const bob = await user("bob");
    await saveRetro(alice.id, 2, "## What went well?\n\nThe quokkaledger finally balanced.\n", 0);
    await saveDesignNote(alice.id, 7, { "data-model": "A quokkaledger table keyed by user" }, 0);
    await saveLessonNote(alice.id, "node/event-loop", "quokkaledger runs in the poll phase", 0);
    await saveRetro(bob.id, 2, "## What went well?\n\nMy own quokkaledger notes.\n", 0);

    const mine = await search(alice, "quokkaledger");
    expect(mine.status).toBe(200);
    expect(mine.body.hits?.map((h) => [h.kind, h.href]).sort()).toEqual([
      ["design-note", "/design/7"],
      ["lesson-note", "/lessons/node/event-loop#your-notes"],
      ["retro", "/retros/2"],
    ]);
    expect((await search(bob, "quokkaledger")).body.hits?.map((h) => h.href)).toEqual(["/retros/2"]);
    expect((await search(bob, "balanced")).body.hits).toEqual([]);
  });

  it("refuses anonymous callers and bad queries", async () => {
    expect((await search(null, "anything")).status).toBe(401);
    const someone = await user("carol");
    expect((await search(someone, "a")).status).toBe(400);
    expect((await search(someone, "x".repeat(201))).status).toBe(400);
  });
});

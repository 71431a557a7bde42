import { strToU8, zipSync, type Zippable } from "fflate";
import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/http";
import { listRetros } from "@/lib/notes/retros";

/** All of the user's retrospectives as Markdown files in one zip: week-01.md … week-20.md. */
export async function GET() {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const files: Zippable = {};
  for (const retro of await listRetros(user.id)) {
    files[`week-${String(retro.week).padStart(2, "0")}.md`] = [strToU8(retro.body), { mtime: retro.updatedAt }];
  }
  const zip = zipSync(files, { level: 6 });
  return new Response(new Blob([zip as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": 'attachment; filename="deepend-retrospectives.zip"',
      "Cache-Control": "no-store",
    },
  });
}

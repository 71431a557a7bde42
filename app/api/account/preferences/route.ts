import { NextResponse } from "next/server";
import { getPreferences, preferencesUpdateSchema, updatePreferences } from "@/lib/account/preferences";
import { readJson, requireApiUser } from "@/lib/http";

export async function GET() {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  return NextResponse.json(await getPreferences(user.id));
}

export async function PATCH(request: Request) {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const update = await readJson(request, preferencesUpdateSchema, 4 * 1024);
  if (update instanceof NextResponse) return update;
  return NextResponse.json(await updatePreferences(user.id, update));
}

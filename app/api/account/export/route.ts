import { NextResponse } from "next/server";
import { exportUserData } from "@/lib/account/data";
import { requireApiUser } from "@/lib/http";

export async function GET() {
  const user = await requireApiUser();
  if (user instanceof NextResponse) return user;
  const data = await exportUserData(user.id);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="deepend-export-${data.exportedAt.slice(0, 10)}.json"` },
  });
}

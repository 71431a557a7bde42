import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false, error: "The database is not reachable." }, { status: 503 });
  }
}

/** JSON over fetch for the exercise APIs: a failure is a message to show, never a thrown error. */
export async function api<T>(url: string, init?: RequestInit): Promise<{ ok: true; data: T } | { ok: false; status: number; error: string }> {
  try {
    const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
    const body = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) return { ok: false, status: response.status, error: body.error ?? `The server answered ${response.status}.` };
    return { ok: true, data: body };
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached. Your work is kept here; try again." };
  }
}

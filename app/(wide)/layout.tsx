import type { ReactNode } from "react";

/** Full-width pages (the exercise workbench). */
export default function WideLayout({ children }: { children: ReactNode }) {
  return <div className="w-full px-3 py-3">{children}</div>;
}

import Link from "next/link";
import { Fragment } from "react";

export interface Crumb {
  label: React.ReactNode;
  /** Omitted for the current page. */
  href?: string;
}

/** The trail above a page's title: links back up, separated by slashes. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="mx-2">/</span> : null}
          {item.href ? (
            <Link href={item.href} className="hover:text-accent-600">
              {item.label}
            </Link>
          ) : (
            <span>{item.label}</span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}

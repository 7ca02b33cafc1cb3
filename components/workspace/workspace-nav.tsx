"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

/**
 * Page links of a workspace (and of its organization, whose page lives outside it: `href`); the
 * current section is marked for sight and for screen readers.
 */
export function WorkspaceNav({
  slug,
  links,
}: {
  slug: string;
  links: { segment: string; label: string; href?: string }[];
}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="flex min-w-0 gap-1 overflow-x-auto text-sm">
      {links.map(({ segment, label, href: elsewhere }) => {
        const href = elsewhere ?? `/${slug}/${segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={segment}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "whitespace-nowrap rounded-md px-2 py-1 hover:bg-muted",
              active ? "bg-muted font-medium text-foreground" : "text-muted-foreground",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

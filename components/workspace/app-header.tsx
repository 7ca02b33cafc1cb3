import { BookOpen, KeyRound } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** The bar on every signed-in page: logo, where you are, page links, and your own corner. */
export function AppHeader({
  title,
  nav,
  aside,
  width = "max-w-6xl",
}: {
  title: ReactNode;
  nav?: ReactNode;
  aside: ReactNode;
  width?: string;
}) {
  return (
    <header className="border-b border-border bg-card">
      <div className={cn("mx-auto flex h-14 items-center gap-4 px-4", width)}>
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <KeyRound aria-hidden className="h-5 w-5 text-primary" /> Keysmith
        </Link>
        <span aria-hidden className="text-muted-foreground">
          /
        </span>
        <div className="min-w-0 font-medium">{title}</div>
        {nav}
        <div className="ml-auto flex items-center gap-3 text-sm">
          {/* A plain link: /docs is a document of its own, not a page of the app. */}
          <a
            href="/docs"
            title="API reference"
            className="flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md px-2 py-1 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {/* Icon only below 2xl: a workspace's five tabs, the address and the role fill the bar. */}
            <BookOpen aria-hidden className="h-4 w-4" />
            <span className="sr-only 2xl:not-sr-only">API reference</span>
          </a>
          {aside}
        </div>
      </div>
    </header>
  );
}

import { KeyRound } from "lucide-react";
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
        <div className="font-medium">{title}</div>
        {nav}
        <div className="ml-auto flex items-center gap-3 text-sm">{aside}</div>
      </div>
    </header>
  );
}

import { cn } from "@/lib/cn";

/** A grey placeholder the size of what is loading, so nothing shifts when data arrives. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden className={cn("block animate-pulse rounded bg-muted", className)} />;
}

"use client";

import { AlertTriangle, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** What a panel shows when its data could not be loaded, with a way to try again. */
export function LoadError({
  title,
  error,
  onRetry,
  retrying = false,
  className,
}: {
  title: string;
  error: Error;
  onRetry: () => void;
  retrying?: boolean;
  className?: string;
}) {
  return (
    <div role="alert" className={cn("flex gap-3 rounded-xl border border-danger/40 bg-card p-5 text-sm", className)}>
      <AlertTriangle aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-danger" />
      <div>
        <p className="font-medium text-danger">{title}</p>
        <p className="mt-1 text-muted-foreground">{error.message}</p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry} disabled={retrying}>
          <RotateCw aria-hidden className={cn("h-3.5 w-3.5", retrying && "animate-spin")} /> Try again
        </Button>
      </div>
    </div>
  );
}

"use client";

import type { FieldsetHTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import { useHydrated } from "./use-hydrated";

/**
 * Controls that arrive in the server's HTML (a page's filters, its pager), disabled until
 * React has hydrated the page: a choice made before would change the control and nothing else.
 */
export function HydratedFieldset({ className, ...props }: FieldsetHTMLAttributes<HTMLFieldSetElement>) {
  const hydrated = useHydrated();
  return <fieldset disabled={!hydrated} className={cn("min-w-0", className)} {...props} />;
}

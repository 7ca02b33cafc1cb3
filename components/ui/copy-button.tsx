"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "@/components/ui/button";

/** Copies `value`, shows a tick for two seconds and a toast; says so when the clipboard is refused. */
export function CopyButton({
  value,
  label = "Copy",
  copiedMessage = "Copied to the clipboard",
  onCopied,
  ...props
}: Omit<ButtonProps, "onClick" | "value"> & {
  value: string;
  label?: string;
  copiedMessage?: string;
  onCopied?: () => void;
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(copiedMessage);
      onCopied?.();
    } catch {
      toast.error("Could not copy — select the text and copy it by hand");
    }
  }
  return (
    <Button variant="secondary" onClick={copy} {...props}>
      {copied ? <Check aria-hidden className="h-4 w-4" /> : <Copy aria-hidden className="h-4 w-4" />}
      {copied ? "Copied" : label}
    </Button>
  );
}

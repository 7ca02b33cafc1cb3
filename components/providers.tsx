"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider, useTheme } from "next-themes";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";
import { ReauthDialog } from "@/components/account/reauth-dialog";
import { PendingKeyReveal } from "@/components/keys/pending-key-reveal";
import { RenderTimeProvider } from "@/components/ui/render-time";
import { TooltipProvider } from "@/components/ui/tooltip";

/**
 * `nonce`: this response's CSP script nonce, for next-themes' inline theme script;
 * `renderedAt`: when the server rendered the page (relative times in its HTML count from it).
 */
export function Providers({
  children,
  nonce,
  renderedAt,
}: {
  children: ReactNode;
  nonce?: string;
  renderedAt: number;
}) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true } } }),
  );
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <QueryClientProvider client={client}>
        <RenderTimeProvider at={renderedAt}>
          <TooltipProvider delayDuration={200}>
            {children}
            <PendingKeyReveal />
            <ReauthDialog />
          </TooltipProvider>
        </RenderTimeProvider>
        <ThemedToaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}

/** Toasts in the theme the user chose in the header, not only the system's. */
function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster position="bottom-right" closeButton theme={resolvedTheme === "dark" ? "dark" : "light"} />;
}

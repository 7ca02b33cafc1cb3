import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/ui/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="relative flex min-h-screen items-center justify-center px-4 py-12">
      <div className="absolute right-4 top-4">
        <ThemeToggle />
      </div>
      {/* A page with more to show (the CLI approval's scope picker) marks itself data-layout="wide". */}
      <div className="w-full max-w-md has-[[data-layout=wide]]:max-w-xl">
        <div className="mb-6 flex items-center justify-center gap-2 text-xl font-semibold">
          <KeyRound aria-hidden className="h-6 w-6 text-primary" /> Keysmith
        </div>
        <div className="rounded-xl border border-border bg-card p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}

import type { ReactNode } from "react";

/** Where a login request ended up (approved, denied, used, expired …): a heading and a few words. */
export function Outcome({ icon, title, children }: { icon?: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="space-y-2" role="status">
      <h1 className="flex items-center gap-2 text-lg font-semibold">
        {icon}
        {title}
      </h1>
      <div className="space-y-3 text-sm text-muted-foreground">{children}</div>
    </div>
  );
}

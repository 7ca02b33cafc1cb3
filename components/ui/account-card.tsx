import type { ReactNode } from "react";

/** A card of the /account page whose actions are its own (not a single Save), with an optional footer note. */
export function AccountCard({
  id,
  title,
  description,
  footer,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 rounded-xl border border-border bg-card">
      <div className="space-y-4 p-6">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">{description}</p>
        </div>
        {children}
      </div>
      {footer ? (
        <div className="rounded-b-xl border-t border-border bg-muted/40 px-6 py-3 text-xs text-muted-foreground">
          {footer}
        </div>
      ) : null}
    </section>
  );
}

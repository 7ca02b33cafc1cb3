import { Tooltip } from "@/components/ui/tooltip";

const SHOWN = 2;
const chip = "inline-flex items-center rounded border border-border bg-muted px-1.5 py-0.5 font-mono text-[11px]";

/** A key's scopes in one line: the first two, then "+N" with the rest in a tooltip. */
export function ScopeChips({ scopes }: { scopes: string[] }) {
  if (scopes.length === 0) return <span className="text-muted-foreground">No scopes</span>;
  const hidden = scopes.slice(SHOWN);
  return (
    <span className="flex items-center gap-1 whitespace-nowrap">
      {scopes.slice(0, SHOWN).map((scope) => (
        <span key={scope} className={chip}>
          {scope}
        </span>
      ))}
      {hidden.length > 0 ? (
        <Tooltip
          content={
            <span className="block space-y-0.5 font-mono">
              {hidden.map((scope) => (
                <span key={scope} className="block">
                  {scope}
                </span>
              ))}
            </span>
          }
        >
          <button
            type="button"
            aria-label={`${hidden.length} more ${hidden.length === 1 ? "scope" : "scopes"}: ${hidden.join(", ")}`}
            className={`${chip} cursor-default font-sans font-medium text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring`}
          >
            +{hidden.length}
          </button>
        </Tooltip>
      ) : null}
    </span>
  );
}

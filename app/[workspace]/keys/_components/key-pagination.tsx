import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { KeyList } from "@/lib/api/schemas/keys";

/** Previous / next over keyset cursors: every page costs the same, however deep. */
export function KeyPagination({
  list,
  onPrevious,
  onNext,
}: {
  list: KeyList;
  onPrevious: (cursor: string) => void;
  onNext: (cursor: string) => void;
}) {
  const { prevCursor, nextCursor } = list;
  const count = list.data.length;
  return (
    <nav
      aria-label="Pages of keys"
      className="flex items-center justify-between gap-4 border-t border-border px-4 py-2.5 text-sm text-muted-foreground"
    >
      <p aria-live="polite">
        {count} {count === 1 ? "key" : "keys"} {prevCursor || nextCursor ? "on this page" : ""}
      </p>
      {prevCursor || nextCursor ? (
        <div className="flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={!prevCursor}
            onClick={() => prevCursor && onPrevious(prevCursor)}
          >
            <ChevronLeft aria-hidden className="h-4 w-4" /> Previous
          </Button>
          <Button variant="secondary" size="sm" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
            Next <ChevronRight aria-hidden className="h-4 w-4" />
          </Button>
        </div>
      ) : null}
    </nav>
  );
}

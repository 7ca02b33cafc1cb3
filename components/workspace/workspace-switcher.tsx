"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export interface SwitcherWorkspace {
  slug: string;
  name: string;
  role: string;
}

function Initial({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded bg-primary/15 text-[0.65rem] font-semibold uppercase text-primary"
    >
      {name.trim()[0] ?? "?"}
    </span>
  );
}

/** The current workspace's name; opens a menu of the user's workspaces (arrow keys + Enter) and "Create workspace". */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: SwitcherWorkspace;
  workspaces: SwitcherWorkspace[];
}) {
  const router = useRouter();
  return (
    // Not modal: a modal menu hides the page from assistive tech while leaving it focusable behind.
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger
        aria-label={`Workspace: ${current.name}. Switch workspace`}
        className="inline-flex max-w-[14rem] items-center gap-2 rounded-md px-2 py-1 font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-muted"
      >
        <span data-testid="workspace-name" className="truncate">
          {current.name}
        </span>
        <ChevronsUpDown aria-hidden className="h-3.5 w-3.5 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-60">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        {workspaces.map((workspace) => {
          const isCurrent = workspace.slug === current.slug;
          return (
            <DropdownMenuItem
              key={workspace.slug}
              onSelect={() => {
                if (!isCurrent) router.push(`/${workspace.slug}/keys`);
              }}
              aria-current={isCurrent ? "page" : undefined}
            >
              <Initial name={workspace.name} />
              <span className="flex-1 truncate">{workspace.name}</span>
              <span className="text-xs capitalize text-muted-foreground">{workspace.role}</span>
              <Check aria-hidden className={isCurrent ? "h-4 w-4 text-primary" : "invisible h-4 w-4"} />
            </DropdownMenuItem>
          );
        })}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/new">
            <Plus aria-hidden className="h-4 w-4" /> Create workspace
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

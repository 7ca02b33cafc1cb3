"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { environmentLabel } from "@/components/keys/environment-labels";
import { STATUS_LABELS } from "@/components/keys/status-badge";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";
import { membersQuery } from "@/lib/client/queries/members";
import { cn } from "@/lib/cn";
import { KEY_STATUSES } from "@/lib/keys/expiry";
import type { Viewer } from "@/lib/keys/permissions";
import { hasFilters, type KeyListParams } from "./key-list-params";

const SEARCH_DELAY_MS = 300;
const compact = "h-9 py-1.5";

interface KeyFiltersProps {
  workspace: string;
  /** The workspace's environments, offered as filters. */
  environments: readonly string[];
  viewer: Viewer;
  params: KeyListParams;
  onChange: (change: Partial<KeyListParams>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** Search by name (debounced), and filter by status, environment and creator. */
export function KeyFilters({ workspace, environments, viewer, params, onChange, onClear }: KeyFiltersProps) {
  const members = useQuery(membersQuery(workspace));
  const [text, setText] = useState(params.search);

  // Back/forward or "Clear filters" changes the URL: show its search.
  useEffect(() => setText(params.search), [params.search]);
  useEffect(() => {
    if (text.trim() === params.search.trim()) return;
    const timer = setTimeout(() => onChange({ search: text }, { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, params.search, onChange]);

  const others = (members.data?.data ?? []).filter((m) => m.userId !== viewer.userId);
  return (
    <HydratedFieldset className="flex flex-wrap items-center gap-2">
      <div className="relative min-w-56 flex-1 sm:max-w-xs">
        <Search
          aria-hidden
          className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 text-muted-foreground"
        />
        <Input
          type="search"
          aria-label="Search keys by name"
          placeholder="Search by name…"
          value={text}
          maxLength={50}
          onChange={(event) => setText(event.target.value)}
          className={cn(compact, "pl-8")}
        />
      </div>
      <Select
        aria-label="Status"
        value={params.status ?? ""}
        onChange={(event) => onChange({ status: (event.target.value || null) as KeyListParams["status"] })}
        className={cn(compact, "w-auto")}
      >
        <option value="">All statuses</option>
        {KEY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Environment"
        value={params.environment ?? ""}
        onChange={(event) => onChange({ environment: (event.target.value || null) as KeyListParams["environment"] })}
        className={cn(compact, "w-auto")}
      >
        <option value="">All environments</option>
        {environments.map((environment) => (
          <option key={environment} value={environment}>
            {environmentLabel(environment)}
          </option>
        ))}
        {/* An environment from the URL that the workspace no longer lists (its keys are revoked) still shows as chosen. */}
        {params.environment && !environments.includes(params.environment) ? (
          <option value={params.environment}>{environmentLabel(params.environment)} (removed)</option>
        ) : null}
      </Select>
      <Select
        aria-label="Created by"
        value={params.creator ?? ""}
        onChange={(event) => onChange({ creator: event.target.value || null })}
        className={cn(compact, "w-auto max-w-48")}
      >
        <option value="">Anyone</option>
        <option value={viewer.userId}>Me</option>
        {others.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
          </option>
        ))}
        {/* A creator from the URL who is no longer listed still shows as chosen. */}
        {params.creator && params.creator !== viewer.userId && !others.some((m) => m.userId === params.creator) ? (
          <option value={params.creator}>{members.isPending ? "Loading…" : "Former member"}</option>
        ) : null}
      </Select>
      {hasFilters(params) ? (
        <Button variant="ghost" size="sm" onClick={onClear} className="text-muted-foreground">
          <X aria-hidden className="h-4 w-4" /> Clear filters
        </Button>
      ) : null}
    </HydratedFieldset>
  );
}

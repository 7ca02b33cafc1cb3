"use client";

import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { HydratedFieldset } from "@/components/ui/hydrated-fieldset";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/describe";
import { cn } from "@/lib/cn";
import { type AuditFilters, hasFilters } from "./audit-url-state";
import { useAuditFilterOptions } from "./use-audit";

interface AuditFilterBarProps {
  workspace: string;
  filters: AuditFilters;
  rangeError: string | null;
  onChange: (filters: AuditFilters) => void;
}

export function AuditFilterBar({ workspace, filters, rangeError, onChange }: AuditFilterBarProps) {
  const { members, keys } = useAuditFilterOptions(workspace);
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  const knownActor =
    !filters.actor ||
    members.some((m) => `user:${m.userId}` === filters.actor) ||
    keys.some((k) => `key:${k.id}` === filters.actor);
  const knownKey = !filters.key || keys.some((k) => k.id === filters.key);

  return (
    <search className="rounded-xl border border-border bg-card p-4 shadow-sm" aria-labelledby="audit-filters-heading">
      <HydratedFieldset>
        <div className="mb-3 flex h-8 items-center justify-between">
          <h2 id="audit-filters-heading" className="text-sm font-semibold">
            Filters
          </h2>
          {/* Hidden rather than removed, so the table does not jump when filters are set or cleared. */}
          <Button
            variant="ghost"
            size="sm"
            className={cn(!hasFilters(filters) && "invisible")}
            onClick={() => onChange({ pageSize: filters.pageSize })}
          >
            <X aria-hidden className="h-4 w-4" /> Clear filters
          </Button>
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_repeat(2,minmax(0,0.8fr))]">
          <Field label="Action">
            {(props) => (
              <Select
                {...props}
                value={filters.action ?? ""}
                onChange={(e) => set({ action: (e.target.value || undefined) as AuditAction | undefined })}
              >
                <option value="">All actions</option>
                {AUDIT_ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {AUDIT_ACTION_LABELS[action]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Actor">
            {(props) => (
              <Select
                {...props}
                value={filters.actor ?? ""}
                onChange={(e) => set({ actor: e.target.value || undefined })}
              >
                <option value="">Anyone</option>
                {knownActor ? null : <option value={filters.actor}>{filters.actor?.replace(":", " ")}</option>}
                {members.length ? (
                  <optgroup label="Members">
                    {members.map((member) => (
                      <option key={member.userId} value={`user:${member.userId}`}>
                        {member.name} ({member.email})
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {keys.length ? (
                  <optgroup label="API keys">
                    {keys.map((key) => (
                      <option key={key.id} value={`key:${key.id}`}>
                        {key.name}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </Select>
            )}
          </Field>
          <Field label="Key">
            {(props) => (
              <Select {...props} value={filters.key ?? ""} onChange={(e) => set({ key: e.target.value || undefined })}>
                <option value="">All keys</option>
                {knownKey ? null : <option value={filters.key}>{filters.key}</option>}
                {keys.map((key) => (
                  <option key={key.id} value={key.id}>
                    {key.name}
                    {key.status === "revoked" ? " (revoked)" : ""}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="From">
            {(props) => (
              <Input
                {...props}
                type="date"
                value={filters.from ?? ""}
                onChange={(e) => set({ from: e.target.value || undefined })}
              />
            )}
          </Field>
          <Field label="To" error={rangeError ?? undefined}>
            {(props) => (
              <Input
                {...props}
                type="date"
                min={filters.from}
                value={filters.to ?? ""}
                onChange={(e) => set({ to: e.target.value || undefined })}
              />
            )}
          </Field>
        </div>
      </HydratedFieldset>
    </search>
  );
}

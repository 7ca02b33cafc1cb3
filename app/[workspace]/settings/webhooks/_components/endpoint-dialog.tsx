"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { createWebhookSchema, type WebhookView, type WebhookWithSecretView } from "@/lib/api/schemas/webhooks";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/describe";
import { ApiClientError } from "@/lib/client/api";
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from "@/lib/client/form-errors";
import { ALL_EVENTS } from "@/lib/webhooks/events";
import { useWebhookMutations } from "./use-webhook-mutations";

/** The audit log's actions by family (key, member, workspace …), as the events to choose from. */
function families(): { family: string; actions: string[] }[] {
  const grouped = new Map<string, string[]>();
  for (const action of AUDIT_ACTIONS) {
    const family = action.split(".")[0];
    grouped.set(family, [...(grouped.get(family) ?? []), action]);
  }
  return [...grouped].map(([family, actions]) => ({ family, actions }));
}

const label = (action: string) => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;

/** Add an endpoint (then its secret is shown once), or change one: URL, events, enabled. */
export function EndpointDialog({
  slug,
  open,
  onOpenChange,
  editing,
  onCreated,
}: {
  slug: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  editing?: WebhookView;
  onCreated?: (created: WebhookWithSecretView) => void;
}) {
  const { create, update } = useWebhookMutations(slug);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>(["key.*"]);
  const [enabled, setEnabled] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const enabledLabel = useId();

  useEffect(() => {
    if (!open) return;
    setUrl(editing?.url ?? "");
    setEvents(editing?.events ?? ["key.*"]);
    setEnabled(editing?.enabled ?? true);
    setErrors({});
  }, [open, editing]);

  const pending = create.isPending || update.isPending;
  const forget = (prefix: string) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith(prefix))));
  const toggle = (event: string, on: boolean) => {
    forget("events");
    setEvents((current) => (on ? [...current, event] : current.filter((e) => e !== event)));
  };
  const all = events.includes(ALL_EVENTS);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { url: url.trim(), events, enabled };
    const checked = createWebhookSchema.safeParse(input);
    if (!checked.success) {
      setErrors(zodFieldErrors(checked.error));
      return;
    }
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, ...input });
        toast.success("Webhook saved");
      } else {
        onCreated?.(await create.mutateAsync(input));
      }
      onOpenChange(false);
    } catch (error) {
      setErrors(
        error instanceof ApiClientError && error.issues.length
          ? apiFieldErrors(error)
          : { form: (error as Error).message },
      );
    }
  }

  const eventsError = Object.entries(errors).find(([field]) => field.startsWith("events"))?.[1];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={editing ? "Edit endpoint" : "Add an endpoint"}
        description="Keysmith POSTs each chosen event to this URL as JSON, signed with the endpoint's secret."
        className="w-[min(92vw,40rem)]"
      >
        <form onSubmit={onSubmit} noValidate className="space-y-5">
          <FormError message={errors.form} />
          <Field
            label="Endpoint URL"
            error={errors.url}
            hint="HTTPS, reachable from the internet. Private and loopback addresses are refused."
          >
            {(props) => (
              <Input
                {...props}
                type="url"
                inputMode="url"
                autoComplete="off"
                placeholder="https://example.com/webhooks/keysmith"
                value={url}
                onChange={(e) => {
                  forget("url");
                  setUrl(e.target.value);
                }}
              />
            )}
          </Field>

          <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
            <legend className="text-sm font-medium">Events</legend>
            {eventsError ? (
              <p id="webhook-events-error" role="alert" className="mt-1 text-sm text-danger">
                {eventsError}
              </p>
            ) : null}
            <div className="mt-2 max-h-72 space-y-3 overflow-y-auto rounded-md border border-border p-3">
              <EventCheckbox
                value={ALL_EVENTS}
                text="Every event"
                checked={all}
                onChange={(on) => toggle(ALL_EVENTS, on)}
              />
              {families().map(({ family, actions }) => {
                const wildcard = `${family}.*`;
                const familyOn = events.includes(wildcard);
                return (
                  <div key={family} className="space-y-1.5">
                    <EventCheckbox
                      value={wildcard}
                      text={`All ${family} events`}
                      checked={familyOn || all}
                      disabled={all}
                      onChange={(on) => toggle(wildcard, on)}
                    />
                    <div className="ml-6 space-y-1.5">
                      {actions.map((action) => (
                        <EventCheckbox
                          key={action}
                          value={action}
                          text={label(action)}
                          checked={events.includes(action) || familyOn || all}
                          disabled={familyOn || all}
                          onChange={(on) => toggle(action, on)}
                        />
                      ))}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>

          <div className="flex items-center justify-between gap-4">
            <span id={enabledLabel} className="text-sm font-medium">
              Send events to this endpoint
            </span>
            <Switch checked={enabled} onCheckedChange={setEnabled} aria-labelledby={enabledLabel} />
          </div>

          <DialogFormFooter
            submitLabel={editing ? "Save" : "Add endpoint"}
            pendingLabel={editing ? "Saving…" : "Adding…"}
            pending={pending}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function EventCheckbox({
  value,
  text,
  checked,
  disabled,
  onChange,
}: {
  value: string;
  text: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm has-[:disabled]:opacity-70">
      <input
        type="checkbox"
        className="h-4 w-4 rounded border-border accent-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{text}</span>
      <code className="font-mono text-xs text-muted-foreground">{value}</code>
    </label>
  );
}

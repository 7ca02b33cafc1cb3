"use client";

import type { WorkspaceSettingsView } from "@/lib/api/schemas/workspaces";
import { CustomScopesCard } from "./custom-scopes-card";
import { EnvironmentsCard } from "./environments-card";
import { KeyCreationCard } from "./key-creation-card";
import { KeyLifetimeCard } from "./key-lifetime-card";
import { KeyMintingCard } from "./key-minting-card";
import { KeyPrefixCard } from "./key-prefix-card";
import { LeakResponseCard } from "./leak-response-card";
import { NameCard } from "./name-card";
import { TwoFactorCard } from "./two-factor-card";
import { UnusedKeysCard } from "./unused-keys-card";
import { useWorkspaceSettings } from "./use-workspace-settings";
import { VerifierKeyCard } from "./verifier-key-card";
import { WebhooksCard } from "./webhooks-card";

export function SettingsView({ initial }: { initial: WorkspaceSettingsView }) {
  const { data: workspace } = useWorkspaceSettings(initial.slug, initial);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          How {workspace.name} names and issues its keys. Each section saves on its own; changes are recorded in the
          audit log.
        </p>
      </div>
      <WebhooksCard slug={workspace.slug} />
      <NameCard workspace={workspace} />
      <KeyPrefixCard workspace={workspace} />
      <EnvironmentsCard workspace={workspace} />
      <KeyCreationCard workspace={workspace} />
      <KeyMintingCard workspace={workspace} />
      <VerifierKeyCard workspace={workspace} />
      <TwoFactorCard workspace={workspace} />
      <LeakResponseCard workspace={workspace} />
      <KeyLifetimeCard workspace={workspace} />
      <UnusedKeysCard workspace={workspace} />
      <CustomScopesCard workspace={workspace} />
    </div>
  );
}

import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyView } from "@/lib/api/schemas/keys";
import { DetailRow, SectionCard } from "./section-card";

/** When, from where and by what the key was last presented. */
export function LastUsedCard({ keyView }: { keyView: KeyView }) {
  return (
    <SectionCard id="last-used-heading" title="Last used">
      {keyView.lastUsedAt ? (
        <dl className="space-y-4 text-sm">
          <DetailRow label="When">
            <span className="text-base font-medium">
              <RelativeTime value={keyView.lastUsedAt} />
            </span>
          </DetailRow>
          <DetailRow label="IP address">
            {keyView.lastUsedIp ? (
              <code className="font-mono text-xs" data-testid="last-used-ip">
                {keyView.lastUsedIp}
              </code>
            ) : (
              <Unknown />
            )}
          </DetailRow>
          <DetailRow label="User agent">
            {keyView.lastUsedUserAgent ? (
              <code className="block font-mono text-xs break-all" data-testid="last-used-user-agent">
                {keyView.lastUsedUserAgent}
              </code>
            ) : (
              <Unknown />
            )}
          </DetailRow>
        </dl>
      ) : (
        <div className="text-sm">
          <p className="font-medium">Never used</p>
          <p className="mt-1 text-muted-foreground">
            The time, IP address and user agent of the latest verification or API call with this key will show here.
          </p>
        </div>
      )}
    </SectionCard>
  );
}

function Unknown() {
  return <span className="text-muted-foreground">Not recorded</span>;
}

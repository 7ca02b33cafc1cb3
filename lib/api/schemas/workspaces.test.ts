import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workspaceSlugSchema } from "./workspaces";

/** The top-level URL segments the app serves: app/'s static folders (route groups opened) and public/'s entries. */
function topLevelSegments(): string[] {
  const segments: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (/^\(.+\)$/.test(entry.name)) walk(join(dir, entry.name));
      else if (!/^[[_]/.test(entry.name)) segments.push(entry.name);
    }
  };
  walk("app");
  segments.push(...readdirSync("public"));
  return segments;
}

describe("workspace slugs", () => {
  it("reserve every top-level path the app serves", () => {
    const reachable = topLevelSegments().filter((segment) => workspaceSlugSchema.safeParse(segment).success);
    expect(reachable).toEqual([]);
  });

  it("refuse a reserved slug with a message, and accept its neighbours", () => {
    const refused = workspaceSlugSchema.safeParse("invite");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("This address is one of Keysmith's own pages");
    expect(workspaceSlugSchema.safeParse("invites").success).toBe(true);
    expect(workspaceSlugSchema.safeParse("docs-team").success).toBe(true);
  });
});

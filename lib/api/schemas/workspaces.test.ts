import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { environmentsSchema, workspaceSlugSchema } from "./workspaces";

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

describe("workspace environments", () => {
  const problem = (value: unknown) => {
    const parsed = environmentsSchema.safeParse(value);
    return parsed.success
      ? null
      : { path: parsed.error.issues[0]?.path.join("."), message: parsed.error.issues[0]?.message };
  };

  it("take 1–5 distinct names of 2–10 lowercase letters, in the order given", () => {
    expect(environmentsSchema.parse(["prod", "staging"])).toEqual(["prod", "staging"]);
    expect(environmentsSchema.parse(["qa"])).toEqual(["qa"]);
    expect(environmentsSchema.parse(["aa", "bb", "cc", "dd", "production"])).toHaveLength(5);
  });

  it("refuse anything else, saying which entry and why", () => {
    expect(problem([])).toEqual({ path: "", message: "Keep at least one environment" });
    expect(problem(["aa", "bb", "cc", "dd", "ee", "ff"])).toEqual({ path: "", message: "At most 5 environments" });
    expect(problem(["prod", "prod"])).toEqual({ path: "", message: "Each environment once" });
    for (const name of ["Prod", "a", "production1", "stag_ing", "dev1"]) {
      expect(problem(["live", name]), name).toEqual({
        path: "1",
        message: "Environments are 2–10 lowercase letters, e.g. prod",
      });
    }
  });
});

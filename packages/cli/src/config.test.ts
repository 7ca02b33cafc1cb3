import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError, configPath, normaliseUrl, readConfig, removeConfig, settings, writeConfig } from "./config";

describe("the CLI's config file", () => {
  const home = () => mkdtempSync(join(tmpdir(), "keysmith-config-"));

  it("lives under XDG_CONFIG_HOME, else ~/.config", () => {
    expect(configPath({ XDG_CONFIG_HOME: "/x" })).toBe("/x/keysmith/config.json");
    expect(configPath({})).toMatch(/\/\.config\/keysmith\/config\.json$/);
  });

  it("is written 0600 in a 0700 folder, even over a file that was readable by others", () => {
    const path = join(home(), "keysmith", "config.json");
    writeConfig({ url: "http://localhost:3000", apiKey: "sk_live_x" }, path);
    writeFileSync(path, "{}", { mode: 0o644 });
    writeConfig({ url: "http://localhost:3000", apiKey: "sk_live_y" }, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, "..")).mode & 0o777).toBe(0o700);
    expect(readConfig(path)).toEqual({ url: "http://localhost:3000", apiKey: "sk_live_y" });
    expect(removeConfig(path)).toBe(true);
    expect(removeConfig(path)).toBe(false);
    expect(readConfig(path)).toEqual({});
  });

  it("a damaged file is an error naming it, not a crash", () => {
    const path = join(home(), "config.json");
    writeFileSync(path, "[1,2");
    expect(() => readConfig(path)).toThrow(CliError);
    expect(() => readConfig(path)).toThrow(path);
  });

  it("KEYSMITH_API_KEY and KEYSMITH_URL override the file; the stored workspace goes with the stored key only", () => {
    const XDG_CONFIG_HOME = home();
    writeConfig({ url: "http://file", apiKey: "file-key", workspace: "acme" }, configPath({ XDG_CONFIG_HOME }));
    expect(settings({ XDG_CONFIG_HOME })).toMatchObject({ url: "http://file", apiKey: "file-key", workspace: "acme" });
    expect(settings({ XDG_CONFIG_HOME, KEYSMITH_URL: "http://env" })).toMatchObject({
      url: "http://env",
      workspace: "acme",
    });
    expect(settings({ XDG_CONFIG_HOME, KEYSMITH_API_KEY: "env-key" })).toMatchObject({
      url: "http://file",
      apiKey: "env-key",
      workspace: undefined,
    });
  });

  it("URLs are absolute http(s), kept without a trailing slash", () => {
    expect(normaliseUrl("https://keys.example.com/")).toBe("https://keys.example.com");
    expect(normaliseUrl("http://localhost:3000")).toBe("http://localhost:3000");
    expect(() => normaliseUrl("keys.example.com")).toThrow(CliError);
    expect(() => normaliseUrl("ftp://keys.example.com")).toThrow("not an http:// or https:// URL");
  });
});

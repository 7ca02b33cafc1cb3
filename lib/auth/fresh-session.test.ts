import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { isFreshSignIn, isLiveLike, requireFreshSession, sessionSignedInAt } from "./fresh-session";

const now = new Date("2026-01-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("requireFreshSession", () => {
  it("lets a recent sign-in and an API key (no sign-in) through", () => {
    expect(() => requireFreshSession({ signedInAt: ago(30) }, now)).not.toThrow();
    expect(() => requireFreshSession({ signedInAt: null }, now)).not.toThrow();
  });

  it("refuses an old sign-in with REAUTHENTICATION_REQUIRED (403)", () => {
    let thrown: unknown;
    try {
      requireFreshSession({ signedInAt: ago(601) }, now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).code).toBe("REAUTHENTICATION_REQUIRED");
    expect((thrown as ApiError).status).toBe(403);
    expect((thrown as ApiError).message).toMatch(/sign in again/);
  });

  it("measures the age against the given maximum", () => {
    expect(isFreshSignIn(ago(5), now, 5)).toBe(true);
    expect(isFreshSignIn(ago(6), now, 5)).toBe(false);
  });
});

describe("isLiveLike", () => {
  it("treats every environment but test as live", () => {
    expect(isLiveLike("live")).toBe(true);
    expect(isLiveLike("staging")).toBe(true);
    expect(isLiveLike("test")).toBe(false);
  });
});

describe("sessionSignedInAt", () => {
  it("is the later of the sign-in and the last confirmation, from dates or the cookie cache's strings", () => {
    expect(sessionSignedInAt({ createdAt: ago(900) })).toEqual(ago(900));
    expect(sessionSignedInAt({ createdAt: ago(900), reauthenticatedAt: null })).toEqual(ago(900));
    expect(sessionSignedInAt({ createdAt: ago(900), reauthenticatedAt: ago(10).toISOString() })).toEqual(ago(10));
    // A confirmation older than the session (copied over by a new one) never makes it look older.
    expect(sessionSignedInAt({ createdAt: ago(10).toISOString(), reauthenticatedAt: ago(900) })).toEqual(ago(10));
  });
});

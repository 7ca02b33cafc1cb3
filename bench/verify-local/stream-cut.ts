import { performance } from "node:perf_hooks";
import { Keysmith } from "@keysmith/sdk";
import { cuttableProxy } from "../../e2e/support/cuttable-proxy";
import type { WorkspaceAdmin } from "./workspace-admin";

export interface CutFigures {
  maxStalenessMs: number;
  keys: number;
  answers: number;
  /** VALID answers for a revoked key later than maxStalenessMs after its revoke was answered: must be 0. */
  lateValid: number;
  /** VALID answers for a revoked key within the bound (allowed: the copy could not know). */
  validWithinBound: number;
  /** The last VALID answer for a revoked key, ms after its revoke was answered. */
  lastValidMs: number | null;
  remoteAnswers: number;
  /** After the cut ended: ms until the verifier answered from its copy again. */
  recoveredMs: number;
  revokedAfterRecovery: boolean;
}

/**
 * Part (c): a local verifier behind a proxy that cuts its stream silently (bytes dropped,
 * nothing closed: the hardest cut to notice). While cut, every key is revoked through the
 * server; the verifier is asked about each, over and over, for maxStalenessMs + 2 s.
 */
export async function streamCut(admin: WorkspaceAdmin, url: string, apiKey: string): Promise<CutFigures> {
  const maxStalenessMs = 2000;
  const target = new URL(url);
  const proxy = await cuttableProxy({ host: target.hostname, port: Number(target.port) });
  const verifier = new Keysmith({ baseUrl: proxy.url, apiKey }).createVerifier({ mode: "local", maxStalenessMs });
  try {
    await verifier.ready();
    const keys = [];
    for (let i = 0; i < 20; i++) keys.push(await admin.createKey({ name: `Cut ${i}` }));
    for (const key of keys) {
      while (verifier.verifySync(key.key)?.code !== "VALID") await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const remoteBefore = verifier.stats().remote;
    proxy.cut();
    const revokedAt = new Map<string, number>();
    for (const key of keys) {
      await admin.revoke(key.id);
      revokedAt.set(key.key, performance.now());
    }
    const end = performance.now() + maxStalenessMs + 2000;
    let answers = 0;
    let lateValid = 0;
    let validWithinBound = 0;
    let lastValidMs: number | null = null;
    while (performance.now() < end) {
      for (const key of keys) {
        const answer = await verifier.verify(key.key);
        const since = performance.now() - (revokedAt.get(key.key) ?? 0);
        answers++;
        if (!answer.valid) continue;
        lastValidMs = Math.max(lastValidMs ?? 0, since);
        if (since > maxStalenessMs) lateValid++;
        else validWithinBound++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const remoteAnswers = verifier.stats().remote - remoteBefore;
    const restored = performance.now();
    proxy.restore();
    await verifier.ready();
    const recoveredMs = performance.now() - restored;
    const revokedAfterRecovery = keys.every((key) => verifier.verifySync(key.key)?.code === "REVOKED");
    return {
      maxStalenessMs,
      keys: keys.length,
      answers,
      lateValid,
      validWithinBound,
      lastValidMs,
      remoteAnswers,
      recoveredMs,
      revokedAfterRecovery,
    };
  } finally {
    await verifier.close();
    await proxy.close();
  }
}

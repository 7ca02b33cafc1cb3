import { readFileSync } from "node:fs";

/**
 * A process's resident memory every few seconds, read from /proc (Linux), without touching
 * its /api/metrics: a scrape resets the event-loop histogram the reports read per interval.
 * RSS swings by a few hundred MB as the heap grows and is collected, so growth is judged on
 * a line fitted through many samples, not on two of them.
 */
export interface RssSample {
  at: number;
  bytes: number;
}

export class RssSampler {
  readonly samples: RssSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(pid: number, everyMs = 2000) {
    this.timer = setInterval(() => {
      const bytes = residentBytes(pid);
      if (bytes !== null) this.samples.push({ at: Date.now(), bytes });
    }, everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The samples taken in [from, to). */
  between(from: number, to: number): RssSample[] {
    return this.samples.filter((s) => s.at >= from && s.at < to);
  }
}

function residentBytes(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/**
 * Growth over the samples' span in %: the least-squares line through them, from its value
 * at the first sample to its value at the last. null with fewer than two samples.
 */
export function fittedGrowth(samples: RssSample[]): number | null {
  if (samples.length < 2) return null;
  const n = samples.length;
  const meanT = samples.reduce((sum, s) => sum + s.at, 0) / n;
  const meanB = samples.reduce((sum, s) => sum + s.bytes, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.at - meanT) * (s.bytes - meanB);
    den += (s.at - meanT) ** 2;
  }
  const slope = den === 0 ? 0 : num / den;
  const start = meanB + slope * (samples[0].at - meanT);
  const end = meanB + slope * (samples[n - 1].at - meanT);
  return ((end - start) / start) * 100;
}

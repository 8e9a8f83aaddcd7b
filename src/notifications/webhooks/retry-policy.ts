// When a failed webhook delivery is tried again: 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, then every 12 h.
const DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];

/** Delay before the next attempt after `failedAttempts` (≥ 1) failures. */
export function retryDelayMs(failedAttempts: number): number {
  return DELAYS_MS[Math.min(Math.max(failedAttempts, 1), DELAYS_MS.length) - 1];
}

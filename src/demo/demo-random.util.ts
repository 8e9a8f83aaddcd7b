// A seeded random source for the demo and the simulation: uniform, pick, weighted pick, lognormal by mean and spread.

export interface Random {
  next(): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T;
  /** A lognormal sample with this mean and coefficient of variation (spread / mean), in the mean's unit. */
  lognormal(mean: number, cv: number): number;
  int(min: number, max: number): number;
}

/** mulberry32: small, fast and reproducible from one integer seed. */
export function seededRandom(seed: number): Random {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let r = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [k, w] of entries) if ((r -= w) < 0) return k;
      return entries[entries.length - 1][0];
    },
    lognormal(mean, cv) {
      // Moments → parameters: sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2.
      const s2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

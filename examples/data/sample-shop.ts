/**
 * The demo's sample data: a fictional online coffee shop, generated here with a fixed seed (no
 * third-party data). Every area's demo section reads from it. Deterministic: the same seed always
 * gives the same shop.
 *
 * - 2,000 customers acquired from 2025-01-01 to 2026-03-31, segment B2C or B2B, region.
 * - Transactions from a buy-till-you-die process (Poisson purchases while alive, geometric death
 *   after each purchase), amounts as decimal strings.
 * - Monthly subscriptions (the shop's coffee club) with MRR, some upgraded, some cancelled.
 * - NPS survey responses, monthly, with a slight improvement over time.
 * - Behaviour signals for need-level assignment.
 */

/** A seeded PRNG (mulberry32): uniform in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Segment = 'B2C' | 'B2B';
export type Region = 'North' | 'Central' | 'South';

export interface SampleCustomer {
  id: string;
  segment: Segment;
  region: Region;
  acquiredAt: Date;
}

export interface SampleTransaction {
  customerId: string;
  date: Date;
  amount: string;
}

export interface SampleSubscription {
  customerId: string;
  start: Date;
  end?: Date;
  mrr: number;
}

export interface SampleNpsResponse {
  customerId: string;
  date: Date;
  score: number;
  segment: Segment;
  region: Region;
}

export interface SampleSignals {
  customerId: string;
  /** Days since the last activity of any kind, at the snapshot date. */
  daysSinceLastActivity: number;
  problemContentViews: number;
  solutionSearches: number;
  brandComparisons: number;
  pricingViews: number;
  cartAdds: number;
  demoRequests: number;
  purchases: number;
  repurchaseSignals: number;
}

export interface SampleShop {
  /** The end of the observation window. */
  observationEnd: Date;
  customers: SampleCustomer[];
  transactions: SampleTransaction[];
  subscriptions: SampleSubscription[];
  npsResponses: SampleNpsResponse[];
  /** Behaviour signals at the observation end; includes 600 prospects who have not bought. */
  signals: SampleSignals[];
}

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const ACQUISITION_END = Date.UTC(2026, 2, 31);
const END = Date.UTC(2026, 5, 30);

function gammaSample(shape: number, random: () => number): number {
  // Marsaglia & Tsang (2000); for shape < 1 use the boost gamma(shape + 1) * U^(1/shape).
  if (shape < 1) return gammaSample(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = random() || Number.MIN_VALUE;
      const u2 = random();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function betaSample(a: number, b: number, random: () => number): number {
  const x = gammaSample(a, random);
  return x / (x + gammaSample(b, random));
}

/** Generates the sample shop. */
export function generateSampleShop(seed = 20261123): SampleShop {
  const random = createRandom(seed);
  const customers: SampleCustomer[] = [];
  const transactions: SampleTransaction[] = [];
  const subscriptions: SampleSubscription[] = [];
  const npsResponses: SampleNpsResponse[] = [];
  const signals: SampleSignals[] = [];
  const regions: Region[] = ['North', 'Central', 'South'];

  for (let i = 0; i < 2000; i++) {
    const id = `C${String(i + 1).padStart(4, '0')}`;
    const segment: Segment = random() < 0.8 ? 'B2C' : 'B2B';
    const region = regions[Math.floor(random() * 3)] as Region;
    const acquiredMs = START + Math.floor(random() * ((ACQUISITION_END - START) / DAY)) * DAY;
    customers.push({ id, segment, region, acquiredAt: new Date(acquiredMs) });

    // Purchases: BG/NBD-like with weekly rate lambda ~ Gamma(0.6, 1/4.0), dropout p ~ Beta(0.8, 2.5).
    const lambda = gammaSample(0.6, random) / 4.0 / 7; // per day
    const p = betaSample(0.8, 2.5, random);
    const spendScale = (segment === 'B2B' ? 80 : 22) * gammaSample(6, random) / 6;
    let t = acquiredMs;
    let purchases = 0;
    let lastPurchase = acquiredMs;
    for (;;) {
      const amount = Math.max(3, spendScale * (0.6 + 0.8 * random()));
      transactions.push({ customerId: id, date: new Date(t), amount: amount.toFixed(2) });
      purchases++;
      lastPurchase = t;
      if (random() < p || lambda <= 0) break;
      // Exponential waiting time in days (lambda is per day), at least one day.
      t += Math.max(1, Math.round(-Math.log(1 - random()) / lambda)) * DAY;
      if (t > END) break;
    }

    // Coffee club subscriptions: 35% join; some upgrade once; some cancel.
    if (random() < 0.35) {
      const start = acquiredMs + Math.floor(random() * 30) * DAY;
      const mrr = segment === 'B2B' ? 120 : 25;
      const lifetimeMonths = Math.ceil(-Math.log(1 - random()) / (segment === 'B2B' ? 0.03 : 0.07));
      const endMs = start + lifetimeMonths * 30 * DAY;
      const ends = endMs <= END;
      if (random() < 0.2 && start + 90 * DAY < Math.min(endMs, END)) {
        const upgrade = start + 90 * DAY;
        subscriptions.push({ customerId: id, start: new Date(start), end: new Date(upgrade), mrr });
        subscriptions.push({ customerId: id, start: new Date(upgrade), ...(ends ? { end: new Date(endMs) } : {}), mrr: mrr * 2 });
      } else {
        subscriptions.push({ customerId: id, start: new Date(start), ...(ends ? { end: new Date(endMs) } : {}), mrr });
      }
    }

    // NPS: about 60% answer once or twice; scores improve slowly over time.
    const answers = random() < 0.6 ? (random() < 0.3 ? 2 : 1) : 0;
    for (let k = 0; k < answers; k++) {
      const dateMs = acquiredMs + Math.floor(random() * ((END - acquiredMs) / DAY)) * DAY;
      const progress = (dateMs - START) / (END - START);
      const base = 6.6 + 1.4 * progress + (segment === 'B2B' ? 0.4 : 0) + (region === 'South' ? -0.3 : 0);
      const score = Math.max(0, Math.min(10, Math.round(base + 2.4 * (random() + random() + random() - 1.5) * 1.4)));
      npsResponses.push({ customerId: id, date: new Date(dateMs), score, segment, region });
    }

    const daysSince = Math.floor((END - lastPurchase) / DAY);
    signals.push({
      customerId: id,
      daysSinceLastActivity: Math.max(0, daysSince - Math.floor(random() * 20)),
      problemContentViews: Math.floor(random() * 4),
      solutionSearches: Math.floor(random() * 3),
      brandComparisons: Math.floor(random() * 2),
      pricingViews: Math.floor(random() * 3),
      cartAdds: Math.floor(random() * 2),
      demoRequests: 0,
      purchases,
      repurchaseSignals: daysSince < 60 ? Math.floor(random() * 3) : 0,
    });
  }

  // Prospects: behaviour only, spread over the first five need levels.
  for (let i = 0; i < 600; i++) {
    const stage = Math.floor(random() * 5);
    signals.push({
      customerId: `P${String(i + 1).padStart(4, '0')}`,
      daysSinceLastActivity: Math.floor(random() * 90),
      problemContentViews: stage >= 1 ? 1 + Math.floor(random() * 5) : 0,
      solutionSearches: stage >= 2 ? 1 + Math.floor(random() * 4) : 0,
      brandComparisons: stage >= 3 ? 1 + Math.floor(random() * 3) : 0,
      pricingViews: stage >= 4 ? 1 + Math.floor(random() * 3) : 0,
      cartAdds: stage >= 4 && random() < 0.5 ? 1 : 0,
      demoRequests: stage >= 4 && random() < 0.3 ? 1 : 0,
      purchases: 0,
      repurchaseSignals: 0,
    });
  }

  transactions.sort((a, b) => a.date.getTime() - b.date.getTime());
  npsResponses.sort((a, b) => a.date.getTime() - b.date.getTime());
  return { observationEnd: new Date(END), customers, transactions, subscriptions, npsResponses, signals };
}

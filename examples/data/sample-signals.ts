/**
 * Extra behaviour data for the need-level demo, derived from the sample shop with a fixed seed (the
 * shop itself is left untouched):
 *
 * - `previousSignals`: the behaviour snapshot one month before the observation end, so the demo can
 *   show month-over-month movements between need levels. Buyers' purchase counts and recency come
 *   from their transactions up to that date; customers acquired later were still prospects; some
 *   prospects and buyers showed less intent a month earlier.
 * - `levelObservations`: dated need-level observations per contact (the journey before the first
 *   purchase, then each purchase at level 6; prospects climbing towards their current level), for
 *   stage histories and funnels.
 */
import type { NeedLevel, NeedLevelObservation } from '../../src/stages/index.js';
import { createRandom, type SampleShop, type SampleSignals } from './sample-shop.js';

const DAY = 86_400_000;

/** One contact's dated need-level observations, in time order. */
export interface SampleLevelHistory {
  contactId: string;
  observations: NeedLevelObservation[];
}

/** The derived behaviour data. */
export interface SampleBehaviour {
  /** The date of the previous snapshot: one calendar month before the observation end (UTC). */
  previousSnapshot: Date;
  /** Signals at `previousSnapshot`, one record per contact of `shop.signals`, same order. */
  previousSignals: SampleSignals[];
  /** Dated level observations per contact. */
  levelObservations: SampleLevelHistory[];
}

/** The prospect stage (0 = level 1 .. 4 = level 5) implied by a prospect's signals. */
function prospectStage(s: SampleSignals): number {
  if (s.pricingViews > 0 || s.cartAdds > 0 || s.demoRequests > 0) return 4;
  if (s.brandComparisons > 0) return 3;
  if (s.solutionSearches > 0) return 2;
  if (s.problemContentViews > 0) return 1;
  return 0;
}

/** Signals of a prospect one stage lower: the signals of the top stage removed. */
function lowerStage(s: SampleSignals, stage: number): SampleSignals {
  const out = { ...s };
  if (stage === 4) Object.assign(out, { pricingViews: 0, cartAdds: 0, demoRequests: 0 });
  if (stage === 3) out.brandComparisons = 0;
  if (stage === 2) out.solutionSearches = 0;
  if (stage === 1) out.problemContentViews = 0;
  return out;
}

/** Derives the previous-month snapshot and the level observations from the shop. */
export function generateSampleBehaviour(shop: SampleShop, seed = 51123): SampleBehaviour {
  const random = createRandom(seed);
  const end = shop.observationEnd.getTime();
  const previous = new Date(end);
  previous.setUTCMonth(previous.getUTCMonth() - 1);
  const prev = previous.getTime();

  const purchasesOf = new Map<string, number[]>();
  for (const t of shop.transactions) {
    const list = purchasesOf.get(t.customerId) ?? [];
    list.push(t.date.getTime());
    purchasesOf.set(t.customerId, list);
  }
  const acquired = new Map(shop.customers.map((c) => [c.id, c.acquiredAt.getTime()]));

  const previousSignals: SampleSignals[] = [];
  const levelObservations: SampleLevelHistory[] = [];
  for (const s of shop.signals) {
    const bought = purchasesOf.get(s.customerId);
    const acquiredAt = acquired.get(s.customerId);
    if (bought !== undefined && acquiredAt !== undefined) {
      // A buyer: purchases and recency as of the previous snapshot.
      const before = bought.filter((d) => d <= prev);
      const last = before[before.length - 1];
      const fewer = (n: number) => (n > 0 && random() < 0.3 ? n - 1 : n);
      previousSignals.push({
        ...s,
        purchases: before.length,
        daysSinceLastActivity: last === undefined ? 0 : Math.max(0, Math.floor((prev - last) / DAY) - Math.floor(random() * 20)),
        problemContentViews: fewer(s.problemContentViews),
        solutionSearches: fewer(s.solutionSearches),
        brandComparisons: fewer(s.brandComparisons),
        pricingViews: fewer(s.pricingViews),
        cartAdds: fewer(s.cartAdds),
        repurchaseSignals: fewer(s.repurchaseSignals),
      });
      // The journey: two to four pre-purchase levels in the weeks before the first purchase
      // (one contact in ten skips a level), then level 6 at every purchase.
      const first = bought[0] as number;
      const startLevel = 1 + Math.floor(random() * 3);
      const observations: NeedLevelObservation[] = [];
      let date = first - (5 - startLevel + 1) * 7 * DAY;
      for (let level = startLevel; level <= 5; level++) {
        if (level > startLevel && level < 5 && random() < 0.1) continue;
        observations.push({ date, level: level as NeedLevel });
        date += Math.floor(1 + random() * 6) * DAY;
      }
      for (const d of bought) if (d <= end) observations.push({ date: d, level: 6 });
      observations.sort((a, b) => (a.date as number) - (b.date as number));
      levelObservations.push({ contactId: s.customerId, observations });
    } else {
      // A prospect: a third showed one stage less intent a month ago.
      const stage = prospectStage(s);
      previousSignals.push(stage > 0 && random() < 0.35 ? lowerStage(s, stage) : { ...s });
      const observations: NeedLevelObservation[] = [];
      let date = end - Math.floor(30 + random() * 150) * DAY;
      const startLevel = stage === 0 ? 1 : 1 + Math.floor(random() * 2);
      for (let level = Math.min(startLevel, stage + 1); level <= stage + 1; level++) {
        if (level > startLevel && level < stage + 1 && random() < 0.1) continue;
        observations.push({ date: Math.min(date, end), level: level as NeedLevel });
        date += Math.floor(3 + random() * 20) * DAY;
      }
      levelObservations.push({ contactId: s.customerId, observations });
    }
  }
  return { previousSnapshot: previous, previousSignals, levelObservations };
}

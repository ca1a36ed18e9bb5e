/**
 * The six customer need levels: the table every function of the `stages` area labels its results
 * with.
 *
 * @module
 */
// @ts-nocheck


/** A need level, 1 (no problem) to 6 (has bought, deciding whether to buy again). */
export type NeedLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** The stable key of a need level, for storage and code (labels may be reworded; keys never change). */
export type NeedLevelKey = 'no-problem' | 'problem-no-need' | 'seeking-solution' | 'seeking-brand' | 'deciding' | 'deciding-repurchase';

/** The language of returned labels: English or Vietnamese. */
export type NeedLevelLocale = 'en' | 'vi';

/** A text in each supported locale. */
export interface LocalizedText {
  /** English. */
  readonly en: string;
  /** Vietnamese. */
  readonly vi: string;
}

/**
 * Where a need level sits in four well-known frameworks. This is a reading aid (a mapping), not a
 * claim that the stages are equivalent: each framework draws its boundaries for its own purpose.
 */
export interface NeedLevelFrameworks {
  /** Eugene Schwartz's five levels of awareness (Breakthrough Advertising, 1966). */
  readonly schwartzAwareness: string;
  /** Kotler's five-stage buying decision process (need recognition to post-purchase behaviour). */
  readonly kotlerBuyingProcess: string;
  /** McKinsey's consumer decision journey (Court et al. 2009), including its loyalty loop. */
  readonly mckinseyDecisionJourney: string;
  /** HubSpot CRM lifecycle stages. */
  readonly hubspotLifecycleStage: string;
}

/** One row of {@link NEED_LEVELS}. */
export interface NeedLevelInfo {
  /** The level number, 1 to 6. */
  readonly level: NeedLevel;
  /** The stable key. */
  readonly key: NeedLevelKey;
  /** The short label; the Vietnamese wording is the source articles'. */
  readonly label: LocalizedText;
  /** One sentence on the customer's situation at this level. */
  readonly description: LocalizedText;
  /** What information serves the customer at this level: what sales and marketing should give. */
  readonly engagementGoal: string;
  /** The corresponding stage in well-known frameworks (a mapping, not an equivalence). */
  readonly frameworks: NeedLevelFrameworks;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The six need levels, in order (index `level - 1`), frozen. Each row gives the number, the stable
 * key, the English and Vietnamese labels and descriptions, the engagement goal at that level, and the
 * corresponding stage in Schwartz's awareness levels, Kotler's buying process, McKinsey's consumer
 * decision journey (with its loyalty loop) and HubSpot's lifecycle stages.
 *
 * The framework columns are a documented mapping for readers who know those models, not a claim of
 * equivalence: Schwartz classifies what a prospect knows, Kotler what a buyer does, McKinsey where
 * brands enter and leave consideration, HubSpot what a CRM record's owner should do next.
 *
 * @see Schwartz, E. (1966) Breakthrough Advertising, chapter 3 (five levels of awareness).
 * @see Kotler, P. & Keller, K. L. Marketing Management, "the five-stage model of the consumer buying process".
 * @see Court, D., Elzinga, D., Mulder, S. & Vetvik, O. J. (2009) "The consumer decision journey", McKinsey Quarterly.
 * @see HubSpot Knowledge Base, "Use lifecycle stages".
 */
export const NEED_LEVELS: readonly NeedLevelInfo[] = deepFreeze([
  {
    level: 1,
    key: 'no-problem',
    label: { en: 'No problem', vi: 'Không có vấn đề' },
    description: {
      en: 'The customer does not see any problem that the product could solve.',
      vi: 'Khách hàng chưa thấy vấn đề nào mà sản phẩm có thể giải quyết.',
    },
    engagementGoal: 'Make the problem visible: content about situations, costs and risks the customer has not noticed yet, without selling.',
    frameworks: {
      schwartzAwareness: 'Unaware',
      kotlerBuyingProcess: 'Before need recognition',
      mckinseyDecisionJourney: 'Outside the journey (brand impressions before a trigger)',
      hubspotLifecycleStage: 'Subscriber (or no lifecycle stage yet)',
    },
  },
  {
    level: 2,
    key: 'problem-no-need',
    label: { en: 'Has a problem, no need yet', vi: 'Có vấn đề, không có nhu cầu' },
    description: {
      en: 'The customer knows the problem but does not yet feel a need to act on it.',
      vi: 'Khách hàng đã biết mình có vấn đề nhưng chưa thấy cần phải giải quyết.',
    },
    engagementGoal: 'Turn the problem into a need: show the consequences of leaving it unsolved and what solving it is worth.',
    frameworks: {
      schwartzAwareness: 'Problem aware',
      kotlerBuyingProcess: 'Need recognition (problem noticed, need not yet felt)',
      mckinseyDecisionJourney: 'Trigger, before initial consideration',
      hubspotLifecycleStage: 'Subscriber',
    },
  },
  {
    level: 3,
    key: 'seeking-solution',
    label: { en: 'Has a need, looking for a solution', vi: 'Có nhu cầu, đang tìm kiếm giải pháp' },
    description: {
      en: 'The customer wants the problem solved and is searching for ways to solve it.',
      vi: 'Khách hàng muốn giải quyết vấn đề và đang tìm hiểu các cách giải quyết.',
    },
    engagementGoal: 'Educate on the kinds of solution: guides, comparisons of approaches, criteria for choosing.',
    frameworks: {
      schwartzAwareness: 'Problem aware, actively searching',
      kotlerBuyingProcess: 'Information search',
      mckinseyDecisionJourney: 'Initial consideration',
      hubspotLifecycleStage: 'Lead',
    },
  },
  {
    level: 4,
    key: 'seeking-brand',
    label: { en: 'Knows the solution, looking for a brand', vi: 'Đã biết giải pháp, đang tìm kiếm thương hiệu' },
    description: {
      en: 'The customer has chosen the kind of solution and is comparing brands that offer it.',
      vi: 'Khách hàng đã chọn được loại giải pháp và đang so sánh các thương hiệu.',
    },
    engagementGoal: 'Differentiate the brand: proof, reviews, case studies and honest comparisons with competitors.',
    frameworks: {
      schwartzAwareness: 'Solution aware',
      kotlerBuyingProcess: 'Evaluation of alternatives',
      mckinseyDecisionJourney: 'Active evaluation',
      hubspotLifecycleStage: 'Marketing qualified lead',
    },
  },
  {
    level: 5,
    key: 'deciding',
    label: { en: 'Knows the brand, deciding', vi: 'Đã biết đến thương hiệu, đang phân vân ra quyết định' },
    description: {
      en: 'The customer knows our brand and is weighing whether to buy.',
      vi: 'Khách hàng đã biết thương hiệu của chúng ta và đang cân nhắc có mua hay không.',
    },
    engagementGoal: 'Remove the last doubts: clear pricing, guarantees, trials or demos, and an easy way to buy.',
    frameworks: {
      schwartzAwareness: 'Product aware',
      kotlerBuyingProcess: 'Purchase decision',
      mckinseyDecisionJourney: 'Moment of purchase (closure); the loyalty loop returns here',
      hubspotLifecycleStage: 'Sales qualified lead / Opportunity',
    },
  },
  {
    level: 6,
    key: 'deciding-repurchase',
    label: { en: 'Has bought, deciding whether to buy again', vi: 'Đã mua sản phẩm, đang phân vân mua lại' },
    description: {
      en: 'The customer has bought and is deciding whether to buy again.',
      vi: 'Khách hàng đã mua và đang cân nhắc có mua lại hay không.',
    },
    engagementGoal: 'Deliver on the promise: onboarding, service, reminders when it is time to buy again, and reasons to recommend.',
    frameworks: {
      schwartzAwareness: 'Most aware',
      kotlerBuyingProcess: 'Post-purchase behaviour',
      mckinseyDecisionJourney: 'Post-purchase experience; the loyalty loop back to purchase',
      hubspotLifecycleStage: 'Customer (Evangelist when they recommend)',
    },
  },
] as const satisfies readonly NeedLevelInfo[]);

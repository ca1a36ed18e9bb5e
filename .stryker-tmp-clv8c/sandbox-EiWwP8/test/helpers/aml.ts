/**
 * R's `aml` data set (package survival; Miller 1997): weeks to relapse of acute myelogenous leukaemia
 * patients, by maintenance chemotherapy. Used as the reference in ../shared/REFERENCES.md.
 * 0 = censored.
 */
// @ts-nocheck

export const amlMaintained = { durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] };
export const amlNonmaintained = { durations: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], observed: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] };

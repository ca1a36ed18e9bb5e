/**
 * Hostile-input specs of the names the root entry (`customer-metrics`) defines itself: the errors of
 * src/errors.ts. The areas' names are covered by their own subpath's specs.
 */
import type { HostileSpecs } from '../spec.js';

export const specs: HostileSpecs = {
  MAX_LISTED_ISSUES: { kind: 'constant' },
  MetricsInputError: {
    kind: 'class',
    valid: () => [[{ code: 'too_big', path: ['scores', 3], message: 'must be at most 10' }]],
    refuse: { 'no issues': () => [[]] },
  },
  MetricsFitError: {
    kind: 'class',
    valid: () => ['no-data', 'Nothing to fit.'],
    refuse: { 'reason not a string': () => [42, 'message'] },
  },
  formatIssuePath: {
    valid: () => [['responses', 3, 'score']],
    refuse: { 'path holding an object': () => [[{}]] },
  },
  isMetricsFitError: { valid: () => [new Error('other')] },
  isMetricsInputError: { valid: () => [new Error('other')] },
};

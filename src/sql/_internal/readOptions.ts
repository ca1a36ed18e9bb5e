/**
 * Options shared by the row readers.
 *
 * @internal
 * @module
 */
import type { Decimal } from 'decimal.js';
import { Money } from '../../_lib/money.js';
import { type IssueList, optionsSchema, parseInput, z } from '../../_lib/validate.js';

/** Zero as a Decimal of the library's money settings. */
export const ZERO_MONEY: Decimal = new Money(0);

const schema = optionsSchema({ amountScale: z.number().int().min(0).max(6).optional() });

/** The amount scale of reader options (default 2), or undefined after recording issues. */
export function checkScaleOptions(options: unknown, issues: IssueList): number | undefined {
  const parsed = parseInput(schema, options, 'options', issues);
  if (parsed === undefined && options !== undefined) return undefined;
  return parsed?.amountScale ?? 2;
}

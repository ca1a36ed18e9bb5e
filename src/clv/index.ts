/**
 * The `clv` area.
 *
 * @module clv
 */
export {};

/**
 * The `nps` area.
 *
 * @module nps
 */
export {};

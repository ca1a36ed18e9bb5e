/**
 * The `retention` area.
 *
 * @module retention
 */
export {};

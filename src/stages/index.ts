/**
 * The `stages` area.
 *
 * @module stages
 */
export {};

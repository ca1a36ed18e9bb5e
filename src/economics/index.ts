/**
 * The `economics` area.
 *
 * @module economics
 */
export {};

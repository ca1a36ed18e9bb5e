/**
 * The `economics` area.
 *
 * @module economics
 */

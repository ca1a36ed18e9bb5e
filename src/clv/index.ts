/**
 * The `clv` area.
 *
 * @module clv
 */

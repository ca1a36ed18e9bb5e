/**
 * The `nps` area.
 *
 * @module nps
 */

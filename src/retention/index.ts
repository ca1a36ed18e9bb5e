/**
 * The `retention` area.
 *
 * @module retention
 */

/**
 * The `stages` area.
 *
 * @module stages
 */

/**
 * The `segmentation` area.
 *
 * @module segmentation
 */

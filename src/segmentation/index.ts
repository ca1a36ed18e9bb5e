/**
 * The `segmentation` area.
 *
 * @module segmentation
 */
export {};

/**
 * A stable least-significant-digit radix sort of indices by unsigned 64-bit keys held as pairs of
 * 32-bit words (little-endian: `words[2 i]` the low half, `words[2 i + 1]` the high half of key i,
 * as a `Uint32Array` view of a `Float64Array` gives them). 16-bit digits, four passes; a pass whose
 * digit is the same in every key is skipped. Stable, so sorting an order by a less significant key
 * first and a more significant key next orders by both. O(n) per pass.
 *
 * For doubles >= 0 (with -0 written as 0) the bits read this way order as the numbers do; callers
 * with signed values map them to such keys first.
 *
 * @internal
 * @module
 */

/**
 * Reorders `order` (indices into the keys) stably by the keys in `words`. Returns the ordered
 * indices: `order` itself or `spare` (an array of the same length, used as work space).
 */
export function radixOrder<A extends Uint32Array>(order: A, spare: A, words: Uint32Array): A {
  const n = order.length;
  const counts = new Uint32Array(65536);
  let from = order;
  let to = spare;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((words[2 * i + word] as number) >>> shift) & 0xffff;
      counts[d] = (counts[d] as number) + 1;
    }
    // One digit value (no keys at all included: words[word] is then undefined, digit 0, count 0): nothing moves.
    if (counts[((words[word] as number) >>> shift) & 0xffff] === n) continue;
    let at = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const idx = from[i] as number;
      const d = ((words[2 * idx + word] as number) >>> shift) & 0xffff;
      const slot = counts[d] as number;
      counts[d] = slot + 1;
      to[slot] = idx;
    }
    [from, to] = [to, from];
  }
  return from;
}

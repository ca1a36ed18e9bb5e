/**
 * A hash index from float64 values to dense indices 0, 1, 2, ... in order of first appearance:
 * `index.add(value)` returns the value's index (a new one for a new value). Equality is `===` on
 * the numbers except that 0 and -0 are the same key; NaN is not supported (callers validate first).
 *
 * Method: open addressing with linear probing on a power-of-two table, hashing the two 32-bit halves
 * of the value's IEEE bits with murmur3's finaliser. About 10-20 ns per `add`, against 50-150 ns for a `Map` with non-integer
 * number keys, which is what makes compressing a million (frequency, recency, T) rows cheap.
 *
 * @internal
 * @module
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
const scratch = new Float64Array(1);
const halves = new Uint32Array(scratch.buffer);

// Both 32-bit halves of the IEEE bits, mixed with murmur3's finaliser so that every input bit reaches
// the low bits (integers and short decimals have all-zero low mantissa bits).
function hash(v: number): number {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    scratch[0] = v;
    let h = halves[0] as number ^ Math.imul(halves[1] as number, 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }
}

/** Dense indices for float64 keys. */
export class DoubleIndex {
  private keys: Float64Array;
  private slots: Int32Array;
  private mask: number;
  /** The distinct keys, in order of first appearance (the first `size` entries of the array). */
  values: Float64Array;
  /** Number of distinct keys. */
  size = 0;

  /** An empty index sized for about `expected` distinct keys (it grows as needed). */
  constructor(expected = 16) {
    if (stryMutAct_9fa48("1")) {
      {}
    } else {
      stryCov_9fa48("1");
      let capacity = 16;
      while (stryMutAct_9fa48("4") ? capacity >= expected * 2 : stryMutAct_9fa48("3") ? capacity <= expected * 2 : stryMutAct_9fa48("2") ? false : (stryCov_9fa48("2", "3", "4"), capacity < (stryMutAct_9fa48("5") ? expected / 2 : (stryCov_9fa48("5"), expected * 2)))) stryMutAct_9fa48("6") ? capacity /= 2 : (stryCov_9fa48("6"), capacity *= 2);
      this.keys = new Float64Array(capacity);
      this.slots = new Int32Array(capacity).fill(stryMutAct_9fa48("7") ? +1 : (stryCov_9fa48("7"), -1));
      this.mask = stryMutAct_9fa48("8") ? capacity + 1 : (stryCov_9fa48("8"), capacity - 1);
      this.values = new Float64Array(stryMutAct_9fa48("9") ? Math.min(8, expected) : (stryCov_9fa48("9"), Math.max(8, expected)));
    }
  }

  /** The index of `value`, adding it when new. */
  add(value: number): number {
    if (stryMutAct_9fa48("10")) {
      {}
    } else {
      stryCov_9fa48("10");
      const v = (stryMutAct_9fa48("13") ? value !== 0 : stryMutAct_9fa48("12") ? false : stryMutAct_9fa48("11") ? true : (stryCov_9fa48("11", "12", "13"), value === 0)) ? 0 : value;
      let h = hash(v) & this.mask;
      if (stryMutAct_9fa48("14")) {
        for (; false;) {
          const slot = this.slots[h] as number;
          if (slot === -1) break;
          if (this.keys[h] === v) return slot;
          h = h + 1 & this.mask;
        }
      } else {
        stryCov_9fa48("14");
        for (;;) {
          if (stryMutAct_9fa48("15")) {
            {}
          } else {
            stryCov_9fa48("15");
            const slot = this.slots[h] as number;
            if (stryMutAct_9fa48("18") ? slot !== -1 : stryMutAct_9fa48("17") ? false : stryMutAct_9fa48("16") ? true : (stryCov_9fa48("16", "17", "18"), slot === (stryMutAct_9fa48("19") ? +1 : (stryCov_9fa48("19"), -1)))) break;
            if (stryMutAct_9fa48("22") ? this.keys[h] !== v : stryMutAct_9fa48("21") ? false : stryMutAct_9fa48("20") ? true : (stryCov_9fa48("20", "21", "22"), this.keys[h] === v)) return slot;
            h = (stryMutAct_9fa48("23") ? h - 1 : (stryCov_9fa48("23"), h + 1)) & this.mask;
          }
        }
      }
      const index = this.size;
      this.keys[h] = v;
      this.slots[h] = index;
      if (stryMutAct_9fa48("26") ? index !== this.values.length : stryMutAct_9fa48("25") ? false : stryMutAct_9fa48("24") ? true : (stryCov_9fa48("24", "25", "26"), index === this.values.length)) {
        if (stryMutAct_9fa48("27")) {
          {}
        } else {
          stryCov_9fa48("27");
          const grown = new Float64Array(stryMutAct_9fa48("28") ? index / 2 : (stryCov_9fa48("28"), index * 2));
          grown.set(this.values);
          this.values = grown;
        }
      }
      this.values[index] = v;
      stryMutAct_9fa48("29") ? this.size -= 1 : (stryCov_9fa48("29"), this.size += 1);
      if (stryMutAct_9fa48("33") ? this.size * 2 <= this.mask : stryMutAct_9fa48("32") ? this.size * 2 >= this.mask : stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31", "32", "33"), (stryMutAct_9fa48("34") ? this.size / 2 : (stryCov_9fa48("34"), this.size * 2)) > this.mask)) this.rehash();
      return index;
    }
  }
  private rehash(): void {
    if (stryMutAct_9fa48("35")) {
      {}
    } else {
      stryCov_9fa48("35");
      const capacity = stryMutAct_9fa48("36") ? (this.mask + 1) / 2 : (stryCov_9fa48("36"), (stryMutAct_9fa48("37") ? this.mask - 1 : (stryCov_9fa48("37"), this.mask + 1)) * 2);
      this.keys = new Float64Array(capacity);
      this.slots = new Int32Array(capacity).fill(stryMutAct_9fa48("38") ? +1 : (stryCov_9fa48("38"), -1));
      this.mask = stryMutAct_9fa48("39") ? capacity + 1 : (stryCov_9fa48("39"), capacity - 1);
      const n = this.size;
      this.size = 0;
      const values = this.values;
      for (let i = 0; stryMutAct_9fa48("42") ? i >= n : stryMutAct_9fa48("41") ? i <= n : stryMutAct_9fa48("40") ? false : (stryCov_9fa48("40", "41", "42"), i < n); stryMutAct_9fa48("43") ? i-- : (stryCov_9fa48("43"), i++)) {
        if (stryMutAct_9fa48("44")) {
          {}
        } else {
          stryCov_9fa48("44");
          const v = values[i] as number;
          let h = hash(v) & this.mask;
          while (stryMutAct_9fa48("46") ? this.slots[h] as number === -1 : stryMutAct_9fa48("45") ? false : (stryCov_9fa48("45", "46"), this.slots[h] as number !== (stryMutAct_9fa48("47") ? +1 : (stryCov_9fa48("47"), -1)))) h = (stryMutAct_9fa48("48") ? h - 1 : (stryCov_9fa48("48"), h + 1)) & this.mask;
          this.keys[h] = v;
          this.slots[h] = i;
        }
      }
      this.size = n;
    }
  }

  /** The distinct keys as an array of exactly `size` entries. */
  distinct(): Float64Array {
    if (stryMutAct_9fa48("49")) {
      {}
    } else {
      stryCov_9fa48("49");
      return stryMutAct_9fa48("50") ? this.values : (stryCov_9fa48("50"), this.values.slice(0, this.size));
    }
  }
}
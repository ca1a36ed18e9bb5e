/**
 * Seeded random numbers for the simulators and the parametric bootstrap: a small, fast,
 * reproducible generator (no Math.random) and the distributions the models need.
 *
 * @internal
 * @module
 */
// @ts-nocheck


/** A seeded uniform generator on [0, 1) (mulberry32: 32-bit state, period 2^32). */function stryNS_9fa48() {
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
export function seededUniform(seed: number): () => number {
  if (stryMutAct_9fa48("76")) {
    {}
  } else {
    stryCov_9fa48("76");
    let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
    return () => {
      if (stryMutAct_9fa48("77")) {
        {}
      } else {
        stryCov_9fa48("77");
        a = (stryMutAct_9fa48("78") ? a - 0x6d2b79f5 : (stryCov_9fa48("78"), a + 0x6d2b79f5)) >>> 0;
        let t = a;
        t = Math.imul(t ^ t >>> 15, t | 1);
        t ^= stryMutAct_9fa48("79") ? t - Math.imul(t ^ t >>> 7, t | 61) : (stryCov_9fa48("79"), t + Math.imul(t ^ t >>> 7, t | 61));
        return stryMutAct_9fa48("80") ? ((t ^ t >>> 14) >>> 0) * 4294967296 : (stryCov_9fa48("80"), ((t ^ t >>> 14) >>> 0) / 4294967296);
      }
    };
  }
}

/** A uniform on (0, 1): never exactly 0, so its logarithm is finite. */
function openUniform(random: () => number): number {
  if (stryMutAct_9fa48("81")) {
    {}
  } else {
    stryCov_9fa48("81");
    let u = random();
    while (stryMutAct_9fa48("83") ? u !== 0 : stryMutAct_9fa48("82") ? false : (stryCov_9fa48("82", "83"), u === 0)) u = random();
    return u;
  }
}

/** A standard normal deviate (Box-Muller, one of the pair). */
export function normalSample(random: () => number): number {
  if (stryMutAct_9fa48("84")) {
    {}
  } else {
    stryCov_9fa48("84");
    const u1 = openUniform(random);
    const u2 = random();
    return stryMutAct_9fa48("85") ? Math.sqrt(-2 * Math.log(u1)) / Math.cos(2 * Math.PI * u2) : (stryCov_9fa48("85"), Math.sqrt(stryMutAct_9fa48("86") ? -2 / Math.log(u1) : (stryCov_9fa48("86"), (stryMutAct_9fa48("87") ? +2 : (stryCov_9fa48("87"), -2)) * Math.log(u1))) * Math.cos(stryMutAct_9fa48("88") ? 2 * Math.PI / u2 : (stryCov_9fa48("88"), (stryMutAct_9fa48("89") ? 2 / Math.PI : (stryCov_9fa48("89"), 2 * Math.PI)) * u2)));
  }
}

/**
 * ln of a Gamma(shape, 1) deviate (Marsaglia & Tsang 2000; for shape < 1 the boost
 * Gamma(shape) = Gamma(shape + 1) U^(1/shape), kept in logs so that tiny shapes do not underflow).
 */
export function logGammaSample(shape: number, random: () => number): number {
  if (stryMutAct_9fa48("90")) {
    {}
  } else {
    stryCov_9fa48("90");
    if (stryMutAct_9fa48("94") ? shape >= 1 : stryMutAct_9fa48("93") ? shape <= 1 : stryMutAct_9fa48("92") ? false : stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91", "92", "93", "94"), shape < 1)) return stryMutAct_9fa48("95") ? logGammaSample(shape + 1, random) - Math.log(openUniform(random)) / shape : (stryCov_9fa48("95"), logGammaSample(stryMutAct_9fa48("96") ? shape - 1 : (stryCov_9fa48("96"), shape + 1), random) + (stryMutAct_9fa48("97") ? Math.log(openUniform(random)) * shape : (stryCov_9fa48("97"), Math.log(openUniform(random)) / shape)));
    const d = stryMutAct_9fa48("98") ? shape + 1 / 3 : (stryCov_9fa48("98"), shape - (stryMutAct_9fa48("99") ? 1 * 3 : (stryCov_9fa48("99"), 1 / 3)));
    const c = stryMutAct_9fa48("100") ? 1 * Math.sqrt(9 * d) : (stryCov_9fa48("100"), 1 / Math.sqrt(stryMutAct_9fa48("101") ? 9 / d : (stryCov_9fa48("101"), 9 * d)));
    if (stryMutAct_9fa48("102")) {
      for (; false;) {
        let x: number;
        let v: number;
        do {
          x = normalSample(random);
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = openUniform(random);
        if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return Math.log(d * v);
      }
    } else {
      stryCov_9fa48("102");
      for (;;) {
        if (stryMutAct_9fa48("103")) {
          {}
        } else {
          stryCov_9fa48("103");
          let x: number;
          let v: number;
          do {
            if (stryMutAct_9fa48("104")) {
              {}
            } else {
              stryCov_9fa48("104");
              x = normalSample(random);
              v = stryMutAct_9fa48("105") ? 1 - c * x : (stryCov_9fa48("105"), 1 + (stryMutAct_9fa48("106") ? c / x : (stryCov_9fa48("106"), c * x)));
            }
          } while (stryMutAct_9fa48("109") ? v > 0 : stryMutAct_9fa48("108") ? v < 0 : stryMutAct_9fa48("107") ? false : (stryCov_9fa48("107", "108", "109"), v <= 0));
          v = stryMutAct_9fa48("110") ? v * v / v : (stryCov_9fa48("110"), (stryMutAct_9fa48("111") ? v / v : (stryCov_9fa48("111"), v * v)) * v);
          const u = openUniform(random);
          if (stryMutAct_9fa48("114") ? u < 1 - 0.0331 * x * x * x * x && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)) : stryMutAct_9fa48("113") ? false : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113", "114"), (stryMutAct_9fa48("117") ? u >= 1 - 0.0331 * x * x * x * x : stryMutAct_9fa48("116") ? u <= 1 - 0.0331 * x * x * x * x : stryMutAct_9fa48("115") ? false : (stryCov_9fa48("115", "116", "117"), u < (stryMutAct_9fa48("118") ? 1 + 0.0331 * x * x * x * x : (stryCov_9fa48("118"), 1 - (stryMutAct_9fa48("119") ? 0.0331 * x * x * x / x : (stryCov_9fa48("119"), (stryMutAct_9fa48("120") ? 0.0331 * x * x / x : (stryCov_9fa48("120"), (stryMutAct_9fa48("121") ? 0.0331 * x / x : (stryCov_9fa48("121"), (stryMutAct_9fa48("122") ? 0.0331 / x : (stryCov_9fa48("122"), 0.0331 * x)) * x)) * x)) * x)))))) || (stryMutAct_9fa48("125") ? Math.log(u) >= 0.5 * x * x + d * (1 - v + Math.log(v)) : stryMutAct_9fa48("124") ? Math.log(u) <= 0.5 * x * x + d * (1 - v + Math.log(v)) : stryMutAct_9fa48("123") ? false : (stryCov_9fa48("123", "124", "125"), Math.log(u) < (stryMutAct_9fa48("126") ? 0.5 * x * x - d * (1 - v + Math.log(v)) : (stryCov_9fa48("126"), (stryMutAct_9fa48("127") ? 0.5 * x / x : (stryCov_9fa48("127"), (stryMutAct_9fa48("128") ? 0.5 / x : (stryCov_9fa48("128"), 0.5 * x)) * x)) + (stryMutAct_9fa48("129") ? d / (1 - v + Math.log(v)) : (stryCov_9fa48("129"), d * (stryMutAct_9fa48("130") ? 1 - v - Math.log(v) : (stryCov_9fa48("130"), (stryMutAct_9fa48("131") ? 1 + v : (stryCov_9fa48("131"), 1 - v)) + Math.log(v))))))))))) return Math.log(stryMutAct_9fa48("132") ? d / v : (stryCov_9fa48("132"), d * v));
        }
      }
    }
  }
}

/** A Beta(a, b) deviate, as 1 / (1 + exp(ln G_b - ln G_a)): in [0, 1], never NaN. */
export function betaSample(a: number, b: number, random: () => number): number {
  if (stryMutAct_9fa48("133")) {
    {}
  } else {
    stryCov_9fa48("133");
    const la = logGammaSample(a, random);
    const lb = logGammaSample(b, random);
    return stryMutAct_9fa48("134") ? 1 * (1 + Math.exp(lb - la)) : (stryCov_9fa48("134"), 1 / (stryMutAct_9fa48("135") ? 1 - Math.exp(lb - la) : (stryCov_9fa48("135"), 1 + Math.exp(stryMutAct_9fa48("136") ? lb + la : (stryCov_9fa48("136"), lb - la)))));
  }
}
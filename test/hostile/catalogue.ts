/**
 * The one shared catalogue of hostile values of the whole-API hostile-input suite.
 *
 * Every entry builds a fresh value inside the worker that runs the call (Proxies, Symbols and
 * functions cannot cross a thread), from the valid value it replaces. Generic entries ignore the
 * valid value; derived entries (`applies`) transform it: an empty or huge copy of an array, a
 * null-prototype or frozen copy of an object, a Proxy around it, a copy with a throwing getter.
 *
 * Exotic entries carry a {@link CallerTrap}: the caller's own code (a getter, a Proxy trap) throws a
 * {@link CallerError} and records that it ran. The rule the suite checks (docs/robustness.md): an
 * exception thrown by the caller's own object propagates unchanged, so when the trap ran, the call
 * must end in exactly that error.
 */

/** The error the caller's own exotic objects throw; the library must let it through unchanged. */
export class CallerError extends Error {
  readonly hostileSentinel = true;
  constructor() {
    super('thrown by the caller-supplied object');
    this.name = 'CallerError';
  }
}

/** Records whether the caller's code ran, and the error it threw. */
export interface CallerTrap {
  touched: boolean;
  readonly error: CallerError;
}

/** What a catalogue entry builds: the value, and the trap when the value runs caller code that throws. */
export interface Built {
  readonly value: unknown;
  readonly trap?: CallerTrap;
  /**
   * Touching or calling the value makes the engine throw a TypeError matching this pattern (a
   * revoked Proxy; a class called as a function): the caller's own object failing, which must
   * propagate unchanged.
   */
  readonly engineError?: RegExp;
  /** The call must behave as with the valid value (a frozen copy, a transparent Proxy). */
  readonly sameAsValid?: boolean;
  /** Long caller-chosen text the error messages must not quote in full. */
  readonly payload?: string;
  /** Objects the suite must not walk (they throw when touched). */
  readonly opaque?: readonly object[];
  /** Replace by deleting the key instead of assigning. */
  readonly remove?: boolean;
}

export interface CatalogueEntry {
  readonly id: string;
  /** For derived entries: whether the entry applies to this valid value. Generic entries always apply. */
  readonly applies?: (valid: unknown) => boolean;
  readonly build: (valid: unknown) => Built;
  /** Costly entries the deterministic core of `npm test` runs only at top-level arguments. */
  readonly heavy?: boolean;
}

/** The length of "huge" arrays (copies of a valid array's first element). */
export const HUGE_LENGTH = 20_000;
/** The nesting depth of "very deep" structures. */
export const DEEP = 10_000;
/** The length of caller-chosen text used to check that messages shorten what they quote. */
export const PAYLOAD_LENGTH = 10_000;
const payload = 'K'.repeat(PAYLOAD_LENGTH);

const isObj = (v: unknown): v is object => typeof v === 'object' && v !== null;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  isObj(v) && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
const isArr = (v: unknown): v is unknown[] => Array.isArray(v);

class Customer {
  constructor(readonly id = 1) {}
}

function trap(): CallerTrap {
  return { touched: false, error: new CallerError() };
}

function throwingProxy(target: object): Built {
  const t = trap();
  const fail = (): never => {
    t.touched = true;
    throw t.error;
  };
  const handler: ProxyHandler<object> = {
    get: fail,
    set: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
    defineProperty: fail,
    deleteProperty: fail,
    isExtensible: fail,
    preventExtensions: fail,
    setPrototypeOf: fail,
    apply: fail,
    construct: fail,
  };
  const value = new Proxy(target, handler);
  return { value, trap: t, opaque: [value] };
}

function revokedProxy(target: object): Built {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return { value: proxy, engineError: /revoked/, opaque: [proxy] };
}

function withThrowingGetter(valid: Record<string, unknown>): Built {
  const t = trap();
  const copy: Record<string, unknown> = { ...valid };
  const key = Object.keys(copy)[0] ?? 'value';
  Object.defineProperty(copy, key, {
    enumerable: true,
    configurable: true,
    get() {
      t.touched = true;
      throw t.error;
    },
  });
  return { value: copy, trap: t, opaque: [copy] };
}

function deepArray(): unknown[] {
  let v: unknown[] = [1];
  for (let i = 0; i < DEEP; i++) v = [v];
  return v;
}

function deepObject(): Record<string, unknown> {
  let v: Record<string, unknown> = { value: 1 };
  for (let i = 0; i < DEEP; i++) v = { value: v };
  return v;
}

const generic = (id: string, make: () => unknown, extra: Partial<Built> = {}, heavy = false): CatalogueEntry => ({
  id,
  build: () => ({ value: make(), ...extra }),
  heavy,
});

/** Values that replace anything, whatever the valid value was. */
const genericEntries: CatalogueEntry[] = [
  { id: 'missing', build: () => ({ value: undefined, remove: true }) },
  generic('undefined', () => undefined),
  generic('null', () => null),
  generic('NaN', () => NaN),
  generic('Infinity', () => Infinity),
  generic('-Infinity', () => -Infinity),
  generic('-0', () => -0),
  generic('0', () => 0),
  generic('1e308', () => 1e308),
  generic('-1e308', () => -1e308),
  generic('5e-324', () => 5e-324),
  generic('-1', () => -1),
  generic('0.5', () => 0.5),
  generic('2.5', () => 2.5),
  generic('2^53', () => 2 ** 53),
  generic('empty string', () => ''),
  generic("'abc'", () => 'abc'),
  generic("'1e400'", () => '1e400'),
  generic("'0x10'", () => '0x10'),
  generic("' 7 '", () => ' 7 '),
  generic("'NaN'", () => 'NaN'),
  generic('long string', () => payload, { payload }),
  generic('true', () => true),
  generic('Symbol', () => Symbol('hostile')),
  generic('BigInt', () => 10n),
  generic('function', () => () => 1),
  generic('class', () => Customer, { engineError: /cannot be invoked without 'new'/ }),
  generic('class instance', () => new Customer()),
  generic('null-prototype object', () => Object.create(null)),
  generic('{}', () => ({})),
  generic('[]', () => []),
  generic('sparse array', () => [, 1, , 2]), // eslint-disable-line no-sparse-arrays
  generic('Number object', () => new Number(3)),
  generic('String object', () => new String('3')),
  generic('Boolean object', () => new Boolean(true)),
  generic('Invalid Date', () => new Date(NaN)),
  generic('Date at max', () => new Date(8.64e15)),
  generic('Date at min', () => new Date(-8.64e15)),
  generic('epoch beyond Date range', () => 8.64e15 + 1),
  generic('Map', () => new Map([[1, 1]])),
  generic('Set', () => new Set([1])),
  generic('RegExp', () => /x/),
  generic('object with long key', () => ({ [payload]: 1 }), { payload }),
  generic('__proto__ key', () => JSON.parse('{"__proto__": {"polluted": 1}, "value": 1}') as unknown),
  generic('constructor key', () => ({ constructor: { prototype: { polluted: 1 } } })),
  { id: 'throwing getter', build: () => withThrowingGetter({ value: 1 }) },
  { id: 'throwing Proxy', build: () => throwingProxy({}) },
  { id: 'revoked Proxy', build: () => revokedProxy({}) },
  generic('cyclic object', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    return o;
  }),
  generic('cyclic array', () => {
    const a: unknown[] = [];
    a.push(a);
    return a;
  }),
  generic('deep array', deepArray, {}, true),
  generic('deep object', deepObject, {}, true),
];

const derived = (id: string, applies: (v: unknown) => boolean, build: (v: unknown) => Built, heavy = false): CatalogueEntry => ({
  id: `valid as ${id}`,
  applies,
  build,
  heavy,
});

/** Transformations of the valid value: the same data in a hostile container. */
const derivedEntries: CatalogueEntry[] = [
  derived('frozen copy', isObj, (v) => ({ value: deepFreezeCopy(v), sameAsValid: true })),
  derived('transparent Proxy', (v) => isObj(v) && !ArrayBuffer.isView(v) && !(v instanceof Date), (v) => ({ value: new Proxy(v as object, {}) })),
  derived('throwing Proxy', isObj, (v) => throwingProxy(v as object)),
  derived('revoked Proxy', isObj, (v) => revokedProxy(v as object)),
  derived('empty array', isArr, () => ({ value: [] })),
  derived('huge array', (v) => isArr(v) && v.length > 0, (v) => ({ value: new Array(HUGE_LENGTH).fill((v as unknown[])[0]) }), true),
  derived('sparse array', (v) => isArr(v) && v.length > 0, (v) => {
    const copy = [...(v as unknown[])];
    delete copy[0];
    copy.length += 1;
    return { value: copy };
  }),
  derived('array holding itself', isArr, (v) => {
    const copy: unknown[] = [...(v as unknown[])];
    copy.push(copy);
    return { value: copy };
  }),
  derived('array with an extra key', isArr, (v) => ({ value: Object.assign([...(v as unknown[])], { extra: 1 }) })),
  derived('null-prototype copy', isPlain, (v) => ({ value: Object.assign(Object.create(null) as object, v) })),
  derived('class-instance copy', isPlain, (v) => ({ value: Object.assign(new Customer(), v) })),
  derived('copy with getters', isPlain, (v) => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
      Object.defineProperty(copy, key, { enumerable: true, configurable: true, get: () => value });
    }
    return { value: copy, sameAsValid: true };
  }),
  derived('copy with a throwing getter', (v) => isPlain(v) && Object.keys(v).length > 0, (v) => withThrowingGetter(v as Record<string, unknown>)),
  derived('copy with an own __proto__ key', isPlain, (v) => {
    const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    Object.defineProperty(copy, '__proto__', { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
    return { value: copy };
  }),
  derived('copy with a constructor key', isPlain, (v) => ({ value: { ...(v as Record<string, unknown>), constructor: { prototype: { polluted: 1 } } } })),
  derived('copy with a long unknown key', isPlain, (v) => ({ value: { ...(v as Record<string, unknown>), [payload]: 1 }, payload })),
  derived('copy holding itself', isPlain, (v) => {
    const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    copy.self = copy;
    return { value: copy };
  }),
  derived('Number object', (v) => typeof v === 'number', (v) => ({ value: new Number(v) })),
  derived('string', (v) => typeof v === 'number', (v) => ({ value: String(v) })),
  derived('negative', (v) => typeof v === 'number' && v !== 0, (v) => ({ value: -(v as number) })),
  derived('plus one half', (v) => typeof v === 'number', (v) => ({ value: (v as number) + 0.5 })),
  derived('times 1e300', (v) => typeof v === 'number' && v !== 0, (v) => ({ value: (v as number) * 1e300 })),
  derived('String object', (v) => typeof v === 'string', (v) => ({ value: new String(v) })),
  derived('long string', (v) => typeof v === 'string', () => ({ value: payload, payload })),
  derived('Invalid Date', (v) => v instanceof Date, () => ({ value: new Date(NaN) })),
];

function deepFreezeCopy(value: unknown): unknown {
  if (!isObj(value) || ArrayBuffer.isView(value) || value instanceof Date || typeof value === 'function') return value;
  const copy: Record<string | number, unknown> = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value) as object | null);
  for (const key of Object.keys(value)) copy[key] = deepFreezeCopy((value as Record<string, unknown>)[key]);
  return Object.freeze(copy);
}

/** The whole catalogue, generic entries first. Ids are unique. */
export const catalogue: readonly CatalogueEntry[] = [...genericEntries, ...derivedEntries];

/** The entries that apply to a valid value. */
export function entriesFor(valid: unknown): CatalogueEntry[] {
  return catalogue.filter((entry) => entry.applies === undefined || entry.applies(valid));
}

/** Looks an entry up by id. */
export function entryById(id: string): CatalogueEntry {
  const entry = catalogue.find((e) => e.id === id);
  if (entry === undefined) throw new Error(`no catalogue entry ${id}`);
  return entry;
}

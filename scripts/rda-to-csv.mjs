#!/usr/bin/env node
// Converts a data frame saved by R's save() (an .rda file: gzip of R's XDR serialization,
// format versions 2 and 3) to CSV on stdout. Used once to turn CLVTools' example data
// (data/apparelTrans.rda, data/apparelStaticCov.rda) into the test fixtures in
// test/fixtures/data/apparel/; see the README there. No R needed.
//
//   node scripts/rda-to-csv.mjs path/to/file.rda > out.csv
//
// Supports what data frames of numbers, strings, factors and Dates use: pairlists, symbols,
// character, integer, logical and double vectors, lists, attributes, references, ALTREP compact
// integer sequences (row names) and external pointers (data.table's self-reference).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const NILVALUE = 254;
const REF = 255;
const ALTREP = 238;
const GLOBALENV = 253;
const EMPTYENV = 242;
const BASEENV = 241;
const MISSINGARG = 251;
const BASENAMESPACE = 247;

class Reader {
  constructor(buf) {
    this.buf = buf;
    this.at = 0;
    this.refs = [];
  }
  int() {
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }
  double() {
    const v = this.buf.readDoubleBE(this.at);
    this.at += 8;
    return v;
  }
  bytes(n) {
    const s = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return s;
  }
  length() {
    const n = this.int();
    if (n !== -1) return n;
    const hi = this.int();
    const lo = this.int();
    return hi * 2 ** 32 + lo;
  }
  item() {
    const flags = this.int();
    const type = flags & 0xff;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    switch (type) {
      case NILVALUE:
      case GLOBALENV:
      case EMPTYENV:
      case BASEENV:
      case MISSINGARG:
      case BASENAMESPACE:
        return null;
      case REF: {
        let index = flags >> 8;
        if (index === 0) index = this.int();
        return this.refs[index - 1];
      }
      case 1: {
        // SYMSXP: a CHARSXP follows; symbols enter the reference table.
        const name = this.item();
        const sym = { symbol: name };
        this.refs.push(sym);
        return sym;
      }
      case 2: {
        // LISTSXP (pairlist): [attr] [tag] car cdr, as an array of { tag, value }. The cdr is any
        // item: another pairlist node, nil, or (a dotted pair, as in ALTREP states) a value.
        if (hasAttr) this.item(); // a pairlist node's own attributes: not needed here
        const tag = hasTag ? this.item() : undefined;
        const node = { tag: tag?.symbol, value: this.item() };
        const rest = this.item();
        if (rest === null) return [node];
        if (Array.isArray(rest)) return [node, ...rest];
        return [node, { tag: undefined, value: rest }];
      }
      case 9: {
        // CHARSXP
        const n = this.int();
        return n === -1 ? null : this.bytes(n).toString('utf8');
      }
      case 10:
      case 13: {
        const n = this.length();
        const v = [];
        for (let i = 0; i < n; i++) {
          const x = this.int();
          v.push(x === -2147483648 ? null : x);
        }
        return this.withAttributes({ type: type === 10 ? 'logical' : 'integer', values: v }, hasAttr);
      }
      case 14: {
        const n = this.length();
        const v = [];
        for (let i = 0; i < n; i++) v.push(this.double());
        return this.withAttributes({ type: 'double', values: v }, hasAttr);
      }
      case 16: {
        const n = this.length();
        const v = [];
        for (let i = 0; i < n; i++) v.push(this.item());
        return this.withAttributes({ type: 'character', values: v }, hasAttr);
      }
      case 19: {
        const n = this.length();
        const v = [];
        for (let i = 0; i < n; i++) v.push(this.item());
        return this.withAttributes({ type: 'list', values: v }, hasAttr);
      }
      case 22: {
        // EXTPTRSXP: enters the reference table, then prot, tag, [attr].
        const ptr = { type: 'externalptr' };
        this.refs.push(ptr);
        this.item();
        this.item();
        return this.withAttributes(ptr, hasAttr);
      }
      case ALTREP: {
        const info = this.item();
        const state = this.item();
        const attr = this.item();
        const cls = info?.[0]?.value?.symbol;
        if (cls === 'compact_intseq') {
          const [n, start, step] = state.values;
          const v = [];
          for (let i = 0; i < n; i++) v.push(start + i * step);
          return { type: 'integer', values: v, attributes: attr ?? [] };
        }
        if (cls === 'deferred_string') {
          // state: (the vector to convert to strings . its conversion info)
          const source = state[0].value;
          return { type: 'character', values: source.values.map((x) => (x === null ? null : String(x))), attributes: attr ?? [] };
        }
        throw new Error(`unsupported ALTREP class ${cls}`);
      }
      default:
        throw new Error(`unsupported SEXP type ${type} at byte ${this.at}`);
    }
  }
  withAttributes(obj, hasAttr) {
    obj.attributes = hasAttr ? this.item() : [];
    return obj;
  }
}

const attribute = (obj, name) => obj.attributes?.find((a) => a.tag === name)?.value;

function readRda(path) {
  const raw = gunzipSync(readFileSync(path));
  const magic = raw.subarray(0, 5).toString('latin1');
  if (magic !== 'RDX2\n' && magic !== 'RDX3\n') throw new Error(`not an R data file (${JSON.stringify(magic)})`);
  const r = new Reader(raw.subarray(5));
  if (r.bytes(2).toString('latin1') !== 'X\n') throw new Error('only the XDR format is supported');
  const version = r.int();
  r.int();
  r.int();
  if (version === 3) r.bytes(r.int());
  return r.item();
}

function columnText(col) {
  const cls = attribute(col, 'class')?.values ?? [];
  const levels = attribute(col, 'levels')?.values;
  return col.values.map((v) => {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) return '';
    if (levels !== undefined) return levels[v - 1];
    if (cls.includes('Date')) return new Date(v * 86400000).toISOString().slice(0, 10);
    return String(v);
  });
}

const objects = readRda(process.argv[2]);
if (objects.length !== 1) throw new Error(`expected one object, found ${objects.length}`);
const frame = objects[0].value;
const names = attribute(frame, 'names').values;
const columns = frame.values.map(columnText);
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = [names.map(quote).join(',')];
for (let i = 0; i < (columns[0]?.length ?? 0); i++) lines.push(columns.map((c) => quote(c[i])).join(','));
process.stdout.write(`${lines.join('\n')}\n`);

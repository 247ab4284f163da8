/**
 * Carries structured-cloneable values between the Chromium page and the test process as JSON.
 *
 * Not a rule of Electron's: the values are structured-cloned first (that is the rule), then this
 * only keeps what JSON alone would lose (undefined, NaN, -0, bigint, Date, RegExp, Map, Set,
 * binary data, Error) across Playwright's wire. The same text runs in the page and in Node.
 */
'use strict';

const MAX_DEPTH = 100;

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text) {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function encode(value, depth) {
  const d = depth || 0;
  if (d > MAX_DEPTH) throw new Error('value nested too deeply (or cyclic) to carry');
  if (value === undefined) return { $: 'u' };
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $: 'n', v: 'NaN' };
    if (Object.is(value, -0)) return { $: 'n', v: '-0' };
    if (!Number.isFinite(value)) return { $: 'n', v: value > 0 ? 'Infinity' : '-Infinity' };
    return value;
  }
  if (typeof value === 'bigint') return { $: 'big', v: String(value) };
  if (Array.isArray(value)) return value.map((x) => encode(x, d + 1));
  if (value instanceof Date) return { $: 'date', v: value.getTime() };
  if (value instanceof RegExp) return { $: 're', s: value.source, f: value.flags };
  if (value instanceof ArrayBuffer) return { $: 'ab', v: toBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $: 'view', t: value.constructor.name, v: toBase64(bytes) };
  }
  if (value instanceof Map) return { $: 'map', v: Array.from(value, ([k, x]) => [encode(k, d + 1), encode(x, d + 1)]) };
  if (value instanceof Set) return { $: 'set', v: Array.from(value, (x) => encode(x, d + 1)) };
  if (value instanceof Error) return { $: 'err', name: value.name, message: value.message };
  if (typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = encode(value[key], d + 1);
    return { $: 'obj', v: out };
  }
  throw new Error(`cannot carry a ${typeof value}`);
}

const VIEWS = { Uint8Array, Int8Array, Uint8ClampedArray, Uint16Array, Int16Array, Uint32Array, Int32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array };

function decode(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decode);
  switch (value.$) {
    case 'u':
      return undefined;
    case 'n':
      return value.v === 'NaN' ? NaN : value.v === '-0' ? -0 : value.v === 'Infinity' ? Infinity : -Infinity;
    case 'big':
      return BigInt(value.v);
    case 'date':
      return new Date(value.v);
    case 're':
      return new RegExp(value.s, value.f);
    case 'ab':
      return fromBase64(value.v).buffer;
    case 'view': {
      const bytes = fromBase64(value.v);
      if (value.t === 'DataView') return new DataView(bytes.buffer);
      const View = VIEWS[value.t] || Uint8Array;
      return new View(bytes.buffer, 0, bytes.byteLength / (View.BYTES_PER_ELEMENT || 1));
    }
    case 'map':
      return new Map(value.v.map(([k, x]) => [decode(k), decode(x)]));
    case 'set':
      return new Set(value.v.map(decode));
    case 'err': {
      const error = new Error(value.message);
      error.name = value.name;
      return error;
    }
    case 'obj': {
      const out = {};
      for (const key of Object.keys(value.v)) out[key] = decode(value.v[key]);
      return out;
    }
    default:
      throw new Error(`unknown carried value ${JSON.stringify(value).slice(0, 80)}`);
  }
}

module.exports = { encode, decode };

/**
 * A short fingerprint of a text, for "has this changed?" checks such as the config's stamp.
 *
 * Not a cryptographic hash: nobody gains from forging a collision with their own `_config.yml`.
 * What it spares is `node:crypto`, which the index worker would otherwise load for this alone
 * (~12 ms of its start-up, before it can read a file). Two 32-bit FNV-1a lanes with different
 * seeds over the UTF-16 code units, plus the length.
 */
export function textStamp(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(16)}`;
}

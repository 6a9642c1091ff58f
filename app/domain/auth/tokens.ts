import crypto from "node:crypto";

/** Random token text: 20 bytes = 160 bits, base32-like lowercase (URL and cookie safe). */
export function randomToken(bytes = 20): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols, no look-alikes
  const buf = crypto.randomBytes(bytes);
  let out = "";
  let value = 0;
  let bits = 0;
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function sha256Hex(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}

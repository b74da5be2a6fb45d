import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `fresh`: ours and young enough; `stale`: ours but expired; `invalid`: not one we issued. */
export type NonceState = 'fresh' | 'stale' | 'invalid';

const TIME_BYTES = 8;
const RANDOM_BYTES = 8;
const MAC_BYTES = 16;
const NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
/** Issued "in the future" by up to this much: another process's clock may run a little ahead. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Stateless Digest nonces: the issue time and 8 random bytes, authenticated with an HMAC-SHA256
 * (truncated to 128 bits) under a key every server process shares, in base64url (43 characters,
 * nothing a challenge needs to quote or escape). Any process can check a nonce another issued,
 * with nothing stored; a nonce is good for `ttlMs`, then `stale`. Being stateless, a nonce is not
 * single-use: a captured request can be replayed, unchanged (same URI), until the nonce expires.
 */
export class DigestNonces {
  constructor(
    private readonly key: Buffer,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {
    if (key.length < 32) throw new Error('the digest nonce key must be at least 32 bytes');
  }

  issue(): string {
    const body = Buffer.alloc(TIME_BYTES + RANDOM_BYTES);
    body.writeBigUInt64BE(BigInt(this.now().getTime()));
    randomBytes(RANDOM_BYTES).copy(body, TIME_BYTES);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  check(nonce: string): NonceState {
    if (nonce.length !== Math.ceil((NONCE_BYTES * 4) / 3)) return 'invalid';
    const raw = Buffer.from(nonce, 'base64url');
    // Node's decoder skips characters outside the alphabet: re-encoding must give the same text.
    if (raw.length !== NONCE_BYTES || raw.toString('base64url') !== nonce) return 'invalid';
    const body = raw.subarray(0, TIME_BYTES + RANDOM_BYTES);
    if (!timingSafeEqual(raw.subarray(TIME_BYTES + RANDOM_BYTES), this.mac(body))) {
      return 'invalid';
    }
    const age = this.now().getTime() - Number(body.readBigUInt64BE());
    if (age < -CLOCK_SKEW_MS) return 'invalid';
    return age > this.ttlMs ? 'stale' : 'fresh';
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.key)
      .update('digest-nonce:')
      .update(body)
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

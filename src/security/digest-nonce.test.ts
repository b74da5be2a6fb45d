import { randomBytes } from 'node:crypto';
import { DigestNonces } from './digest-nonce';

const TTL_MS = 5 * 60_000;

function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('DigestNonces', () => {
  const key = randomBytes(32);

  it('issues distinct, header-safe nonces that check fresh', () => {
    const c = clock();
    const nonces = new DigestNonces(key, TTL_MS, c.now);
    const a = nonces.issue();
    const b = nonces.issue();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nonces.check(a)).toBe('fresh');
    expect(nonces.check(b)).toBe('fresh');
  });

  it('is checked by any holder of the key (another server process), not with another key', () => {
    const c = clock();
    const nonce = new DigestNonces(key, TTL_MS, c.now).issue();
    expect(new DigestNonces(Buffer.from(key), TTL_MS, c.now).check(nonce)).toBe('fresh');
    expect(new DigestNonces(randomBytes(32), TTL_MS, c.now).check(nonce)).toBe('invalid');
  });

  it('turns stale after the TTL, not before', () => {
    const c = clock();
    const nonces = new DigestNonces(key, TTL_MS, c.now);
    const nonce = nonces.issue();
    c.advance(TTL_MS);
    expect(nonces.check(nonce)).toBe('fresh');
    c.advance(1);
    expect(nonces.check(nonce)).toBe('stale');
  });

  it('accepts a nonce issued by a clock up to a minute ahead, not more', () => {
    const ahead = clock(Date.UTC(2026, 0, 1) + 60_000);
    const farAhead = clock(Date.UTC(2026, 0, 1) + 61_000);
    const here = new DigestNonces(key, TTL_MS, clock().now);
    expect(here.check(new DigestNonces(key, TTL_MS, ahead.now).issue())).toBe('fresh');
    expect(here.check(new DigestNonces(key, TTL_MS, farAhead.now).issue())).toBe('invalid');
  });

  it('refuses any change to a nonce, and garbage', () => {
    const c = clock();
    const nonces = new DigestNonces(key, TTL_MS, c.now);
    const nonce = nonces.issue();
    const raw = Buffer.from(nonce, 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const tampered = Buffer.from(raw);
      tampered[i] = (tampered[i] as number) ^ 1;
      expect(nonces.check(tampered.toString('base64url'))).toBe('invalid');
    }
    // Another issue time under the original MAC (to make an old nonce look fresh) is refused too.
    const renewed = Buffer.from(raw);
    renewed.writeBigUInt64BE(BigInt(c.now().getTime() + 1000));
    expect(nonces.check(renewed.toString('base64url'))).toBe('invalid');
    for (const bad of [
      '',
      'abc',
      `${nonce}A`,
      nonce.slice(1),
      `${nonce.slice(0, 42)}*`,
      'x'.repeat(43),
    ])
      expect(nonces.check(bad)).toBe('invalid');
  });

  it('needs a key of at least 32 bytes', () => {
    expect(() => new DigestNonces(randomBytes(16), TTL_MS, () => new Date())).toThrow();
  });
});

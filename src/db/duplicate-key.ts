/**
 * True for a unique-index violation (code 11000). The one-winner inserts that stand in for
 * transactions on FerretDB all branch on it. FerretDB's errors carry no `keyPattern`, so which
 * index refused is not told: an insert that can hit two unique indexes must find out otherwise.
 */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

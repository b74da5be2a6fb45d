import type { IdentityClaimDoc, UserIdentity } from './user.model';

const sameIdentity = (i: UserIdentity, c: IdentityClaimDoc) =>
  i.provider_type === c.provider_type && i.id === c.external_id;

/**
 * A user's identities: its claims are the source of truth (each login writes its identity's
 * metadata on its own claim, so concurrent links never overwrite each other), merged with the
 * user's own list, which holds the metadata of claims written before claims carried it and the
 * identities of older users. The user's own order first, then the other claims oldest first.
 */
export function mergeIdentities(
  own: readonly UserIdentity[],
  claims: readonly IdentityClaimDoc[],
): UserIdentity[] {
  const fromClaim = (c: IdentityClaimDoc, fallback?: UserIdentity): UserIdentity => ({
    id: c.external_id,
    provider_type: c.provider_type,
    provider_id: c.provider_id ?? fallback?.provider_id ?? '',
    provider_data: c.provider_data ?? fallback?.provider_data ?? {},
  });
  const merged = own.map((i) => {
    const claim = claims.find((c) => sameIdentity(i, c));
    return claim ? fromClaim(claim, i) : i;
  });
  const others = claims
    .filter((c) => !c.pending && !own.some((i) => sameIdentity(i, c)))
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  return [...merged, ...others.map((c) => fromClaim(c))];
}

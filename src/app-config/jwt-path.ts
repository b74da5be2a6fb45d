/**
 * JWT metadata paths, shared by the admin API (which validates custom-token metadata_fields) and
 * the runtime (which reads the fields out of verified tokens).
 */

/**
 * The segments of a JWT path: dots separate, `\.` is a literal dot. Returns undefined for a path
 * with an empty segment or a dangling escape.
 */
export function jwtPathSegments(path: string): string[] | undefined {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '\\') {
      const next = path[i + 1];
      if (next === undefined) return undefined;
      current += next === '.' ? '.' : `\\${next}`;
      i++;
    } else if (ch === '.') {
      if (current === '') return undefined;
      segments.push(current);
      current = '';
    } else current += ch;
  }
  if (current === '') return undefined;
  segments.push(current);
  return segments;
}

/**
 * The content of the benchmark app: the eight auth provider definitions (valid for this server's
 * rules), the secrets and functions they name, and generated function sources.
 */
import type { Json } from './admin-http';

/** Secrets the providers name; the rest of SECRET_COUNT are generic. */
export const PROVIDER_SECRETS: Record<string, string> = {
  jwtSigningKey: 'k'.repeat(48),
  googleClientSecret: 'google-client-secret-value',
  fbClientSecret: 'facebook-client-secret-value',
  appleClientSecret: 'apple-client-secret-value',
};
/** Functions the providers name; the rest of FUNCTION_COUNT are generated. */
export const PROVIDER_FUNCTIONS = ['authenticate', 'confirmUser', 'resetPassword'];
export const DOMAINS = ['orders', 'users', 'billing', 'inventory', 'notify', 'reports', 'search'];

export const PROVIDERS: { [key: string]: Json }[] = [
  { name: 'anon-user', type: 'anon-user' },
  {
    name: 'local-userpass',
    type: 'local-userpass',
    config: {
      autoConfirm: false,
      runConfirmationFunction: true,
      confirmationFunctionName: 'confirmUser',
      runResetFunction: true,
      resetFunctionName: 'resetPassword',
    },
  },
  {
    name: 'custom-function',
    type: 'custom-function',
    config: { authFunctionName: 'authenticate' },
  },
  {
    name: 'custom-token',
    type: 'custom-token',
    config: { audience: ['bench-app'], requireAnyAudience: false, signingAlgorithm: 'HS256' },
    secret_config: { signingKeys: ['jwtSigningKey'] },
    metadata_fields: [{ required: true, name: 'user.email', field_name: 'email' }],
  },
  {
    name: 'oauth2-google',
    type: 'oauth2-google',
    config: { clientId: '1234-abc.apps.googleusercontent.com', openId: true },
    secret_config: { clientSecret: 'googleClientSecret' },
    redirect_uris: ['https://app.example.com/auth/callback', 'benchapp://auth/callback'],
    domain_restrictions: ['example.com'],
    metadata_fields: [{ name: 'email', required: true }, { name: 'picture' }],
  },
  {
    name: 'oauth2-facebook',
    type: 'oauth2-facebook',
    config: { clientId: '1234567890' },
    secret_config: { clientSecret: 'fbClientSecret' },
    redirect_uris: ['https://app.example.com/auth/callback'],
    metadata_fields: [{ name: 'name', required: false }],
  },
  {
    name: 'oauth2-apple',
    type: 'oauth2-apple',
    config: { clientId: 'com.example.benchapp' },
    secret_config: { clientSecret: 'appleClientSecret' },
    redirect_uris: ['https://app.example.com/auth/apple'],
  },
];

/** A plausible function body; `i` varies its shape, length (about 300 to 800 bytes) and content. */
export function functionSource(name: string, i: number): string {
  const domain = DOMAINS[i % DOMAINS.length] ?? 'misc';
  const coll = `context.services.get("mongodb-atlas").db("${domain}").collection("${domain}_items")`;
  const checks = Array.from(
    { length: i % 4 },
    (_, k) => `  if (payload.f${k} == null) throw new Error("${name}: f${k} is required");\n`,
  ).join('');
  const kind = i % 3 === 0 ? 'reads one' : 'upserts one';
  const head =
    `// ${name}: ${kind} ${domain} item for the caller.\n` +
    `exports = async function ${name}(payload) {\n${checks}`;
  if (i % 3 === 0) {
    return (
      `${head}  const doc = await ${coll}.findOne({ _id: payload.id });\n` +
      `  if (!doc) return null;\n  return { id: doc._id, name: doc.name, at: doc.updated_at };\n};\n`
    );
  }
  return (
    `${head}  const coll = ${coll};\n  const now = new Date();\n` +
    `  const doc = { ...payload, owner_id: context.user.id, updated_at: now };\n` +
    `  const res = await coll.updateOne({ _id: payload._id }, { $set: doc }, { upsert: true });\n` +
    (i % 2 === 0 ? `  console.log("${name} wrote", JSON.stringify(res));\n` : '') +
    `  return { ok: true, matched: res.matchedCount, at: now.toISOString() };\n};\n`
  );
}

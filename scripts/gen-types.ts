/**
 * Generates src/generated/openapi.ts from openapi.yaml with openapi-typescript.
 * `--check` writes nothing and exits 1 when the committed file is stale (CI runs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(__dirname, '..');
const specPath = path.join(root, 'openapi.yaml');
const outPath = path.join(root, 'src', 'generated', 'openapi.ts');

async function main(): Promise<void> {
  const ast = await openapiTS(pathToFileURL(specPath));
  const header =
    '/* eslint-disable */\n// Generated from openapi.yaml by `npm run gen:types`. Do not edit by hand.\n\n';
  const output = header + astToString(ast);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (current !== output) {
      console.error(
        'src/generated/openapi.ts is stale: run `npm run gen:types` and commit the result.',
      );
      process.exit(1);
    }
    console.log('generated types are up to date');
    return;
  }
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, output);
  console.log(`wrote ${path.relative(root, outPath)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROVIDER_TYPE_NAMES, rulesFor } from './registry';

interface Spec {
  components: { schemas: { ProviderType: { enum: string[] } } };
}

const spec = YAML.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'openapi.yaml'), 'utf8'),
) as Spec;

describe('provider registry', () => {
  it('has each of the spec’s provider types once', () => {
    expect(new Set(PROVIDER_TYPE_NAMES).size).toBe(PROVIDER_TYPE_NAMES.length);
    expect([...PROVIDER_TYPE_NAMES].sort()).toEqual(
      [...spec.components.schemas.ProviderType.enum].sort(),
    );
  });

  it('has rules for every type and none for other names', () => {
    for (const type of PROVIDER_TYPE_NAMES) expect(rulesFor(type)).toBeDefined();
    for (const name of ['oauth2', 'mongodb-cloud', '__proto__', 'constructor', 'toString', ''])
      expect(rulesFor(name)).toBeUndefined();
  });
});

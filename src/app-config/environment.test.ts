import { defaultAppConfig, type AppConfig } from './app-config.types';
import { functionEnvironment } from './environment';

function config(tag: AppConfig['environment']['tag']): AppConfig {
  return {
    ...defaultAppConfig(),
    environment: { tag },
    environment_values: [
      { _id: 'a', name: 'url', values: { none: 'local', qa: 'qa-url' }, last_modified: 0 },
      { _id: 'b', name: 'nullable', values: { qa: null }, last_modified: 0 },
      { _id: 'c', name: 'unset', values: {}, last_modified: 0 },
    ],
  };
}

describe('functionEnvironment', () => {
  it("resolves values for the tag, 'none' for no tag; unset ones are absent, null is kept", () => {
    expect(functionEnvironment(config(''))).toEqual({ tag: '', values: { url: 'local' } });
    expect(functionEnvironment(config('qa'))).toEqual({
      tag: 'qa',
      values: { url: 'qa-url', nullable: null },
    });
    expect(functionEnvironment(config('production'))).toEqual({ tag: 'production', values: {} });
  });

  it('is resolved once for a frozen (deployed) config, each time for a mutable one', () => {
    const frozen = Object.freeze(config('qa'));
    expect(functionEnvironment(frozen)).toBe(functionEnvironment(frozen));
    const draft = config('qa');
    const first = functionEnvironment(draft);
    draft.environment = { tag: '' };
    expect(functionEnvironment(draft)).not.toBe(first);
    expect(functionEnvironment(draft).tag).toBe('');
  });
});

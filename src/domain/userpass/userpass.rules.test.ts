import {
  checkEmail,
  checkPassword,
  confirmationMode,
  linkWithToken,
  resetMode,
} from './userpass.rules';

const provider = (config: Record<string, unknown>) => ({
  _id: '65a000000000000000000001',
  name: 'local-userpass',
  type: 'local-userpass',
  disabled: false,
  config,
});

describe('userpass rules', () => {
  it('reads the confirmation and reset modes from the provider config', () => {
    expect(confirmationMode(provider({ autoConfirm: true }))).toBe('auto');
    expect(confirmationMode(provider({ runConfirmationFunction: true }))).toBe('function');
    expect(confirmationMode(provider({ emailConfirmationUrl: 'https://x.io/c' }))).toBe('email');
    expect(resetMode(provider({ runResetFunction: true }))).toBe('function');
    expect(resetMode(provider({}))).toBe('email');
  });

  it('counts password characters, not UTF-16 units', () => {
    expect(() => checkPassword('abcdef')).not.toThrow();
    expect(() => checkPassword('abcde')).toThrow('between 6 and 128');
    expect(() => checkPassword('😀'.repeat(128))).not.toThrow();
    expect(() => checkPassword('😀'.repeat(129))).toThrow('between 6 and 128');
  });

  it('wants a plausible address only when an email must be delivered', () => {
    for (const ok of ['a@b.co', 'first.last+tag@sub.example.org'])
      expect(() => checkEmail(ok, true)).not.toThrow();
    for (const bad of ['plain', 'a@b', 'a b@c.io', '@b.io', 'a@.io', 'a@b.'])
      expect(() => checkEmail(bad, true)).toThrow('not a valid email address');
    expect(() => checkEmail('plain', false)).not.toThrow();
    expect(() => checkEmail('', false)).toThrow('email is required');
  });

  it('adds token and tokenId to the configured URL, keeping its own query', () => {
    expect(linkWithToken('https://x.io/confirm?lang=en', 'a-b_c', '65a0')).toBe(
      'https://x.io/confirm?lang=en&token=a-b_c&tokenId=65a0',
    );
  });
});

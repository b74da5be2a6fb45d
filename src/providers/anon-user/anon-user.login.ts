import { randomInt } from 'node:crypto';
import { newObjectIdHex } from '../../db/object-id';
import type { LoginProvider } from '../login-provider';

function lowercaseLetters(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + randomInt(26));
  return s;
}

/** Anonymous login: every call is a new user with one identity `<24 hex>-<24 letters>`. */
export const anonUserProvider: LoginProvider = {
  authenticate: () =>
    Promise.resolve({
      externalId: `${newObjectIdHex()}-${lowercaseLetters(24)}`,
      data: {},
      alwaysNewUser: true,
    }),
};

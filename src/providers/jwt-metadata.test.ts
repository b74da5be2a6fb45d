import { UnauthorizedError } from '../errors/app-error';
import { jwtMetadataFields, mapJwtMetadata } from './jwt-metadata';

describe('jwtMetadataFields', () => {
  it('defaults field_name to the last path segment', () => {
    expect(
      jwtMetadataFields([
        { name: 'location.primary.city', required: false },
        { name: 'claims.https://example\\.com/id', required: true, field_name: '' },
        { name: 'email', required: false, field_name: 'mail' },
      ]),
    ).toEqual([
      {
        path: 'location.primary.city',
        segments: ['location', 'primary', 'city'],
        fieldName: 'city',
        required: false,
      },
      {
        path: 'claims.https://example\\.com/id',
        segments: ['claims', 'https://example.com/id'],
        fieldName: 'https://example.com/id',
        required: true,
      },
      { path: 'email', segments: ['email'], fieldName: 'mail', required: false },
    ]);
  });

  it('skips entries that cannot be used', () => {
    expect(jwtMetadataFields([null, 'sub', { name: 'a..b' }, { name: 7 }])).toEqual([]);
    expect(jwtMetadataFields(undefined)).toEqual([]);
  });
});

describe('mapJwtMetadata', () => {
  const fields = jwtMetadataFields([
    { name: 'location.primary.city', required: false },
    { name: 'a\\.b', required: false, field_name: 'ab' },
    { name: 'user.__proto__', required: false, field_name: '__proto__' },
  ]);

  it('reads nested own properties only, and literal dotted names', () => {
    const claims = JSON.parse(
      '{"location":{"primary":{"city":"Oslo"}},"a.b":1,"a":{"b":2},"user":{"__proto__":{"x":1}}}',
    ) as Record<string, unknown>;
    const data = mapJwtMetadata(claims, fields);
    expect(data).toEqual({ city: 'Oslo', ab: 1, ['__proto__']: { x: 1 } });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(mapJwtMetadata({ location: { primary: 'Oslo' } }, fields)).toEqual({});
    expect(mapJwtMetadata({ location: [{ city: 'x' }] }, fields)).toEqual({});
    expect(mapJwtMetadata({ toString: 'x' }, jwtMetadataFields([{ name: 'constructor' }]))).toEqual(
      {},
    );
  });

  it('refuses a missing required field with App Services message', () => {
    const required = jwtMetadataFields([{ name: 'sub', required: true }]);
    expect(() => mapJwtMetadata({}, required)).toThrow(
      new UnauthorizedError("expected field 'sub' to be in token metadata", 'AuthError'),
    );
    expect(() => mapJwtMetadata({ sub: null }, required)).toThrow(UnauthorizedError);
  });
});

import { UnauthorizedError } from '../../errors/app-error';
import { field, mapOAuth2Metadata, type MetadataSources } from './oauth2-metadata';

const SOURCES: MetadataSources = {
  name: field('name'),
  first_name: field('given_name'),
  picture: field('picture'),
  min_age: (p) => (p.age_range as { min?: unknown } | undefined)?.min,
  email: field('email'),
};

const PROFILE = {
  name: 'Ann',
  given_name: 'A',
  picture: 'https://pics.example.com/a.png',
  age_range: { min: 21 },
  email: { not: 'a string' },
  unmapped: 'never copied',
};

describe('mapOAuth2Metadata', () => {
  it('copies only the configured fields, as strings; picture also as picture_url', () => {
    expect(
      mapOAuth2Metadata(PROFILE, SOURCES, [
        { name: 'name', required: false },
        { name: 'picture', required: true },
        { name: 'min_age', required: false },
      ]),
    ).toEqual({
      name: 'Ann',
      picture: 'https://pics.example.com/a.png',
      picture_url: 'https://pics.example.com/a.png',
      min_age: '21',
    });
  });

  it('leaves out optional fields that are absent, empty, not text or too long', () => {
    const fields = ['email', 'gender', 'first_name'].map((name) => ({
      name: name as 'email',
      required: false,
    }));
    expect(mapOAuth2Metadata({ ...PROFILE, given_name: '' }, SOURCES, fields)).toEqual({});
    expect(
      mapOAuth2Metadata({ name: 'x'.repeat(4097) }, SOURCES, [{ name: 'name', required: false }]),
    ).toEqual({});
  });

  it("fails a required field the provider does not give with App Services' message", () => {
    const run = () => mapOAuth2Metadata(PROFILE, SOURCES, [{ name: 'email', required: true }]);
    expect(run).toThrow(UnauthorizedError);
    expect(run).toThrow("expected field 'email' to be in token metadata");
    // A name the provider never gives (no source) is missing too.
    expect(() => mapOAuth2Metadata(PROFILE, SOURCES, [{ name: 'gender', required: true }])).toThrow(
      "expected field 'gender' to be in token metadata",
    );
  });
});

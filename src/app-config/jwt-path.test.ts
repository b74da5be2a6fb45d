import { jwtPathSegments } from './jwt-path';

describe('jwtPathSegments', () => {
  it.each([
    ['sub', ['sub']],
    ['user.name', ['user', 'name']],
    ['jwt.field.path', ['jwt', 'field', 'path']],
    ['claims.a\\.b.c', ['claims', 'a.b', 'c']],
    ['https://example\\.com/roles', ['https://example.com/roles']],
    ['a\\b', ['a\\b']],
  ])('%s', (path, segments) => {
    expect(jwtPathSegments(path)).toEqual(segments);
  });

  it.each(['', '.', 'a.', '.a', 'a..b', 'a\\'])('refuses %j', (path) => {
    expect(jwtPathSegments(path)).toBeUndefined();
  });
});

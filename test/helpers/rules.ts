import type { AdminSession } from './factories';
import type { TestServer } from './test-server';

/** The README's example: each user reads and writes their own document of myapp.users. */
export const THIS_USER_RULE = {
  database: 'myapp',
  collection: 'users',
  roles: [
    {
      name: 'ThisUser',
      apply_when: { user_id: '%%user.id' },
      insert: false,
      read: true,
      write: true,
      search: false,
      delete: false,
    },
  ],
  filters: [],
};

/** The rule path of a data source of the app at `base`. */
export const rulesPath = (base: string, serviceId: string): string =>
  `${base}/services/${serviceId}/rules`;
export const defaultRulePath = (base: string, serviceId: string): string =>
  `${base}/services/${serviceId}/default_rule`;

/** POSTs a rule; the response is returned (its status is the caller's to check). */
export function postRule(
  srv: TestServer,
  session: AdminSession,
  base: string,
  serviceId: string,
  body: Record<string, unknown>,
) {
  return srv.api.post(rulesPath(base, serviceId)).set('Authorization', session.auth).send(body);
}

import { adminLogin, createApp, GROUP_A, GROUP_B, type AdminSession } from './factories';
import { appPath } from './config-resources';
import { startTestServer, type TestServer } from './test-server';

/** What `ownersSuite` sets up; its fields are filled in by the jest hooks it registers. */
export interface OwnersSuite {
  srv: TestServer;
  /** The owner of group A, where the app lives; `ownerB` owns group B (for access tests). */
  ownerA: AdminSession;
  ownerB: AdminSession;
  /** A new app of group A for each test, and its Admin API path. */
  appId: string;
  base: string;
}

/**
 * The prologue of the config resource suites: one server for the file, the owners of groups A
 * and B, and a fresh app of group A before each test. Call it at the top level of a test file.
 */
export function ownersSuite(): OwnersSuite {
  const t = {} as OwnersSuite;
  beforeAll(async () => {
    t.srv = await startTestServer();
    t.ownerA = await adminLogin(t.srv, { groupId: GROUP_A });
    t.ownerB = await adminLogin(t.srv, { groupId: GROUP_B });
  });
  beforeEach(async () => {
    t.appId = (await createApp(t.srv, t.ownerA))._id;
    t.base = appPath(GROUP_A, t.appId);
  });
  afterAll(() => t.srv.close());
  return t;
}

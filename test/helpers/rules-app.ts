import { ObjectId } from 'bson';
import * as Realm from 'realm-web';
import { appPath, createDataSource, createIn } from './config-resources';
import { createApp, GROUP_A, type AdminSession } from './factories';
import { postRule } from './rules';
import type { ListeningServer, TestServer } from './test-server';
import { addUserpassProvider, AUTO_CONFIRM } from './userpass';

/** A database of its own for each app, so that test files sharing the database server do not meet. */
export const freshDatabase = () => `rules_${new ObjectId().toHexString().slice(-10)}`;

/** The seed 000 user creation function, writing to `database`.users. */
export const creationFunction = (
  database: string,
  extra = '',
) => `exports = async function onUserCreation(user) {
  await context.services.get("mongodb-atlas").db("${database}").collection("users").insertOne({
    user_id: user.id,
    favorite_color: "blue",${extra}
  });
};`;

export interface RulesApp {
  appId: string;
  base: string;
  serviceId: string;
  database: string;
  realm: Realm.App;
}

/**
 * An app with email/password logins, the `mongodb-atlas` data source, custom user data in
 * `<database>.users` (user_id), and the seed 000 user creation function writing each new user's
 * document (with `extra` fields), as system. `rule`, when given, is the rule of that collection.
 */
export async function rulesApp(
  srv: TestServer,
  http: ListeningServer,
  admin: AdminSession,
  options: { extra?: string; rule?: Record<string, unknown> } = {},
): Promise<RulesApp> {
  const app = await createApp(srv, admin);
  const base = appPath(GROUP_A, app._id);
  const database = freshDatabase();
  await addUserpassProvider(srv, admin, app._id, AUTO_CONFIRM);
  const service = await createDataSource(srv, admin, base);
  const fn = await createIn(srv, admin, base, 'functions', {
    name: 'onUserCreation',
    source: creationFunction(database, options.extra),
    private: true,
  });
  await srv.api
    .patch(`${base}/custom_user_data`)
    .set('Authorization', admin.auth)
    .send({
      enabled: true,
      mongo_service_id: service._id,
      database_name: database,
      collection_name: 'users',
      user_id_field: 'user_id',
      on_user_creation_function_id: fn._id,
    })
    .expect(204);
  if (options.rule)
    await postRule(srv, admin, base, service._id, {
      database,
      collection: 'users',
      ...options.rule,
    }).expect(201);
  return {
    appId: app._id,
    base,
    serviceId: service._id,
    database,
    realm: new Realm.App({ id: app.client_app_id, baseUrl: http.baseUrl }),
  };
}

/** Registers and logs in an email/password user of the app through realm-web. */
export async function userOf(app: RulesApp, email: string): Promise<Realm.User> {
  await app.realm.emailPasswordAuth.registerUser({ email, password: 'secret1' });
  return app.realm.logIn(Realm.Credentials.emailPassword(email, 'secret1'));
}

/** The users collection as the SDK's MongoDB client sees it for `user`. */
export const usersOf = (app: RulesApp, user: Realm.User) =>
  user.mongoClient('mongodb-atlas').db(app.database).collection('users');

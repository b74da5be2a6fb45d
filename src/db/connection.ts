import mongoose from 'mongoose';

/**
 * One Mongoose connection per server (not the global default), so tests and tools can hold
 * several side by side. Models are registered on it by their resource modules.
 */
/** The database connection, named here so that code outside the data layers need not import mongoose. */
export type DbConnection = mongoose.Connection;

export async function connectDatabase(uri: string, dbName: string): Promise<mongoose.Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
    autoCreate: true,
  });
  await conn.asPromise();
  return conn;
}

/** True when the database answers a ping within the timeout. */
export async function pingDatabase(conn: mongoose.Connection, timeoutMs = 2000): Promise<boolean> {
  const db = conn.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

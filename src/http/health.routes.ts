import { pingDatabase, type DbConnection } from '../db/connection';
import { sendJson } from './json';
import type { Handler, HandlerTable } from './typed-handler';

export function healthHandlers(conn: DbConnection): Pick<HandlerTable, 'getHealth'> {
  const getHealth: Handler = async (_req, res) => {
    const up = await pingDatabase(conn);
    // 503 is a documented response of this operation, so it is written here, not thrown.
    sendJson(res, up ? 200 : 503, { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' });
  };
  return { getHealth };
}

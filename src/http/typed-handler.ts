import type { NextFunction, Request, Response } from 'express';
import type { operations } from '../generated/openapi';
import { sendEmpty, sendJson } from './json';

export type OperationId = keyof operations;
type Op<K extends OperationId> = operations[K];

type JsonContent<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;

export type RequestBody<K extends OperationId> =
  Op<K> extends { requestBody?: infer R } ? JsonContent<NonNullable<R>> : undefined;
export type PathParams<K extends OperationId> = Op<K>['parameters'] extends { path: infer P }
  ? P
  : Record<string, never>;
export type QueryParams<K extends OperationId> = Op<K>['parameters'] extends { query?: infer Q }
  ? NonNullable<Q>
  : Record<string, never>;

type Responses<K extends OperationId> = Op<K>['responses'];
/** Only the success statuses a handler may return; errors are thrown as AppErrors. */
type SuccessStatus<K extends OperationId> = Extract<keyof Responses<K>, 200 | 201 | 202 | 204>;

export type Reply<K extends OperationId> = {
  [S in SuccessStatus<K>]: JsonContent<Responses<K>[S]> extends undefined
    ? { status: S; body?: undefined }
    : { status: S; body: JsonContent<Responses<K>[S]> };
}[SuccessStatus<K>];

export interface HandlerContext<K extends OperationId> {
  readonly req: Request;
  readonly res: Response;
  readonly body: RequestBody<K>;
  readonly params: PathParams<K>;
  readonly query: QueryParams<K>;
}

export type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>;

/**
 * Wraps a typed handler: the request was already validated against openapi.yaml, so its body,
 * params and query have the generated types; the reply's status and body are checked against the
 * operation's documented success responses at compile time.
 */
export function handler<K extends OperationId>(
  fn: (ctx: HandlerContext<K>) => Promise<Reply<K>>,
): Handler {
  return async (req, res) => {
    const reply = (await fn({
      req,
      res,
      body: req.body as RequestBody<K>,
      params: req.params as PathParams<K>,
      query: req.query as QueryParams<K>,
    })) as { status: number; body?: unknown };
    if (reply.body === undefined) sendEmpty(res, reply.status);
    else sendJson(res, reply.status, reply.body);
  };
}

/** Every operation in openapi.yaml must have exactly one handler (checked by the compiler too). */
export type HandlerTable = Record<OperationId, Handler>;

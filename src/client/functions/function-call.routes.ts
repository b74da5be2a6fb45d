import { ForbiddenError } from '../../errors/app-error';
import { decodeArguments, requestInfo } from '../../functions/function-request';
import { handler, type HandlerTable } from '../../http/typed-handler';
import { userPrincipal } from '../client.routes';
import type { FunctionCallService } from './function-call.service';

export function functionCallHandlers(
  calls: FunctionCallService,
): Pick<HandlerTable, 'clientCallFunction'> {
  return {
    clientCallFunction: handler<'clientCallFunction'>(async ({ req, params, body }) => {
      const principal = userPrincipal(req);
      if (principal.app.clientAppId !== params.client_app_id) {
        throw new ForbiddenError(
          `the access token is not for app "${params.client_app_id}"`,
          'UserAppDomainMismatch',
        );
      }
      const resultEjson = await calls.call(
        principal,
        { name: body.name, args: decodeArguments(body.arguments), service: body.service },
        requestInfo(req),
      );
      return { status: 200, body: JSON.parse(resultEjson) as unknown };
    }),
  };
}

import { handler, type HandlerTable } from '../../http/typed-handler';
import type { UserpassService } from './userpass.service';

type UserpassOps =
  | 'clientUserpassRegister'
  | 'clientUserpassConfirm'
  | 'clientUserpassResendConfirmation'
  | 'clientUserpassSendReset'
  | 'clientUserpassResetPassword'
  | 'clientUserpassRetryConfirmation'
  | 'clientUserpassCallResetFunction';

/** The local-userpass sub-routes of the Client API (login is the generic clientLogin). */
export function userpassHandlers(userpass: UserpassService): Pick<HandlerTable, UserpassOps> {
  return {
    clientUserpassRegister: handler<'clientUserpassRegister'>(async ({ req, params, body }) => {
      await userpass.register(params.client_app_id, body.email, body.password, req.ip);
      return { status: 201 };
    }),
    clientUserpassConfirm: handler<'clientUserpassConfirm'>(async ({ params, body }) => {
      await userpass.confirm(params.client_app_id, body.token, body.tokenId);
      return { status: 204 };
    }),
    clientUserpassResendConfirmation: handler<'clientUserpassResendConfirmation'>(
      async ({ params, body }) => {
        await userpass.resendConfirmation(params.client_app_id, body.email);
        return { status: 204 };
      },
    ),
    clientUserpassSendReset: handler<'clientUserpassSendReset'>(async ({ params, body }) => {
      await userpass.sendReset(params.client_app_id, body.email);
      return { status: 204 };
    }),
    clientUserpassResetPassword: handler<'clientUserpassResetPassword'>(
      async ({ params, body }) => {
        await userpass.resetPassword(params.client_app_id, body.token, body.tokenId, body.password);
        return { status: 204 };
      },
    ),
    // (handlers: userpass functions)
    clientUserpassRetryConfirmation: handler<'clientUserpassRetryConfirmation'>(
      async ({ req, params, body }) => {
        await userpass.retryConfirmation(params.client_app_id, body.email, req.ip);
        return { status: 204 };
      },
    ),
    clientUserpassCallResetFunction: handler<'clientUserpassCallResetFunction'>(
      async ({ req, params, body }) => {
        await userpass.callResetFunction(
          params.client_app_id,
          body.email,
          body.password,
          body.arguments ?? [],
          req.ip,
        );
        return { status: 204 };
      },
    ),
  };
}

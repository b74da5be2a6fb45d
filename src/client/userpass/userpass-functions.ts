import type { AuthProviderConfig, FunctionConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-app';
import type { FunctionRunner } from '../../functions/function-runner';
import { verifySecret } from '../../security/hashing';
import { providerFunction } from '../../providers/provider-function';
import type { UserpassAccounts } from '../../domain/userpass/userpass-accounts';
import type { UserpassAccountDoc } from '../../domain/userpass/userpass.model';
import type { UserpassTokens } from '../../domain/userpass/userpass-tokens';

/** What a confirmation or reset function decided; `reason` says why a non-`fail` answer failed. */
export type FunctionOutcome =
  { status: 'success' | 'pending' } | { status: 'fail'; reason?: string };

const STATUSES = ['success', 'pending', 'fail'] as const;

/**
 * The local-userpass flows decided by the app's functions. Each run gets a real, stored,
 * single-use token (`token`, `tokenId`) the function may deliver out of band: `success` applies
 * the change at once and discards the token; `pending` changes nothing and leaves the token for
 * the client's later `/confirm` or `/reset`; `fail` (also a throw, a timeout or a return of
 * another shape) changes nothing and discards the token. Functions run as the system user and
 * are never logged with their arguments (tokens, passwords).
 */
export class UserpassFunctionFlows {
  constructor(
    private readonly functions: FunctionRunner,
    private readonly accounts: UserpassAccounts,
    private readonly tokens: UserpassTokens,
  ) {}

  /** Runs the confirmation function `({token, tokenId, username})` for a pending account. */
  async confirm(
    app: DeployedApp,
    provider: AuthProviderConfig,
    account: UserpassAccountDoc,
  ): Promise<FunctionOutcome> {
    const fn = providerFunction(this.functions, app, provider, 'confirmationFunction');
    const { token, tokenId } = await this.tokens.issue(account.app_id, account._id, 'confirm');
    const outcome = await this.run(app, fn, [{ token, tokenId, username: account.email }]);
    if (outcome.status === 'success') await this.accounts.confirm(app.appId, account._id);
    if (outcome.status !== 'pending') await this.tokens.discard(tokenId);
    return outcome;
  }

  /**
   * Runs the reset function `({username, password, token, tokenId, currentPasswordValid},
   * ...args)`, where `password` is the new password and `currentPasswordValid` says whether it
   * is the account's current one. `success` sets it.
   */
  async reset(
    app: DeployedApp,
    provider: AuthProviderConfig,
    account: UserpassAccountDoc,
    password: string,
    args: readonly unknown[],
  ): Promise<FunctionOutcome> {
    const fn = providerFunction(this.functions, app, provider, 'resetFunction');
    const currentPasswordValid = await verifySecret(account.password_hash, password);
    const { token, tokenId } = await this.tokens.issue(account.app_id, account._id, 'reset');
    const outcome = await this.run(app, fn, [
      { username: account.email, password, token, tokenId, currentPasswordValid },
      ...args,
    ]);
    if (outcome.status === 'success')
      await this.accounts.setPassword(app.appId, account._id, password);
    if (outcome.status !== 'pending') await this.tokens.discard(tokenId);
    return outcome;
  }

  private async run(
    app: DeployedApp,
    fn: FunctionConfig,
    args: unknown[],
  ): Promise<FunctionOutcome> {
    const execution = await this.functions.execute({
      app,
      target: { fn },
      args,
      runAsSystem: true,
      log: { arguments: false },
    });
    if (!execution.ok) return { status: 'fail', reason: execution.failure.message };
    const result = execution.result as { status?: unknown } | null | undefined;
    const status = typeof result === 'object' && result !== null ? result.status : undefined;
    const known = STATUSES.find((s) => s === status);
    if (known) return { status: known };
    return {
      status: 'fail',
      reason: `the ${fn.name} function must return { status: "success" | "pending" | "fail" }`,
    };
  }
}

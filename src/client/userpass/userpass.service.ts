import { type ObjectId } from '../../db/object-id';
import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-app';
import {
  InvalidInputError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
} from '../../errors/app-error';
import { accountKey, loginAccount } from '../login/rate-limit';
import type { LoginRateLimiter } from '../../domain/rate-limits/login-rate-limiter';
import type { Mailer } from './mailer';
import { decodeEjsonInput } from '../../providers/provider-function';
import type { UserpassAccounts } from '../../domain/userpass/userpass-accounts';
import type { FunctionOutcome, UserpassFunctionFlows } from './userpass-functions';
import type { UserpassAccountDoc } from '../../domain/userpass/userpass.model';
import {
  checkEmail,
  checkPassword,
  confirmationMode,
  linkWithToken,
  resetMode,
} from '../../domain/userpass/userpass.rules';
import {
  USERPASS_TOKEN_TTL_SECONDS,
  type UserpassTokens,
} from '../../domain/userpass/userpass-tokens';

/** Ends every session of a user (UserAccounts.logout). */
export type SessionRevoker = (userId: ObjectId) => Promise<void>;

interface Scope {
  app: DeployedApp;
  provider: AuthProviderConfig;
}

const MINUTES = USERPASS_TOKEN_TTL_SECONDS / 60;
const userNotFound = () => new NotFoundError('user not found', 'UserNotFound');

/** `fail` as the client sees it; why a throw or a malformed return failed is appended. */
function outcomeError(message: string, outcome: Extract<FunctionOutcome, { status: 'fail' }>) {
  return new InvalidInputError(
    outcome.reason ? `${message}: ${outcome.reason}` : message,
    'BadRequest',
  );
}

/**
 * The email/password flows of the Client API besides login: register, confirm (by email link or
 * by the app's confirmation function), resend the confirmation or run the function again, send a
 * reset link, reset, and reset through the app's reset function. Nothing is created when the
 * email or the function a registration depends on fails. Every request that runs a user function
 * counts as a login attempt from its IP address (they are unauthenticated and cost CPU).
 */
export class UserpassService {
  constructor(
    private readonly findApp: (clientAppId: string) => Promise<DeployedApp>,
    private readonly accounts: UserpassAccounts,
    private readonly tokens: UserpassTokens,
    private readonly mailer: Mailer,
    private readonly revokeSessions: SessionRevoker,
    private readonly flows: UserpassFunctionFlows,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async register(clientAppId: string, email: string, password: string, ip?: string): Promise<void> {
    const { app, provider } = await this.scope(clientAppId);
    checkPassword(password);
    const mode = confirmationMode(provider);
    checkEmail(email, mode !== 'auto');
    if (mode === 'email') this.requireMail(provider, 'emailConfirmationUrl');
    if (mode === 'function') await this.limiter.attemptFrom(ip);
    const account = await this.accounts.create(
      app.appId,
      email,
      password,
      mode === 'auto' ? 'confirmed' : 'pending',
    );
    // An email registered again gets its deleted account's _id back: that account's links must
    // not apply to this one.
    await this.tokens.forget(account._id);
    if (mode === 'auto') return;
    try {
      if (mode === 'email') await this.sendConfirmation(provider, account);
      else await this.confirmByFunction({ app, provider }, account);
    } catch (err) {
      // No email sent or the function said no: no account, and the address can register again.
      await this.tokens.forget(account._id);
      await this.accounts.remove(account._id);
      throw err;
    }
  }

  /**
   * Runs the confirmation function again for a pending account (`/confirm/call`). A `fail`
   * leaves the account pending, as it was.
   */
  async retryConfirmation(clientAppId: string, email: string, ip?: string): Promise<void> {
    const scope = await this.scope(clientAppId);
    const mode = confirmationMode(scope.provider);
    if (mode !== 'function') {
      const why =
        mode === 'auto'
          ? 'automatic confirmation is enabled'
          : 'the app confirms new users by email (resend it with /confirm/send)';
      throw new InvalidInputError(`cannot run confirmation for ${email}: ${why}`, 'BadRequest');
    }
    await this.limiter.attemptFrom(ip);
    const account = await this.accounts.byEmail(scope.app.appId, email);
    if (!account) throw userNotFound();
    if (account.status === 'confirmed')
      throw new InvalidInputError('already confirmed', 'UserAlreadyConfirmed');
    await this.confirmByFunction(scope, account);
  }

  async confirm(clientAppId: string, token: string, tokenId: string): Promise<void> {
    const { app } = await this.scope(clientAppId);
    const accountId = await this.tokens.redeem(app.appId, 'confirm', tokenId, token);
    if (!(await this.accounts.confirm(app.appId, accountId)))
      throw new InvalidInputError('invalid token data', 'BadRequest');
  }

  async resendConfirmation(clientAppId: string, email: string): Promise<void> {
    const { app, provider } = await this.scope(clientAppId);
    const account = await this.accounts.byEmail(app.appId, email);
    if (!account) throw userNotFound();
    if (account.status === 'confirmed')
      throw new InvalidInputError('already confirmed', 'UserAlreadyConfirmed');
    if (confirmationMode(provider) !== 'email')
      throw new InvalidInputError('this app does not confirm new users by email', 'BadRequest');
    this.requireMail(provider, 'emailConfirmationUrl');
    await this.sendConfirmation(provider, account);
  }

  async sendReset(clientAppId: string, email: string): Promise<void> {
    const { app, provider } = await this.scope(clientAppId);
    if (resetMode(provider) === 'function')
      throw new InvalidInputError('please use reset password via function', 'BadRequest');
    const account = await this.accounts.byEmail(app.appId, email);
    if (!account) throw userNotFound();
    const url = this.requireMail(provider, 'resetPasswordUrl');
    const { token, tokenId } = await this.tokens.issue(account.app_id, account._id, 'reset');
    await this.mailer.send({
      to: account.email,
      subject: subjectOf(provider, 'resetPasswordSubject', 'Reset your password'),
      text: [
        'Someone asked to reset the password of your account. To choose a new password, open:',
        '',
        linkWithToken(url, token, tokenId),
        '',
        `The link is valid for ${MINUTES} minutes. If you did not ask for this, ignore this email.`,
      ].join('\n'),
    });
  }

  /** Sets the new password and ends every session of the account's user. */
  async resetPassword(
    clientAppId: string,
    token: string,
    tokenId: string,
    password: string,
  ): Promise<void> {
    const { app } = await this.scope(clientAppId);
    checkPassword(password); // before redeeming, so a refused password does not use the token up
    const accountId = await this.tokens.redeem(app.appId, 'reset', tokenId, token);
    const account = await this.accounts.setPassword(app.appId, accountId, password);
    if (!account) throw new InvalidInputError('invalid token data', 'BadRequest');
    if (account.user_id) await this.revokeSessions(account.user_id);
  }

  /**
   * Runs the reset function with the new password (`/reset/call`): `success` sets it and ends
   * every session of the account's user (as a reset by link does), `pending` changes nothing.
   * Each call also counts against the account's login budget: the function is told whether the
   * password is the current one, so its answer can give that away.
   */
  async callResetFunction(
    clientAppId: string,
    email: string,
    password: string,
    args: readonly unknown[],
    ip?: string,
  ): Promise<void> {
    const { app, provider } = await this.scope(clientAppId);
    if (resetMode(provider) !== 'function') {
      throw new InvalidInputError(
        'cannot run the password reset function: the app resets passwords by email (use /reset/send)',
        'BadRequest',
      );
    }
    checkPassword(password);
    const extraArgs = decodeEjsonInput(args, 'arguments');
    await this.limiter.attemptFrom(ip);
    const account = await this.accounts.byEmail(app.appId, email);
    if (!account) throw userNotFound();
    const key = loginAccount('local-userpass', { username: email });
    if (key !== undefined) await this.limiter.attemptFor(accountKey(app.appId, provider.name, key));
    const outcome = await this.flows.reset(app, provider, account, password, extraArgs);
    if (outcome.status === 'fail')
      throw outcomeError(`failed to reset password for user "${email}"`, outcome);
    if (outcome.status === 'success' && account.user_id) await this.revokeSessions(account.user_id);
  }

  private async confirmByFunction(scope: Scope, account: UserpassAccountDoc): Promise<void> {
    const outcome = await this.flows.confirm(scope.app, scope.provider, account);
    if (outcome.status === 'fail')
      throw outcomeError(`failed to confirm user "${account.email}"`, outcome);
  }

  private async sendConfirmation(
    provider: AuthProviderConfig,
    account: UserpassAccountDoc,
  ): Promise<void> {
    const url = this.requireMail(provider, 'emailConfirmationUrl');
    const { token, tokenId } = await this.tokens.issue(account.app_id, account._id, 'confirm');
    await this.mailer.send({
      to: account.email,
      subject: subjectOf(provider, 'confirmEmailSubject', 'Confirm your email address'),
      text: [
        'To finish signing up, confirm your email address:',
        '',
        linkWithToken(url, token, tokenId),
        '',
        `The link is valid for ${MINUTES} minutes. If you did not sign up, ignore this email.`,
      ].join('\n'),
    });
  }

  /** The link URL of an email flow, once it is certain the email can be sent. */
  private requireMail(provider: AuthProviderConfig, urlKey: string): string {
    if (!this.mailer.isConfigured) {
      throw new UnavailableError(
        'this server cannot send email (SMTP is not configured), so email/password confirmation and reset emails are unavailable',
      );
    }
    const url = provider.config?.[urlKey];
    if (typeof url !== 'string' || !URL.canParse(url))
      throw new UnavailableError(`the local-userpass provider has no valid ${urlKey}`);
    return url;
  }

  private async scope(clientAppId: string): Promise<Scope> {
    const app = await this.findApp(clientAppId);
    const provider = app.config.auth_providers.find((p) => p.type === 'local-userpass');
    if (!provider) {
      throw new NotFoundError(
        'authentication provider "local-userpass" is not configured',
        'AuthProviderNotFound',
      );
    }
    if (provider.disabled)
      throw new UnauthorizedError(
        'authentication provider "local-userpass" is disabled',
        'AuthError',
      );
    return { app, provider };
  }
}

function subjectOf(provider: AuthProviderConfig, key: string, fallback: string): string {
  const subject = provider.config?.[key];
  return typeof subject === 'string' && subject.trim() !== '' ? subject : fallback;
}

import type mongoose from 'mongoose';
import type { AuthProviderConfig } from '../../app-config/app-config.types';
import type { DeployedApp } from '../../app-config/deployed-config.reader';
import {
  InvalidInputError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
} from '../../errors/app-error';
import type { Mailer } from '../mail/mailer';
import type { UserpassAccounts } from './userpass-accounts';
import type { UserpassAccountDoc } from './userpass.model';
import {
  checkEmail,
  checkPassword,
  confirmationMode,
  linkWithToken,
  resetMode,
} from './userpass.rules';
import { USERPASS_TOKEN_TTL_SECONDS, type UserpassTokens } from './userpass-tokens';

/** Ends every session of a user (UserAccounts.logout). */
export type SessionRevoker = (userId: mongoose.Types.ObjectId) => Promise<void>;

interface Scope {
  app: DeployedApp;
  provider: AuthProviderConfig;
}

const MINUTES = USERPASS_TOKEN_TTL_SECONDS / 60;
const userNotFound = () => new NotFoundError('user not found', 'UserNotFound');

/**
 * The email/password flows of the Client API besides login: register, confirm, resend the
 * confirmation, send a reset link, reset. Nothing is created when the email that a flow depends
 * on cannot be sent, and a confirmation function (which this server cannot run yet) is refused.
 */
export class UserpassService {
  constructor(
    private readonly findApp: (clientAppId: string) => Promise<DeployedApp>,
    private readonly accounts: UserpassAccounts,
    private readonly tokens: UserpassTokens,
    private readonly mailer: Mailer,
    private readonly revokeSessions: SessionRevoker,
  ) {}

  async register(clientAppId: string, email: string, password: string): Promise<void> {
    const { app, provider } = await this.scope(clientAppId);
    checkPassword(password);
    const mode = confirmationMode(provider);
    checkEmail(email, mode !== 'auto');
    if (mode === 'function') {
      throw new UnavailableError(
        'this app confirms new users with a function, and this server cannot run functions yet',
      );
    }
    if (mode === 'email') this.requireMail(provider, 'emailConfirmationUrl');
    const account = await this.accounts.create(
      app.appId,
      email,
      password,
      mode === 'auto' ? 'confirmed' : 'pending',
    );
    if (mode !== 'email') return;
    try {
      await this.sendConfirmation(provider, account);
    } catch (err) {
      // No email, no account: the address can register again once mail works.
      await this.tokens.forget(account._id);
      await this.accounts.remove(account._id);
      throw err;
    }
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

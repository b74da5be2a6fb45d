import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config/config';
import { UnavailableError } from '../../errors/app-error';
import type { Logger } from '../../logging/logger';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * Sends email. Callers check `isConfigured` before doing work that only makes sense if the email
 * goes out (so nothing is created when it cannot), and `send` fails with a 503 UnavailableError
 * rather than pretending when there is no SMTP server or it refuses the message.
 */
export interface Mailer {
  readonly isConfigured: boolean;
  send(message: MailMessage): Promise<void>;
}

const NOT_CONFIGURED =
  'this server cannot send email: set SMTP_HOST (and the other SMTP_* settings) to enable it';

/** A mailer for a server with no SMTP settings: every send is refused. */
export const noMailer: Mailer = {
  isConfigured: false,
  send: () => Promise.reject(new UnavailableError(NOT_CONFIGURED)),
};

/** SMTP through nodemailer: a connection per email (they are few), so nothing stays open. */
export function smtpMailer(smtp: SmtpConfig, log: Logger): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.auth ? { user: smtp.auth.user, pass: smtp.auth.password } : undefined,
    // A request waits for its email: keep a dead SMTP server from holding it for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    isConfigured: true,
    async send(message) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      } catch (err) {
        // Answered with a documented 503: a warning, with the reason but not the stack.
        const reason = err instanceof Error ? err.message : String(err);
        log.warn({ smtpHost: smtp.host, reason }, 'sending email failed');
        throw new UnavailableError('the email could not be sent; try again later');
      }
    },
  };
}

export function createMailer(smtp: SmtpConfig | undefined, log: Logger): Mailer {
  return smtp ? smtpMailer(smtp, log) : noMailer;
}

import type { AdminLoginResult, AdminTokenService } from '../../domain/admins/admin-token.service';
import type { LoginRateLimiter } from '../../domain/rate-limits/login-rate-limiter';

/**
 * Admin login with its rate limits, checked before the private key is verified (argon2, some
 * tens of ms each): every attempt counts against the client IP, a wrong key pair against the
 * public key (from any IP), and a success clears the public key's count.
 */
export class AdminLoginService {
  constructor(
    private readonly tokens: AdminTokenService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(publicKey: string, privateKey: string, ip?: string): Promise<AdminLoginResult> {
    await this.limiter.attemptFrom(ip);
    return this.limiter.forAccount(publicKey, () => this.tokens.login(publicKey, privateKey));
  }
}

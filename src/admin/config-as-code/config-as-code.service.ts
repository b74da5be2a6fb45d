import type { AppConfig } from '../../app-config/app-config.types';
import { diffConfigs } from '../../app-config/config-diff';
import { jsonEqual } from '../../app-config/json-equal';
import { secretReferenceList, type SecretReference } from '../../app-config/secret-references';
import { InvalidInputError } from '../../errors/app-error';
import type { AppSummary } from '../../domain/apps/app.service';
import type { ConfigStore } from '../../domain/deployments/config-store';
import type { DeploymentConfigs } from '../../domain/deployments/deployment-configs';
import type { DeploymentService } from '../../domain/deployments/deployment.service';
import { secretLengthRules } from '../auth-providers/auth-provider.rules';
import type { SecretValues } from '../auth-providers/auth-provider.service';
import { invalid } from '../../providers/config-checks';
import type { AppDocument } from './app-document';
import { documentToFiles, filesToDocument } from './app-files';
import { exportDocument } from './export-document';
import { importDocument } from './import-document';
import { unzipFiles, zipFiles, type UnzipLimits } from './zip';

export interface ExportRequest {
  /** A deployment's id: export that version instead of the deployed one. */
  deployment?: string;
  template?: boolean;
}

export interface ExportedZip {
  filename: string;
  zip: Uint8Array;
}

/** The app's secrets as an import sees them: their names, and values whose length is limited. */
export interface ImportSecrets extends SecretValues {
  existingNames(appId: string): Promise<Set<string>>;
}

/** What an import was given: the app as one JSON document (the CLI's form), or a zip of it. */
export type ImportBody = { json: unknown } | { zip: Uint8Array };

/**
 * Config as code: the app's config as the App Services app directory (export, pull) and the
 * directory applied back to the app (import, push), replacing items by name. An import is one
 * config change: into the admin's open draft, or deployed at once as one deployment when none is
 * open, so a failing import changes nothing and concurrent imports never mix.
 */
export class ConfigAsCodeService {
  constructor(
    private readonly store: ConfigStore,
    private readonly deployments: DeploymentService,
    private readonly snapshots: DeploymentConfigs,
    private readonly secrets: ImportSecrets,
    private readonly limits: UnzipLimits,
    private readonly now: () => Date,
  ) {}

  async exportDocument(app: AppSummary, request: ExportRequest): Promise<AppDocument> {
    const { config } = await this.exported(app, request);
    return exportDocument(config, app, { template: request.template });
  }

  async exportZip(app: AppSummary, request: ExportRequest): Promise<ExportedZip> {
    const { config, version } = await this.exported(app, request);
    const doc = exportDocument(config, app, { template: request.template });
    return { filename: `${app.name}_v${version}.zip`, zip: zipFiles(documentToFiles(doc)) };
  }

  /**
   * Applies the app in `body` to the config the admin sees. With `diff`, only reports what would
   * change (one line per change, none when identical) after the same checks. Importing what is
   * already deployed, with no draft open, changes nothing (no new deployment).
   */
  async import(
    appId: string,
    adminId: string,
    body: ImportBody,
    options: { diff: boolean },
  ): Promise<string[]> {
    // The config to import into is read while a zip is unzipped; the secrets' names alongside,
    // for the secrets the document names, and handed to the config rules, which check them too
    // (on the first attempt; a retry reads them again).
    const reads = Promise.all([this.store.base(appId, adminId), this.secrets.existingNames(appId)]);
    reads.catch(() => undefined); // awaited below, unless the zip is refused first
    const doc =
      'zip' in body ? filesToDocument(await unzipFiles(body.zip, this.limits)) : body.json;
    const [base, secretNames] = await reads;
    const current = base.config;
    const next = importDocument(doc, current, this.now());
    await this.checkSecrets(appId, next, secretNames);
    if (options.diff) {
      await this.store.check(next, { appId, secretNames });
      return diffConfigs(current, next);
    }
    if (!base.head && jsonEqual(next, current)) return [];
    // Stored over the config it was imported into, unless someone wrote meanwhile: then it is
    // imported again into the config as it is now, and checked again.
    if (await this.store.tryChange(appId, adminId, { ...base, secretNames }, next)) return [];
    await this.store.change(appId, adminId, async (config) => {
      const imported = importDocument(doc, config, this.now());
      await this.checkSecrets(appId, imported, await this.secrets.existingNames(appId));
      Object.assign(config, imported);
    });
    return [];
  }

  private async exported(
    app: AppSummary,
    request: ExportRequest,
  ): Promise<{ config: AppConfig; version: number }> {
    const appId = app._id.toHexString();
    if (request.deployment !== undefined) {
      const deployment = await this.deployments.get(appId, request.deployment);
      return { config: await this.snapshots.get(deployment._id), version: deployment.version };
    }
    return this.store.deployed(appId);
  }

  /**
   * Every secret the imported config names exists (the config rules check it too, but name no
   * file), and secrets whose values have length limits (custom-token keys) hold such values, as
   * the provider API checks.
   */
  private async checkSecrets(
    appId: string,
    config: AppConfig,
    existing: ReadonlySet<string>,
  ): Promise<void> {
    for (const ref of secretReferenceList(config)) {
      if (!existing.has(ref.secret)) {
        throw new InvalidInputError(
          `${referenceFile(ref)}: secret not found: "${ref.secret}" (create it before importing)`,
          'SecretNotFound',
        );
      }
    }
    const limited = config.auth_providers.flatMap((p) =>
      secretLengthRules(p).map((rule) => ({ p, rule })),
    );
    const values = await Promise.all(
      limited.map(({ rule }) => this.secrets.resolve(appId, rule.name)),
    );
    limited.forEach(({ p, rule }, i) => {
      const value = values[i];
      if (value !== undefined && (value.length < rule.min || value.length > rule.max)) {
        throw new InvalidInputError(
          `auth/providers.json: ${p.name}: ${
            invalid(
              p,
              `secret "${rule.name}" (${rule.key}) must hold ${rule.min} to ${rule.max} characters`,
            ).message
          }`,
        );
      }
    });
  }
}

/** Where a secret reference is in the app directory. */
function referenceFile(ref: SecretReference): string {
  switch (ref.kind) {
    case 'value':
      return `values/${ref.name}.json: value`;
    case 'auth provider':
      return `auth/providers.json: ${ref.name}.secret_config.${ref.key ?? ''}`;
    case 'service':
      return `data_sources/${ref.name}/config.json: secret_config.${ref.key ?? ''}`;
  }
}

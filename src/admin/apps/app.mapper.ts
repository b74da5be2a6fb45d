import type { components } from '../../generated/openapi';
import type { EnvironmentConfig } from '../../app-config/app-config.types';
import type { AppSummary } from '../../domain/apps/app.service';

type AppInstance = components['schemas']['AppInstance'];

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/** `environment` is the deployed config's tag (see app-environment.ts), not a field of the app. */
export function toAppInstance(app: AppSummary, environment: EnvironmentConfig['tag']): AppInstance {
  return {
    _id: app._id.toHexString(),
    client_app_id: app.client_app_id,
    domain_id: app.domain_id.toHexString(),
    group_id: app.group_id,
    name: app.name,
    location: app.location as AppInstance['location'],
    deployment_model: app.deployment_model as AppInstance['deployment_model'],
    provider_region: app.provider_region as AppInstance['provider_region'],
    environment,
    product: app.product as AppInstance['product'],
    template_id: app.template_id ?? '',
    last_used: seconds(app.last_used),
    last_modified: seconds(app.last_modified),
  };
}

import type { components } from '../../generated/openapi';
import type { DeploymentDoc } from '../../domain/deployments/deployment.model';

type Deployment = components['schemas']['Deployment'];
type Location = Deployment['remote_location'];

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

export function toDeployment(d: DeploymentDoc, location: string): Deployment {
  return {
    _id: d._id.toHexString(),
    name: d.name || d._id.toHexString(),
    app_id: d.app_id.toHexString(),
    draft_id: d.draft_id,
    user_id: d.user_id,
    deployed_at: seconds(d.deployed_at),
    origin: d.origin,
    commit: '',
    status: d.status,
    status_error_message: d.status_error_message,
    diff_url: '',
    remote_location: location as Location,
  };
}

/** The Diff shape the CLI decodes; only `diffs` carries anything for what we host. */
export function toDiff(lines: string[]): components['schemas']['Diff'] {
  return {
    diffs: lines,
    hosting_files_diff: { added: [], deleted: [], modified: [] },
    dependencies_diff: { added: [], deleted: [], modified: [] },
    graphql_config_diff: { field_diffs: [] },
    schema_options_diff: { graphql_validation_diff: [], rest_validation_diff: [] },
  };
}

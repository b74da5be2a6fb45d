/** Cloud regions, the location each maps to, and which allow the GLOBAL deployment model. */
export const REGION_LOCATION: Readonly<Record<string, string>> = {
  'aws-us-east-1': 'US-VA',
  'aws-us-east-2': 'US-VA',
  'azure-eastus2': 'US-VA',
  'gcp-us-east4': 'US-VA',
  'aws-us-west-2': 'US-OR',
  'azure-westus': 'US-OR',
  'gcp-us-west1': 'US-OR',
  'gcp-us-central1': 'US-VA',
  'aws-eu-west-1': 'IE',
  'aws-eu-west-2': 'IE',
  'gcp-europe-west1': 'IE',
  'aws-eu-central-1': 'DE-FF',
  'azure-westeurope': 'DE-FF',
  'aws-ap-southeast-2': 'AU',
  'aws-ap-south-1': 'IN-MB',
  'azure-eastasia': 'IN-MB',
  'gcp-asia-south1': 'IN-MB',
  'aws-ap-southeast-1': 'SG',
  'azure-southeastasia': 'SG',
  'aws-sa-east-1': 'BR-SP',
};

export const GLOBAL_REGIONS: ReadonlySet<string> = new Set([
  'aws-us-east-1',
  'aws-us-west-2',
  'aws-eu-west-1',
  'aws-ap-southeast-2',
]);

/** The default region for a location: its first AWS region. */
export function defaultRegionFor(location: string): string | undefined {
  return Object.keys(REGION_LOCATION).find(
    (r) => r.startsWith('aws-') && REGION_LOCATION[r] === location,
  );
}

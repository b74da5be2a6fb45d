// Wire types of the Admin API, from the server's generated openapi.yaml types (type-only import).
import type { components } from '../../../src/generated/openapi';

type S = components['schemas'];
export type AdminProfile = S['AdminUser'];
export type AppInstance = S['AppInstance'];
export type Draft = S['DeploymentDraft'];
export type Deployment = S['Deployment'];
export type Diff = S['Diff'];
export type AuthProviderSummary = S['AuthProviderSummary'];
export type AuthProvider = S['AuthProvider'];
export type AuthProviderInput = S['AuthProviderConstructor'];
export type MetadataField = S['AuthProviderMetadataField'];
export type ProviderType = S['ProviderType'];
export type FunctionSummary = S['FunctionSummary'];
export type AppFunction = S['Function'];
export type ServiceSummary = S['ServiceSummary'];
export type CustomUserData = S['CustomUserDataConfig'];
export type ValueSummary = S['ValueSummary'];
export type Value = S['Value'];
export type SecretSummary = S['SecretSummary'];
export type Trigger = S['Trigger'];
export type PendingUser = S['PendingUser'];
export type ApiKeySummary = S['ApiKeySummary'];
export type NewApiKey = S['NewApiKey'];
export type ExecutionResult = S['DebugExecutionResult'];
export type User = S['User'];
export type AppLog = S['AppLog'];
export type AppLogType = S['AppLogType'];

export interface LoginResponse {
  access_token: string;
  refresh_token: string;
  user_id: string;
}

export interface LogsPage {
  logs: AppLog[];
  nextEndDate?: string;
  nextSkip?: number;
}

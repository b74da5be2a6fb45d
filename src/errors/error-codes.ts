/**
 * The closed list of error codes this server emits, spelled as App Services emits them (the
 * vocabulary realm-core and realm-cli know), plus a few for HTTP-level failures App Services
 * leaves uncoded. Add a code here before throwing it anywhere.
 */
export const ERROR_CODES = [
  // App Services vocabulary
  'AuthError',
  'InvalidRedirectURI',
  'BadRequest',
  'InvalidParameter',
  'MissingParameter',
  'MissingAuthReq',
  'InvalidSession',
  'InternalServerError',
  'AuthProviderNotFound',
  'AuthProviderAlreadyExists',
  'AuthProviderDuplicateName',
  'ServiceNotFound',
  'ServiceAlreadyExists',
  'ServiceTypeNotFound',
  'ServiceInUse',
  'ValueNotFound',
  'ValueAlreadyExists',
  'ValueDuplicateName',
  'SecretNotFound',
  'SecretAlreadyExists',
  'SecretInUse',
  'FunctionNotFound',
  'FunctionAlreadyExists',
  'FunctionDuplicateName',
  'FunctionSyntaxError',
  'FunctionInvalid',
  'FunctionInUse',
  'FunctionExecutionError',
  'ExecutionTimeLimitExceeded',
  'APIKeyNotFound',
  'APIKeyAlreadyExists',
  'UserNotFound',
  'UserDisabled',
  'AccountNameInUse',
  'DeploymentNotFound',
  'DraftAlreadyExists',
  'DraftNotFound',
  'DeploymentConflict',
  // (error codes: local-userpass)
  'UserpassTokenInvalid',
  'UserAlreadyConfirmed',
  'InvalidPassword',

  // (error codes: api keys)
  'APIKeyLimitReached',
  'APIKeyInUse',
  'AnonymousUserNotAllowed',

  // (error codes: triggers)
  'TriggerNotFound',
  'TriggerDuplicateName',

  // (error codes: function calls)
  'NotCallable',
  // (error codes: collection rules and the SDKs' MongoDB client)
  'NoMatchingRuleFound',
  'MongoDBError',
  'ServiceCommandNotFound',
  'UserAppDomainMismatch',

  // (error codes: collection rules)
  'RuleNotFound',
  'RuleAlreadyExists',

  // (error codes: environments)
  'EnvironmentValueNotFound',
  'EnvironmentValueDuplicateName',

  // (error codes: admin users)

  // (error codes: custom-token)

  // (error codes: OAuth 2.0 providers) A provider did not answer (502).
  'AuthProviderUnreachable',

  // Admin surface and HTTP-level failures
  'AppNotFound',
  'AppAlreadyExists',
  'GroupAccessDenied',
  'NotFound',
  'MethodNotAllowed',
  'UnsupportedMediaType',
  'PayloadTooLarge',
  'TooManyRequests',
  'ServiceUnavailable',
  // (error codes: CORS)
  'OriginNotAllowed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

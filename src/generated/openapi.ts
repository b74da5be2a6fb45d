/* eslint-disable */
// Generated from openapi.yaml by `npm run gen:types`. Do not edit by hand.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Report whether the server and its database are reachable */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/auth/providers/mongodb-cloud/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in as an administrator with an API key pair
         * @description `username` is the public API key and `apiKey` the private API key. Returns a short-lived
         *     access token (30 minutes by default) and a refresh token (60 days by default).
         */
        post: operations["adminLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/auth/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in administrator and their roles */
        get: operations["getAdminProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get a new access token with the refresh token */
        post: operations["adminCreateSession"];
        /** Revoke the session of the refresh token (log out) */
        delete: operations["adminDeleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin login providers this server offers */
        get: operations["getAdminAuthProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        /**
         * List the apps of a group
         * @description Without `product`, only `standard` apps are listed (the App Services CLI asks for each
         *     product in turn and concatenates the answers). `product` takes a comma-separated list.
         */
        get: operations["adminListApplications"];
        put?: never;
        /** Create an app */
        post: operations["adminCreateApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /** Get an app */
        get: operations["adminGetApplication"];
        put?: never;
        post?: never;
        /** Delete an app and everything it owns */
        delete: operations["adminDeleteApplication"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/auth_providers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /**
         * List the app's authentication providers
         * @description Reads the caller's open draft if they have one, else the deployed config.
         */
        get: operations["adminListAuthProviders"];
        put?: never;
        /**
         * Create an authentication provider
         * @description `name` must equal `type`, and an app has at most one provider of each type (409
         *     `AuthProviderAlreadyExists`). `config`, `secret_config`, `metadata_fields`, `redirect_uris`
         *     and `domain_restrictions` are checked against the provider type (400 otherwise). The server
         *     assigns `_id` (an `_id` in the body is ignored); `disabled` defaults to `false`. With no draft
         *     open the change is deployed at once; with one open it lands in the draft.
         */
        post: operations["adminCreateAuthProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/auth_providers/{providerId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get an authentication provider */
        get: operations["adminGetAuthProvider"];
        put?: never;
        post?: never;
        /** Delete an authentication provider */
        delete: operations["adminDeleteAuthProvider"];
        options?: never;
        head?: never;
        /**
         * Replace an authentication provider's definition
         * @description The body replaces the provider's definition. `_id`, if present, must be the path's id;
         *     `name` and `type` cannot change. A body without `disabled` keeps the current value.
         */
        patch: operations["adminUpdateAuthProvider"];
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/auth_providers/{providerId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Enable an authentication provider
         * @description Fails with 400 when the provider's definition is incomplete for an enabled provider.
         */
        put: operations["adminEnableAuthProvider"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/auth_providers/{providerId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /** Disable an authentication provider */
        put: operations["adminDisableAuthProvider"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /** List the app's secrets (names only; values are never returned) */
        get: operations["adminGetAllSecrets"];
        put?: never;
        /** Create a secret */
        post: operations["adminCreateASecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/secrets/{secretId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                secretId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Rename a secret and/or replace its value
         * @description An empty `value` keeps the stored value. A secret the config uses cannot be renamed (409).
         */
        put: operations["adminModifyASecret"];
        post?: never;
        /** Delete a secret the config does not use */
        delete: operations["adminDeleteSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /** The caller's open draft of the app, as a list of zero or one */
        get: operations["adminListDeploymentDrafts"];
        put?: never;
        /** Open a draft; the caller's later config writes accumulate in it until it is deployed or discarded */
        post: operations["adminCreateDeploymentDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/drafts/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                draftId: components["parameters"]["DraftId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard a draft and the changes in it */
        delete: operations["adminDiscardDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/drafts/{draftId}/deployment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                draftId: components["parameters"]["DraftId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a draft as one unit
         * @description The body is optional (the App Services CLI sends none). If another deployment happened
         *     since the draft was opened, the draft's changes are merged into it; changes to the same
         *     item on both sides are a conflict (409).
         */
        post: operations["adminDeployDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/drafts/{draftId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                draftId: components["parameters"]["DraftId"];
            };
            cookie?: never;
        };
        /** What deploying the draft would change, one readable line per change */
        get: operations["adminDeployDraftDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /** The 25 most recent deployments, newest first */
        get: operations["adminListDeployments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/deployments/{deploymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                deploymentId: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        /** Get a deployment */
        get: operations["adminGetDeployment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/deployments/{deploymentId}/redeploy": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                deploymentId: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deploy the config of an earlier deployment again (roll back) */
        post: operations["adminRedeployDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/deploy/config": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /** How the app deploys changes */
        get: operations["adminGetDeploymentConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change how the app deploys changes */
        patch: operations["adminConfigureDeployment"];
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/location": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        /** Where the SDKs should send this app's requests (this server) */
        get: operations["clientGetLocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        /**
         * The public keys that verify this app's user access tokens (RS256)
         * @description An extension of this server: App Services signs user tokens with a key it keeps to itself.
         *     Here each app has its own RSA key pair, so a backend can verify access tokens offline
         *     (check `aud` = the client app id and `typ` = `access`). Retired keys stay published until
         *     every token they signed has expired.
         */
        get: operations["clientGetJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/{provider}/login": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
                /** @description The provider name (equal to its type). */
                provider: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a user in with a provider's credentials (or link them with `?link=true`)
         * @description The body is the provider's credentials; unknown keys (`provider`, `options`) are ignored.
         *     With `link=true`, send the access token of the user to link the identity to.
         */
        post: operations["clientLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new access token (with fresh custom user data) for a refresh token */
        post: operations["clientRefreshSession"];
        /** Log out (revoke the refresh token's session) */
        delete: operations["clientDeleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user's profile */
        get: operations["clientGetProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the logged-in user, their identities and sessions */
        delete: operations["clientDeleteSelf"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The logged-in user's API keys, oldest first (never their values)
         * @description Like every API key route, authenticated with the user's REFRESH token (as the SDKs send
         *     it). An access token here is refused with 403: a 401 on a refresh-token request makes
         *     realm-core log the user out, and the session is not at fault.
         */
        get: operations["clientListUserApiKeys"];
        put?: never;
        /**
         * Create an API key for the logged-in user (the key is shown only here)
         * @description Logging in with the key (provider `api-key`) logs in as this user. Anonymous users cannot
         *     have keys (403); a user has at most 20 (409 `APIKeyLimitReached`); names are unique per
         *     user (409 `APIKeyAlreadyExists`).
         */
        post: operations["clientCreateUserApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/api_keys/{apiKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        /** One of the logged-in user's API keys (without its value) */
        get: operations["clientGetUserApiKey"];
        put?: never;
        post?: never;
        /**
         * Delete one of the logged-in user's API keys and end the sessions it opened
         * @description The key the current session logged in with cannot be deleted (403).
         */
        delete: operations["clientDeleteUserApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/api_keys/{apiKeyId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Enable one of the logged-in user's API keys (idempotent) */
        put: operations["clientEnableUserApiKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/api_keys/{apiKeyId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Disable one of the logged-in user's API keys (idempotent); ends the sessions it opened */
        put: operations["clientDisableUserApiKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /**
         * List the app's users, 50 per page, by `_id`
         * @description For the next page, pass the last `_id` seen as `after`. `status` and `provider_types` are
         *     not in the official specification but the App Services CLI sends them.
         */
        get: operations["adminListUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/users/verify_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a user access token of this app and return its claims
         * @description A token that is expired, revoked, malformed, of another kind or of another app is
         *     refused with 401 `{"error":"invalid session","error_code":"InvalidSession"}`.
         */
        post: operations["adminVerifyUserAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** One user */
        get: operations["adminGetUser"];
        put?: never;
        post?: never;
        /** Delete a user with its identities, sessions and API keys */
        delete: operations["adminDeleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/users/{userId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /** Enable a user (idempotent) */
        put: operations["adminEnableUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/users/{userId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /** Disable a user (idempotent); its sessions and access tokens stop working at once */
        put: operations["adminDisableUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/users/{userId}/logout": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /** Revoke all of a user's sessions */
        put: operations["adminUserLogout"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        /** List the app's server API keys (never their values) */
        get: operations["adminListApiKeys"];
        put?: never;
        /**
         * Create a server API key (the key is shown only here)
         * @description Creates a server user (`type: server`) that owns the key; logging in with the key
         *     (provider `api-key`) logs in as that user. An app has at most 100 server keys
         *     (409 `APIKeyLimitReached`); names are unique per app (409 `APIKeyAlreadyExists`).
         */
        post: operations["adminCreateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/api_keys/{apiKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** One server API key (without its value) */
        get: operations["adminGetApiKey"];
        put?: never;
        post?: never;
        /** Delete a server API key and the server user that owns it */
        delete: operations["adminDeleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/api_keys/{apiKeyId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /** Enable a server API key (idempotent) */
        put: operations["adminEnableApiKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/api_keys/{apiKeyId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        get?: never;
        /** Disable a server API key (idempotent); ends the sessions it opened */
        put: operations["adminDisableApiKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            /** @description A human-readable message. */
            error: string;
            /** @description A stable */
            error_code: string;
        };
        /** @example 633209ffd3bd3478005d1bac */
        ObjectIdHex: string;
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** @enum {string} */
            database: "up" | "down";
        };
        /** @enum {string} */
        ProviderType: "anon-user" | "local-userpass" | "api-key" | "oauth2-apple" | "oauth2-google" | "oauth2-facebook" | "custom-token" | "custom-function";
        AdminUser: {
            user_id: string;
            domain_id: string;
            identities: {
                id: string;
                provider_type: string;
                provider_id: string;
            }[];
            data: {
                email?: string;
                name?: string;
            };
            /** @enum {string} */
            type: "normal" | "server" | "system" | "unknown";
            roles: {
                /** @enum {string} */
                role_name: "GROUP_OWNER" | "ORG_OWNER";
                /** @description The group id; "" for an organization-wide role. */
                group_id: string;
            }[];
        };
        /** @enum {string} */
        AppProduct: "standard" | "atlas" | "data-api" | "device-sync";
        /** @enum {string} */
        DeploymentModel: "GLOBAL" | "LOCAL";
        /** @enum {string} */
        DeploymentLocation: "US-VA" | "US-OR" | "DE-FF" | "IE" | "AU" | "IN-MB" | "SG" | "BR-SP";
        /** @enum {string} */
        CloudProviderRegionId: "aws-us-east-1" | "aws-us-west-2" | "aws-us-east-2" | "aws-eu-central-1" | "aws-eu-west-1" | "aws-eu-west-2" | "aws-ap-southeast-1" | "aws-ap-southeast-2" | "aws-ap-south-1" | "aws-sa-east-1" | "azure-eastus2" | "azure-westus" | "azure-westeurope" | "azure-eastasia" | "azure-southeastasia" | "gcp-us-central1" | "gcp-us-east4" | "gcp-us-west1" | "gcp-europe-west1" | "gcp-asia-south1";
        /** @enum {string} */
        AppEnvironment: "" | "development" | "testing" | "qa" | "production";
        App: {
            /** @description Starts with a letter; ASCII letters, digits, `_` and `-` only; at most 64 characters. */
            name?: string;
            provider_region?: components["schemas"]["CloudProviderRegionId"];
            location?: components["schemas"]["DeploymentLocation"];
            deployment_model?: components["schemas"]["DeploymentModel"];
            environment?: components["schemas"]["AppEnvironment"];
        };
        AppConstructor: components["schemas"]["App"] & {
            name: string;
            template_id?: string;
            /** @description Accepted for compatibility; a new app's data source is configured through services. */
            data_source?: Record<string, never>;
        };
        AppInstance: components["schemas"]["App"] & {
            _id: components["schemas"]["ObjectIdHex"];
            /** @example myapp-abcde */
            client_app_id: string;
            domain_id: components["schemas"]["ObjectIdHex"];
            group_id: components["schemas"]["ObjectIdHex"];
            /** @description UNIX seconds. */
            last_used: number;
            /** @description UNIX seconds. */
            last_modified: number;
            product: components["schemas"]["AppProduct"];
            template_id?: string;
        };
        DeploymentDraft: {
            _id: components["schemas"]["ObjectIdHex"];
            /** @description The admin who opened the draft. */
            user_id: string;
            app: components["schemas"]["AppInstance"];
        };
        Deployment: {
            _id: components["schemas"]["ObjectIdHex"];
            /** @description Defaults to the deployment's `_id`. */
            name: string;
            app_id: components["schemas"]["ObjectIdHex"];
            /** @description The draft deployed, or "" for a direct write or a redeploy. */
            draft_id: string;
            user_id: string;
            /** @description UNIX seconds. */
            deployed_at: number;
            /** @description `API` (a direct write), `Draft`, or `Redeploy`. */
            origin: string;
            commit: string;
            /** @enum {string} */
            status: "created" | "pending" | "successful" | "failed";
            status_error_message: string;
            diff_url: string;
            remote_location: components["schemas"]["DeploymentLocation"];
        };
        Diff: {
            diffs: string[];
            hosting_files_diff: {
                added: string[];
                deleted: string[];
                modified: string[];
            };
            dependencies_diff: {
                added: Record<string, never>[];
                deleted: Record<string, never>[];
                modified: Record<string, never>[];
            };
            graphql_config_diff: {
                field_diffs: Record<string, never>[];
            };
            schema_options_diff: {
                graphql_validation_diff: Record<string, never>[];
                rest_validation_diff: Record<string, never>[];
            };
        };
        AutomaticDeployment: {
            enabled?: boolean;
            /** @enum {string} */
            provider?: "github";
            installation_ids?: string[];
        };
        DeploymentConfig: {
            ui_drafts_disabled: boolean;
            automatic_deployment: components["schemas"]["AutomaticDeployment"] & unknown;
            /** @description UNIX seconds; 0 if never changed. */
            last_modified: number;
        };
        DeploymentConfigUpdate: {
            ui_drafts_disabled?: boolean;
            automatic_deployment?: components["schemas"]["AutomaticDeployment"];
            /** @description Ignored. */
            last_modified?: number;
        };
        SecretSummary: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
        };
        AuthProviderSummary: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            type: components["schemas"]["ProviderType"];
            disabled: boolean;
        };
        AuthProviderMetadataField: {
            /**
             * @description OAuth 2.0 providers: the profile field (name, first_name, last_name, picture, gender,
             *     birthday, min_age, max_age, email). Custom JWT: a dot path into the JWT (`\.` is a
             *     literal dot).
             */
            name: string;
            required?: boolean;
            /** @description Custom JWT only, and required there; the user-data field that holds the value. */
            field_name?: string;
        };
        AuthProviderConstructor: {
            _id?: components["schemas"]["ObjectIdHex"];
            /** @description Must equal `type`. */
            name: string;
            type: components["schemas"]["ProviderType"];
            disabled?: boolean;
            /** @description Settings of the provider type; unknown keys are refused. */
            config?: {
                [key: string]: unknown;
            };
            /** @description Secret NAMES (never values), e.g. `clientSecret` or custom-token `signingKeys`. */
            secret_config?: {
                [key: string]: string | string[];
            };
            metadata_fields?: components["schemas"]["AuthProviderMetadataField"][];
            /** @description OAuth 2.0 providers only; absolute URLs. */
            redirect_uris?: string[];
            /** @description Google and Facebook only; allowed email domains. */
            domain_restrictions?: string[];
        };
        AuthProvider: components["schemas"]["AuthProviderConstructor"] & {
            _id: components["schemas"]["ObjectIdHex"];
            disabled: boolean;
        };
        ClientLocation: {
            deployment_model: components["schemas"]["DeploymentModel"];
            location: components["schemas"]["DeploymentLocation"];
            /** @description This server, e.g. `https://apps.example.com`. */
            hostname: string;
            /** @description The same server with a ws(s) scheme. */
            ws_hostname: string;
        };
        ClientLoginResponse: {
            access_token: string;
            refresh_token: string;
            user_id: components["schemas"]["ObjectIdHex"];
            device_id: components["schemas"]["ObjectIdHex"];
        };
        ClientIdentity: {
            id: string;
            provider_type: components["schemas"]["ProviderType"];
            provider_id: string;
            provider_data?: {
                [key: string]: unknown;
            };
        };
        ClientProfile: {
            user_id: components["schemas"]["ObjectIdHex"];
            domain_id: components["schemas"]["ObjectIdHex"];
            identities: components["schemas"]["ClientIdentity"][];
            /** @description Metadata from the user's identities. */
            data: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "normal" | "server";
        };
        ApiKeyConstructor: {
            /** @description 1 to 64 ASCII letters, digits, `_` or `-`. */
            name: string;
        };
        ApiKeySummary: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            disabled: boolean;
        };
        NewApiKey: {
            _id: components["schemas"]["ObjectIdHex"];
            /** @description The key, shown only once (the server keeps only a hash). */
            key: string;
            name: string;
            disabled: boolean;
        };
        UserIdentity: {
            id: string;
            provider_type: components["schemas"]["ProviderType"];
            /** @description The provider config's `_id`, or "" (the CLI decodes it as an ObjectId). */
            provider_id: string;
            provider_data?: {
                [key: string]: unknown;
            };
        };
        User: {
            _id: components["schemas"]["ObjectIdHex"];
            identities: components["schemas"]["UserIdentity"][];
            /** @enum {string} */
            type: "normal" | "server";
            /** @description UNIX seconds. */
            creation_date: number;
            /** @description UNIX seconds. */
            last_authentication_date: number;
            disabled: boolean;
            data: {
                [key: string]: unknown;
            };
        };
        VerifiedUserToken: {
            /** @description The user id. */
            sub: string;
            /** @description The client app id. */
            aud?: string;
            exp: number;
            iat: number;
            /** @description The session id. */
            iss: string;
            domain_id: string;
            device_id: string;
            /** @description The custom user data in the token, if any. */
            custom_user_data?: {
                [key: string]: unknown;
            };
            data?: string;
        };
    };
    responses: {
        /** @description Too many attempts; retry after the number of seconds in `Retry-After`. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request is malformed or invalid. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing, invalid, expired or revoked credentials. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The credentials do not grant access to this group. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such resource (or not visible to the caller). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The change conflicts with the current state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description An Atlas project (group) id, 24 hexadecimal characters. */
        GroupId: components["schemas"]["ObjectIdHex"];
        /** @description The app's internal `_id` (not its `client_app_id`). */
        AppId: components["schemas"]["ObjectIdHex"];
        /** @description The app's public App ID, e.g. `myapp-abcde`. */
        ClientAppId: string;
        DraftId: components["schemas"]["ObjectIdHex"];
        DeploymentId: components["schemas"]["ObjectIdHex"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database are up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    adminLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    apiKey: string;
                };
            };
        };
        responses: {
            /** @description Logged in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        refresh_token: string;
                        user_id: components["schemas"]["ObjectIdHex"];
                        device_id: components["schemas"]["ObjectIdHex"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getAdminProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminCreateSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new access token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    adminDeleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is revoked; its access tokens stop working at once. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getAdminAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The providers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        type: string;
                        disabled: boolean;
                    }[];
                };
            };
        };
    };
    adminListApplications: {
        parameters: {
            query?: {
                product?: components["schemas"]["AppProduct"][];
            };
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The apps, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppInstance"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    adminCreateApplication: {
        parameters: {
            query?: {
                /** @description Accepted for compatibility; a new app always starts from the same defaults. */
                defaults?: boolean;
                product?: components["schemas"]["AppProduct"];
            };
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppConstructor"];
            };
        };
        responses: {
            /** @description The new app. It has the `api-key` auth provider, disabled, and no deployments. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppInstance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The app. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppInstance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeleteApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminListAuthProviders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The providers, in creation order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthProviderSummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthProviderConstructor"];
            };
        };
        responses: {
            /** @description The new provider. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthProvider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The provider, as it was last written (secret_config holds secret names). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthProvider"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeleteAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminUpdateAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthProviderConstructor"];
            };
        };
        responses: {
            /** @description Updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminEnableAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled (or already enabled). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDisableAuthProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                providerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled (or already disabled). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetAllSecrets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secrets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretSummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateASecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 1 to 64 letters, digits, "_" or "-". */
                    name: string;
                    /** @description Write-only; stored encrypted. */
                    value: string;
                };
            };
        };
        responses: {
            /** @description The secret (without its value). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminModifyASecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                secretId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    _id?: string;
                    name: string;
                    value: string;
                };
            };
        };
        responses: {
            /** @description Updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDeleteSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                secretId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminListDeploymentDrafts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's drafts (App Services allows one per admin per app). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentDraft"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateDeploymentDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new draft. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentDraft"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The caller already has a draft of this app (`DraftAlreadyExists`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminDiscardDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                draftId: components["parameters"]["DraftId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Discarded. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeployDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                draftId: components["parameters"]["DraftId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description A name for the deployment; "" or absent means its id. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The deployment. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDeployDraftDiff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                draftId: components["parameters"]["DraftId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The diff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Diff"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminListDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminGetDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                deploymentId: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminRedeployDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                deploymentId: components["parameters"]["DeploymentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redeployed as a new deployment. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such deployment (`DeploymentNotFound`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            409: components["responses"]["Conflict"];
        };
    };
    adminGetDeploymentConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentConfig"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminConfigureDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeploymentConfigUpdate"];
            };
        };
        responses: {
            /** @description Updated. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    clientGetLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This server's public base URL for HTTP and WebSocket requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientLocation"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    clientGetJwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Web Key Set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    clientLogin: {
        parameters: {
            query?: {
                link?: boolean;
            };
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
                /** @description The provider name (equal to its type). */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Logged in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientLoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    clientRefreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new access token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    clientDeleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    clientGetProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientProfile"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    clientDeleteSelf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    clientListUserApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeySummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    clientCreateUserApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyConstructor"];
            };
        };
        responses: {
            /** @description The key, with its value. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    clientGetUserApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeySummary"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    clientDeleteUserApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    clientEnableUserApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    clientDisableUserApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The key's `_id`; any other value is simply not found (404). */
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminListUsers: {
        parameters: {
            query?: {
                /** @description Only users after this `_id` (in the sort order). */
                after?: components["schemas"]["ObjectIdHex"];
                sort?: "_id";
                desc?: boolean;
                status?: "enabled" | "disabled";
                /** @description A comma list of provider types; users with an identity of any of them. */
                provider_types?: components["schemas"]["ProviderType"][];
            };
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description At most 50 users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminVerifyUserAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The token's claims. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedUserToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminGetUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminEnableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDisableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminUserLogout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                userId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminListApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeySummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyConstructor"];
            };
        };
        responses: {
            /** @description The key, with its value. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeySummary"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeleteApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminEnableApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDisableApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                apiKeyId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}

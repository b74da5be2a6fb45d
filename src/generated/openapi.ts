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
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/export": {
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
         * Download the app's configuration as a zip of the app directory
         * @description The deployed config (or the deployment named by `deployment`) as the App Services app
         *     directory, config version 20210101 (`realm_config.json`, `auth/`, `data_sources/`,
         *     `environments/`, `functions/`, `triggers/`, `values/`), as `appservices pull` writes it;
         *     collection rules are `data_sources/<name>/<database>/<collection>/rules.json` and
         *     `data_sources/<name>/default_rule.json`, without ids.
         *     Cross-references are names, never ids; secrets appear by name only, never by value. The
         *     same config always gives the same bytes (sorted keys, fixed file order and timestamps).
         */
        get: operations["adminExportApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/pull": {
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
         * Download the app's configuration, as a zip or as one JSON document
         * @description With `Accept: application/json`, the app directory as one JSON document (the form
         *     `import` and `push` take); otherwise the zip that `export` returns.
         */
        get: operations["adminPullAppConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/import": {
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
         * Apply an app directory to the app, replacing items by name
         * @description The body is the app directory as one JSON document (what `appservices push` sends) or a
         *     zip of the directory (what `export` returns). Items are matched by name: matched ones are
         *     updated and keep their ids, new ones are created, missing ones are deleted. Every item is
         *     checked by the rules of the single edit that would make it, and the whole config by the
         *     rules every deployment passes; a failing import changes nothing and its error names the
         *     file and field. Secrets are referenced by name and must exist. With the caller's draft
         *     open, the import goes into it; with none, it is deployed at once as one deployment
         *     (importing what is already deployed changes nothing). What `realm_config.json` says of
         *     the app itself (name, location, deployment model, app id) is not changed; its
         *     `environment` and `allowed_request_origins` are. Parts of App Services this server does
         *     not serve (HTTPS endpoints, GraphQL custom resolvers, Device Sync, hosting, push, log
         *     forwarders, third-party services, collection schemas and relationships) are accepted when
         *     empty and refused, all named in one message, when not. Collection rules
         *     (`data_sources/<name>/<database>/<collection>/rules.json`, `default_rule.json`) are
         *     matched by data source and collection and checked as the rules endpoints check them.
         */
        post: operations["adminImportApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/push": {
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Apply an app directory to the app (as `import`)
         * @description The same as `POST import?strategy=replace-by-name`, with the same body forms (the app
         *     directory as one JSON document, or a zip of it).
         */
        patch: operations["adminPushAppConfiguration"];
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/description": {
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
         * A summary of the app's configuration (the App Services CLI's `apps describe`)
         * @description Built from the config as the caller sees it: their open draft's working copy, or the
         *     deployed config. Only names and switches are listed, never a provider's settings, a
         *     value's contents or a secret. Parts this server does not serve (HTTP endpoints, third-party
         *     services, hosting, Device Sync, GraphQL, log forwarders) are always empty.
         */
        get: operations["adminGetAppDescription"];
        put?: never;
        post?: never;
        delete?: never;
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
         *     open the change is deployed at once; with one open it lands in the draft. A function the
         *     provider runs (custom-function `authFunction`, local-userpass `confirmationFunction` and
         *     `resetFunction`) is given as `config.<setting>Id`, `config.<setting>Name` or both (they must
         *     name the same function, 400 otherwise; an unknown one is 400 `FunctionNotFound`); it is
         *     stored by id, so renaming the function keeps the provider working, and read back with both.
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
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/values": {
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
        /** List the app's values */
        get: operations["adminListValues"];
        put?: never;
        /**
         * Create a value
         * @description With `from_secret`, `value` is the name of an existing secret (400 otherwise).
         */
        post: operations["adminCreateValue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/values/{valueId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                valueId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get a value */
        get: operations["adminGetValue"];
        /**
         * Replace a value
         * @description The official specification documents no request body and a 200 with an array of values; this server takes the whole value and answers with the updated value object.
         */
        put: operations["adminUpdateValue"];
        post?: never;
        /** Delete a value */
        delete: operations["adminDeleteValue"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/environment": {
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
        /**
         * Set the app's environment
         * @description The environment is part of the app config: with a draft open it lands in the draft (and
         *     shows in its diff), otherwise it is deployed at once. `""` means no environment. Functions
         *     see it as `context.environment.tag`, and environment values resolve to the value of the
         *     deployed environment (`none` when it is `""`).
         */
        put: operations["adminSetEnvironment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/environment_values": {
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
        /** List the app's environment values */
        get: operations["adminListEnvironmentValues"];
        put?: never;
        /** Create an environment value */
        post: operations["adminCreateEnvironmentValue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/environment_values/{environmentValueId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                environmentValueId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get an environment value */
        get: operations["adminGetEnvironmentValue"];
        /**
         * Replace an environment value
         * @description Replaces the name and all of `values` (an environment left out is unset).
         */
        put: operations["adminModifyEnvironmentValue"];
        post?: never;
        /** Delete an environment value */
        delete: operations["adminDeleteEnvironmentValue"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/functions": {
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
        /** List the app's functions */
        get: operations["adminListFunctions"];
        put?: never;
        /**
         * Create a function
         * @description The source must parse as a script (`exports = function(...) {...}`); it is not run.
         */
        post: operations["adminCreateFunction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/functions/{functionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                functionId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get a function, with its source */
        get: operations["adminGetFunction"];
        /**
         * Replace a function
         * @description The official specification documents no request body; this server takes the whole function (fields left out are cleared) and answers with the updated function. Triggers, custom user data and auth providers refer to the function by id and follow a rename; an auth provider stored with only a function name (before this server kept ids) holds the rename back (409 FunctionInUse) until it is saved again, and so does a collection rule that calls the function (`%function`, by name).
         */
        put: operations["adminUpdateFunction"];
        post?: never;
        /**
         * Delete a function nothing uses
         * @description A function used by custom user data (user creation function), a trigger, an auth provider (authFunction, confirmationFunction, resetFunction) or a collection rule (`%function`) cannot be deleted (409).
         */
        delete: operations["adminDeleteFunction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/services": {
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
        /** List the app's data sources */
        get: operations["adminListServices"];
        put?: never;
        /**
         * Link a MongoDB data source
         * @description Only `mongodb-atlas` is supported (400 `ServiceTypeNotFound` otherwise). Without `secret_config.uri` the data source is this server's own database.
         */
        post: operations["adminCreateService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get a data source */
        get: operations["adminGetService"];
        put?: never;
        post?: never;
        /**
         * Unlink a data source nothing uses
         * @description A data source custom user data reads from cannot be deleted (409). Deleting a data source deletes its collection rules and default rule, as in App Services.
         */
        delete: operations["adminDeleteService"];
        options?: never;
        head?: never;
        /**
         * Replace a data source's name, config and secret_config
         * @description The official specification documents no request body and a 200 without one; this server takes the same body as create (the type cannot change) and answers 200 with the data source.
         */
        patch: operations["adminUpdateService"];
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/services/{serviceId}/config": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get a data source's config */
        get: operations["adminGetServiceConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a data source's config
         * @description The fields sent replace those stored; fields left out keep their values.
         */
        patch: operations["adminUpdateServiceConfig"];
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/services/{serviceId}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /** List a data source's collection rules */
        get: operations["adminListRules"];
        put?: never;
        /**
         * Create the rule of a collection
         * @description The roles and filters of one collection (`database`, `collection`) of the data source; a collection has at most one rule (409 `RuleAlreadyExists`). Role and filter names must be unique in the rule, expressions must parse (no `$where`, `$expr` or `$function`), a `%function` must name a function of the app and a filter's `apply_when` cannot read the document; every problem is named in one 400. Roles and filters are identified by name: an `_id` sent on one is ignored.
         */
        post: operations["adminCreateRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/services/{serviceId}/rules/{ruleId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
                /** @description The unique `_id` value of a rule. */
                ruleId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get a collection rule */
        get: operations["adminGetRule"];
        /**
         * Replace a collection rule
         * @description Replaces the rule's database, collection, roles and filters (checked as on create; another rule of the data source for the same collection is a 409). The official specification documents a 200 without a body; this server answers 200 with the rule. An `_id` in the body is ignored (the path names the rule).
         */
        put: operations["adminUpdateRule"];
        post?: never;
        /** Delete a collection rule */
        delete: operations["adminDeleteRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/services/{serviceId}/default_rule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /** Get the data source's default roles and filters */
        get: operations["adminGetDefaultRule"];
        /**
         * Replace the data source's default roles and filters
         * @description The body's `_id` must be the default rule's.
         */
        put: operations["adminUpdateDefaultRule"];
        /**
         * Create the data source's default roles and filters
         * @description The roles and filters of the data source's collections that have no rule of their own; checked as a rule's are. A data source has at most one (400 `default rule already exists`).
         */
        post: operations["adminCreateDefaultRule"];
        /** Delete the data source's default roles and filters */
        delete: operations["adminDeleteDefaultRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/custom_user_data": {
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
        /** Get the custom user data configuration */
        get: operations["adminGetCustomUserDataConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the custom user data configuration
         * @description Fields left out keep their values. The data source and the user creation function may be given by id (`mongo_service_id`, `on_user_creation_function_id`) or by name (`mongo_service_name`, `on_user_creation_function_name`, the config-file form); ids are stored. An empty string clears a reference. Enabling requires a data source, `database_name`, `collection_name` and `user_id_field`.
         */
        patch: operations["adminSetCustomUserDataConfig"];
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/security/refresh_token_expiration": {
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
        /** Get how long user refresh tokens live */
        get: operations["adminGetRefreshTokenExpiration"];
        /** Set how long user refresh tokens live */
        put: operations["adminSetRefreshTokenExpiration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/security/allowed_request_origins": {
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
        /** List the browser origins the Client API answers */
        get: operations["adminListAllowedRequestOrigins"];
        put?: never;
        /**
         * Set the browser origins the Client API answers
         * @description Replaces the list. The Client API answers CORS preflights from these origins only, and
         *     refuses (403) a request whose `Origin` header is not listed; requests without an `Origin`
         *     header (non-browser clients) are not affected. An empty list allows any origin.
         */
        post: operations["adminSetAllowedRequestOrigins"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/security/signing_keys/rotate": {
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
         * Rotate the key that signs the app's user tokens (an extension of this server)
         * @description An extension of this server (App Services has no such endpoint): each app signs its user
         *     tokens with its own RSA key, published at
         *     `/api/client/v2.0/app/{client_app_id}/.well-known/jwks.json`. Rotating makes a new key
         *     sign every token issued from now on. Nothing already issued stops working: the previous
         *     keys still verify refresh tokens, and the JWKS keeps listing a retired key until every
         *     access token it signed has expired. No request body.
         */
        post: operations["adminRotateSigningKey"];
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
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/triggers": {
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
        /** List the app's triggers */
        get: operations["adminListTriggers"];
        put?: never;
        /**
         * Create an AUTHENTICATION or SCHEDULED trigger
         * @description The function is named by `function_id` or `function_name`, at the root or under `event_processors.FUNCTION.config` (what is given in one place must agree with the other), and must exist in the same config. DATABASE triggers and event processors other than FUNCTION are refused (400): this server does not run them.
         */
        post: operations["adminCreateTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/triggers/{triggerId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                triggerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        /** Get a trigger */
        get: operations["adminGetTrigger"];
        /**
         * Replace a trigger
         * @description Takes the whole trigger, as create does (a GET body may be sent back edited; `_id` and `last_modified` are ignored). Fields left out take their defaults. The type cannot change.
         */
        put: operations["adminUpdateTrigger"];
        post?: never;
        /**
         * Delete a trigger
         * @description Answers 200 with an empty object, as App Services does (not 204).
         */
        delete: operations["adminDeleteTrigger"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/debug/execute_function": {
        parameters: {
            query?: {
                /** @description Run as this user of the app (24 hexadecimal characters). Exactly one of `user_id` and `run_as_system=true` is required (the official specification marks both required). */
                user_id?: components["parameters"]["DebugUserId"];
                /** @description `true` to run as the system user. Exactly one of `user_id` and `run_as_system=true`. */
                run_as_system?: components["parameters"]["DebugRunAsSystem"];
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
        get?: never;
        put?: never;
        /**
         * Run one of the app's functions for testing (the App Services CLI's `function run`)
         * @description Send exactly one of `user_id` (the function sees that user of the app as `context.user`,
         *     with its custom user data) or `run_as_system=true`; an empty `user_id` counts as absent.
         *     The function runs as the admin sees the app: the working copy of their open draft, else
         *     the deployed config; private functions can be run. `arguments` are Extended JSON
         *     (canonical or relaxed), so `{"$oid": "…"}` arrives as an ObjectId.
         *
         *     A function that throws, rejects, times out or does not compile still answers 200: the
         *     body then has `error` instead of `result`, and its message is also the last line of
         *     `error_logs` (the CLI prints only the logs and the result).
         */
        post: operations["adminExecuteFunction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/debug/execute_function_source": {
        parameters: {
            query?: {
                /** @description Run as this user of the app (24 hexadecimal characters). Exactly one of `user_id` and `run_as_system=true` is required (the official specification marks both required). */
                user_id?: components["parameters"]["DebugUserId"];
                /** @description `true` to run as the system user. Exactly one of `user_id` and `run_as_system=true`. */
                run_as_system?: components["parameters"]["DebugRunAsSystem"];
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
        get?: never;
        put?: never;
        /**
         * Run a function source for testing (the console's function editor)
         * @description `source` is a function source (`exports = function (…) {…}`). With `eval_source`, that
         *     JavaScript expression is evaluated with the source's export bound to `exports` (for
         *     example `exports(1, 2)`) and its value is the result; without it, the export is called
         *     with no arguments. The user and the answer are as for `execute_function`; a source that
         *     does not compile answers 200 with `error` (`FunctionSyntaxError`).
         */
        post: operations["adminExecuteFunctionSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        /**
         * Start the browser redirect login (or link) with an OAuth 2.0 provider
         * @description What realm-web opens (in a popup) for `Credentials.google({redirectUrl})`,
         *     `Credentials.facebook(redirectUrl)` and `Credentials.apple(redirectUrl)`: the server keeps a
         *     single-use pending login (10 minutes) under a random state and sends the browser to the
         *     provider's authorization page (authorization code with PKCE S256, and a nonce for Google and
         *     Apple), whose answer comes back to `/api/client/v2.0/auth/callback`. `redirect` must be
         *     exactly one of the provider's `redirect_uris` (else 400 `InvalidRedirectURI`, and no
         *     redirect). With `link=true`, send the access token of the user to link to (401 otherwise);
         *     realm-web then also sends `providerRedirectHeader=true` and gets the provider's URL in
         *     `X-BAAS-Location` with a 200 instead of a 302.
         */
        get: operations["clientOAuth2RedirectLogin"];
        put?: never;
        /**
         * Log a user in with a provider's credentials (or link them with `?link=true`)
         * @description The body is the provider's credentials (below, by provider type); unknown keys
         *     (`provider`, `options`) are ignored. With `link=true`, send the access token of the user
         *     to link the identity to; an identity another user holds is refused (401 `AuthError`
         *     `unauthorized`), and identities are never linked or merged by email address.
         *
         *     OAuth 2.0 providers: `oauth2-google` takes `{id_token}` (needs `config.openId`; verified
         *     against Google's keys, `aud` = `config.clientId`) or `{authCode}` (exchanged at Google's
         *     token endpoint with the client secret); `oauth2-facebook` takes `{accessToken}` (checked
         *     with the Graph API's `debug_token` to be for `config.clientId`, then `/me` with
         *     `appsecret_proof`); `oauth2-apple` takes `{id_token}` (Apple's keys, `aud` =
         *     `config.clientId`). An ID token body may add `nonce`, which the token's must equal. The
         *     configured `metadata_fields` become the identity's `provider_data` and the user's `data`;
         *     a required one the provider does not give is a 401 and nothing is created. A provider
         *     that cannot be reached (or answers too late) is a 502 `AuthProviderUnreachable`.
         */
        post: operations["clientLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where an OAuth 2.0 provider sends the browser back to (the redirect login's end)
         * @description Register `<public base URL>/api/client/v2.0/auth/callback` at the provider (Google's and
         *     Apple's authorized redirect URIs, Facebook's valid OAuth redirect URIs). The pending login
         *     of `state` is taken once (a second use, or an unknown state, is a 400 and no redirect); the
         *     code is exchanged and the user logged in (or linked) as by a credential login, then the
         *     browser is sent to the app's `redirect` with, in the fragment,
         *     `_baas_client_app_id`, `_baas_ua` (`<access token>$<refresh token>$<user id>$<device id>`),
         *     `_baas_state` (the client's) and, when linking, `_baas_link=ok`; on failure (the provider's
         *     `error`, an expired state, a refused code) `_baas_error=<message>` and `_baas_state`.
         */
        get: operations["clientOAuth2Callback"];
        put?: never;
        /** The callback as a form POST (Apple's `response_mode=form_post`) */
        post: operations["clientOAuth2CallbackForm"];
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
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/register": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an email/password account
         * @description With automatic confirmation the account can log in at once (any non-empty string is
         *     accepted as the email, except one with control characters, line breaks or `<>"\`: 400
         *     `BadRequest`). With email confirmation it stays pending until the link sent to the
         *     address (`emailConfirmationUrl?token=…&tokenId=…`, valid 30 minutes) is confirmed; when the email cannot be sent, nothing is created (503).
         *     With a confirmation function (`runConfirmationFunction`) the function runs as the system
         *     user with `{token, tokenId, username}` (a stored single-use token pair, valid 30 minutes):
         *     `{status: "success"}` confirms the account; `"pending"` leaves it pending (the client
         *     confirms later with `/confirm` and the pair the function delivered out of band, or runs
         *     the function again with `/confirm/call`); `"fail"`, a throw, a timeout or any other
         *     return creates nothing: 400 `BadRequest` `failed to confirm user "<email>"` (for a throw,
         *     a timeout or a malformed return, followed by `: <why>`).
         */
        post: operations["clientUserpassRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a pending account with the token and tokenId of its confirmation link */
        post: operations["clientUserpassConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/confirm/send": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a pending account a new confirmation email (earlier links stop working) */
        post: operations["clientUserpassResendConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/reset/send": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password reset link (`resetPasswordUrl?token=…&tokenId=…`, valid 30 minutes) */
        post: operations["clientUserpassSendReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/reset": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token and tokenId of a reset link
         * @description Every session of the account's user is revoked (its refresh tokens stop working).
         */
        post: operations["clientUserpassResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/confirm/call": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the confirmation function again for a pending account
         * @description Only when the app confirms new users with a function. The function gets a new token pair
         *     (earlier confirmation tokens stop working) and answers as on register: `"success"`
         *     confirms, `"pending"` leaves the account pending, `"fail"` (or a throw, a timeout, any
         *     other return) is 400 `BadRequest` `failed to confirm user "<email>"` and the account stays
         *     pending. Counts as a login attempt from the caller's IP address.
         */
        post: operations["clientUserpassRetryConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/v2.0/app/{client_app_id}/auth/providers/local-userpass/reset/call": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a password through the app's reset function
         * @description Only when the app resets passwords with a function (`runResetFunction`). The password
         *     must be 6 to 128 characters. The function runs as the system user with
         *     `({username, password, token, tokenId, currentPasswordValid}, ...arguments)`: `password`
         *     is the new password, `currentPasswordValid` whether it is the current one, and the token
         *     pair a stored single-use reset token (valid 30 minutes). `"success"` sets the password
         *     and revokes every session of the user; `"pending"` changes nothing (the client completes
         *     later with `/reset` and the pair the function delivered out of band); `"fail"`, a throw,
         *     a timeout or any other return is 400 `BadRequest` `failed to reset password for user
         *     "<email>"`. Each call counts as a login attempt from the caller's IP address and
         *     against the account's failed-login budget.
         */
        post: operations["clientUserpassCallResetFunction"];
        delete?: never;
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
    "/api/client/v2.0/app/{client_app_id}/functions/call": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call one of the app's functions as the logged-in user (`user.functions.<name>(…)`)
         * @description The body is `{"name": "<function>", "arguments": […]}` with the arguments in Extended JSON
         *     (canonical or relaxed; the SDKs send canonical). The function sees the caller as
         *     `context.user` (custom user data read afresh) and runs as the system user only when its
         *     config says `run_as_system` (or as the user `run_as_user_id` names). The answer is the
         *     function's return value as canonical Extended JSON.
         *
         *     Private functions, and unknown ones, answer 404 `FunctionNotFound`
         *     (`function not found: '<name>'`). A function with a non-empty `can_evaluate` expression
         *     answers 403 `NotCallable` (this server does not evaluate such expressions), as does one
         *     using `run_as_user_id_script_source`. A function that throws, rejects or does not
         *     compile answers 400 `FunctionExecutionError` or `FunctionSyntaxError`, one that runs out
         *     of time 400 `ExecutionTimeLimitExceeded`, with the function's message.
         *
         *     **The SDKs' MongoDB client** calls a data source's methods this way: `service` is the
         *     data source's name (`mongodb-atlas`), `name` the method (`find`, `findOne`, `count`,
         *     `aggregate`, `insertOne`, `insertMany`, `updateOne`, `updateMany`, `deleteOne`,
         *     `deleteMany`, `findOneAndUpdate`, `findOneAndReplace`, `findOneAndDelete`, `distinct`) and
         *     `arguments` one object: `{database, collection, query, project, sort, limit}` for reads,
         *     `{database, collection, document(s)}` for inserts, `{database, collection, query|filter,
         *     update, upsert, returnNewDocument, sort, projection, arrayFilters}` for writes,
         *     `{database, collection, pipeline}` for aggregate. The request runs under the
         *     collection's rules (README "Collection rules"). The answer is what the driver answers
         *     (documents, `{insertedId}`, `{matchedCount, modifiedCount[, upsertedId]}`,
         *     `{deletedCount}`), as canonical Extended JSON. A collection without a rule (and no
         *     default rule) or a write the rules refuse answers 403 `NoMatchingRuleFound`
         *     (`no rule exists for namespace 'db.coll'`, `insert not permitted`, `update not
         *     permitted`, `delete not permitted`); a refused operator or stage (`$where`, `$expr`,
         *     `$function`, `$lookup`, `$out`, `$merge`...) 400 `InvalidParameter`; an error of the
         *     database (a duplicate key) 400 `MongoDBError`; an unknown data source 400
         *     `ServiceNotFound`, an unknown method 400 `ServiceCommandNotFound`.
         */
        post: operations["clientCallFunction"];
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
        /**
         * Create a confirmed email/password user
         * @description The app must have the `local-userpass` provider (it may be disabled).
         */
        post: operations["adminCreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/user_registrations/pending_users": {
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
        /** List email/password registrations not confirmed yet, 50 at a time */
        get: operations["adminListPendingUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/user_registrations/by_email/{email}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                email: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a pending email/password registration */
        post: operations["adminConfirmPendingUser"];
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
    "/api/admin/v3.0/groups/{groupId}/apps/{appId}/logs": {
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
         * The app's logs, newest first, at most 100 per page
         * @description Entries are kept `APP_LOG_RETENTION_DAYS` days (default 10). A page holds the newest
         *     matching entries whose `started` is in the window (`start_date`, `end_date`], newest first,
         *     after skipping `skip` of them. When more match, the response has `nextEndDate` (the
         *     `started` of the first entry of the next page) and `nextSkip` (how many entries with that
         *     same `started` this and earlier pages already held); pass them as `end_date` and `skip` to
         *     get the next page. On the last page both are absent.
         */
        get: operations["adminGetLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/v1.0/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The groups (Atlas projects) the API key sees, as MongoDB Atlas' public API lists them
         * @description What the App Services CLI calls to find a project when none is given. Authenticated with
         *     HTTP Digest over an admin API key pair, as Atlas' public API is: a request without
         *     credentials gets `401` with a challenge (`WWW-Authenticate: Digest realm="MMS Public API",
         *     nonce="…", qop="auth", algorithm=MD5`), and the client repeats it with
         *     `Authorization: Digest username="<public key>", …`, the private key being the password.
         *     Only MD5 with `qop=auth` is accepted (what the CLI's client speaks). A nonce is good for
         *     five minutes; then the answer is `401` with a new challenge that says `stale=true`.
         *     Attempts count against the admin login rate limits (`ADMIN_LOGIN_RATE_LIMIT_*`): every
         *     attempt with credentials against the client IP, a wrong response against the public key.
         *
         *     A group owner's key sees its groups; an org owner's key every group that has apps (this
         *     server keeps no list of groups, and no names: a group's `name` is its id). Groups are in
         *     ascending id order, `itemsPerPage` at a time.
         *
         *     Errors under `/api/public` have Atlas' shape, not the App Services one:
         *     `{"detail": "<message>", "error": <status>, "errorCode": "<CODE>", "reason": "<status
         *     text>"}`, where `errorCode` is this server's error code in upper snake case
         *     (`AuthError` → `AUTH_ERROR`).
         */
        get: operations["atlasListGroups"];
        put?: never;
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
            /** @description A stable, PascalCase code. */
            error_code: string;
        };
        /** @description The error shape of MongoDB Atlas' public API, used under `/api/public`. */
        AtlasError: {
            /** @description A human-readable message. */
            detail: string;
            /** @description The HTTP status. */
            error: number;
            /** @description This server's error code in upper snake case, e.g. `AUTH_ERROR`. */
            errorCode: string;
            /** @description The status text, e.g. `Unauthorized`. */
            reason: string;
        };
        AtlasLink: {
            /** @enum {string} */
            rel: "self" | "next" | "previous";
            /** Format: uri */
            href: string;
        };
        AtlasGroup: {
            id: components["schemas"]["ObjectIdHex"];
            /** @description The group id again (this server keeps no project names). */
            name: string;
        };
        AtlasGroupsPage: {
            results: components["schemas"]["AtlasGroup"][];
            /** @description How many groups in all. */
            totalCount: number;
            /**
             * @description Absolute URLs: `self`, `next` when a later page has groups, `previous` after the first
             *     page (the App Services CLI follows `next`).
             */
            links: components["schemas"]["AtlasLink"][];
        };
        /**
         * @description The App Services app directory (config version 20210101) as one JSON document, as the App
         *     Services CLI sends it: the `realm_config.json` fields at the root, then each part of the
         *     directory (see the README, "Config as code").
         */
        AppDirectory: {
            /** @description Only 20210101 is accepted; another version is refused with a message naming realm_config.json (export the app again with version 20210101). */
            config_version?: number;
            app_id?: string;
            name?: string;
            location?: string;
            provider_region?: string;
            deployment_model?: string;
            environment?: string;
            allowed_request_origins?: string[];
            /** @description By file name under environments/ (e.g. `production.json`): `{"values": {...}}`. */
            environments?: {
                [key: string]: Record<string, never>;
            };
            values?: Record<string, never>[];
            auth?: {
                providers?: {
                    [key: string]: Record<string, never>;
                };
                custom_user_data?: Record<string, never>;
            };
            functions?: {
                config?: Record<string, never>[];
                /** @description Function sources by path under functions/, e.g. `hello.js`. */
                sources?: {
                    [key: string]: string;
                };
            };
            triggers?: Record<string, never>[];
            data_sources?: {
                config?: Record<string, never>;
                default_rule?: Record<string, never>;
                rules?: Record<string, never>[];
            }[];
        } & {
            [key: string]: unknown;
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
        AppDescription: {
            client_app_id: string;
            name: string;
            /**
             * @description The app's page in this server's admin console (`/console/#/g/{groupId}/a/{appId}`),
             *     as App Services gives its UI's dashboard of the app.
             */
            realm_url: string;
            data_sources: {
                name: string;
                type: string;
                /** @description The cluster name (`clusterName`); "" when none. */
                data_source: string;
            }[];
            /** @description Not served by this server, always empty. */
            http_endpoints: Record<string, never>[];
            /** @description Third-party services are not served by this server; always empty. */
            services: Record<string, never>[];
            auth_providers: {
                name: string;
                type: string;
                enabled: boolean;
            }[];
            custom_user_data: {
                enabled: boolean;
                /** @description The cluster name of the data source it reads; "" when none. */
                data_source: string;
                database: string;
                collection: string;
                user_id_field: string;
            };
            /** @description The names of the app's values (never their contents). */
            values: string[];
            hosting: {
                /** @constant */
                enabled: false;
                status: string;
                url: string;
            };
            functions: {
                name: string;
                /** @description The folder part of a name with `/` in it; "" otherwise. */
                path: string;
            }[];
            sync: {
                state: string;
                data_source: string;
                database: string;
                development_mode_enabled: boolean;
            };
            graphql: {
                /** @description "" (GraphQL is not served). */
                url: string;
                custom_resolvers: string[];
            };
            /** @enum {string} */
            environment: "" | "development" | "testing" | "qa" | "production";
            /** @description The app's triggers. */
            event_subscription: {
                name: string;
                type: string;
                enabled: boolean;
            }[];
            /** @description Not served by this server, always empty. */
            log_forwarder: Record<string, never>[];
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
            /** @description On create, the environment the app's config starts with (default `""`). On an app, the environment of its deployed config (what its functions see), set with `PUT …/environment`. */
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
        /**
         * @description Starts with a letter; ASCII letters, digits, `_` and `-` only; at most 64 characters.
         * @example myName
         */
        ConfigEntityName: string;
        ValueSummary: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            private: boolean;
        };
        NewValue: {
            /** @description Ignored (the path names the value). */
            _id?: string;
            name: components["schemas"]["ConfigEntityName"];
            /** @description If true, the value is hidden from client applications. */
            private: boolean;
            /**
             * @description If true, `value` is the name of an existing secret whose value is used at run time.
             * @default false
             */
            from_secret: boolean;
            /** @description Any JSON value (with `from_secret`, a secret name). */
            value: unknown;
        };
        Value: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            private: boolean;
            from_secret: boolean;
            value: unknown;
        };
        EnvironmentValueDescription: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            /** @description UNIX seconds. */
            last_modified: number;
        };
        /** @description The value for each environment (any JSON value); `none` is used when the app has no environment. An environment left out is unset: the value is then absent from `context.environment.values` in that environment. */
        EnvironmentValueValues: {
            none?: unknown;
            development?: unknown;
            testing?: unknown;
            qa?: unknown;
            production?: unknown;
        };
        NewEnvironmentValue: {
            /** @description Ignored (the path names the environment value). */
            _id?: string;
            /** @description Ignored (set by the server). */
            last_modified?: unknown;
            name: components["schemas"]["ConfigEntityName"];
            values?: components["schemas"]["EnvironmentValueValues"];
        };
        EnvironmentValue: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            /** @description UNIX seconds. */
            last_modified: number;
            values: components["schemas"]["EnvironmentValueValues"];
        };
        FunctionSummary: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            /** @description UNIX seconds. */
            last_modified: number;
        };
        FunctionConstructor: {
            name: components["schemas"]["ConfigEntityName"];
            /** @description If true, clients cannot call the function. */
            private: boolean;
            /** @description The source, as a script assigning `exports` (`exports = function(...) {...}`). */
            source: string;
            /** @description A JSON expression that must be true for a client to call the function. */
            can_evaluate?: {
                [key: string]: unknown;
            };
            run_as_system?: boolean;
            /** @description Not together with run_as_user_id_script_source. */
            run_as_user_id?: string;
            run_as_user_id_script_source?: string;
            disable_arg_logs?: boolean;
        };
        FunctionCreated: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
        };
        Function: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            private: boolean;
            source: string;
            can_evaluate?: {
                [key: string]: unknown;
            };
            run_as_system?: boolean;
            run_as_user_id?: string;
            run_as_user_id_script_source?: string;
            disable_arg_logs?: boolean;
            /** @description UNIX seconds. */
            last_modified: number;
        };
        /** @enum {string} */
        ReadPreference: "primary" | "primaryPreferred" | "secondary" | "secondaryPreferred" | "nearest";
        /** @description A tag set as MongoDB drivers take it (`{"dc": "east"}`), or its `"key:value"` string form. */
        ReadPreferenceTagSet: string | {
            [key: string]: string;
        };
        /** @example Cluster0 */
        ClusterName: string;
        AtlasClusterServiceConfig: {
            clusterName: components["schemas"]["ClusterName"];
            readPreference: components["schemas"]["ReadPreference"];
            readPreferenceTagSets?: components["schemas"]["ReadPreferenceTagSet"][];
            wireProtocolEnabled: boolean;
            /** @description Stored as given (the official spec mistypes it as a number). */
            clusterId?: string;
            groupName?: string;
            orgName?: string;
        };
        AtlasClusterServiceConfigUpdate: {
            clusterName?: components["schemas"]["ClusterName"];
            readPreference?: components["schemas"]["ReadPreference"];
            readPreferenceTagSets?: components["schemas"]["ReadPreferenceTagSet"][];
            wireProtocolEnabled?: boolean;
            /** @description Stored as given (the official spec mistypes it as a number). */
            clusterId?: string;
            groupName?: string;
            orgName?: string;
        };
        ServiceSecretConfig: {
            /** @description The name of a secret holding a MongoDB connection string. Without it, the data source is this server's own database. */
            uri?: string;
        };
        ServiceConstructor: {
            name: components["schemas"]["ConfigEntityName"];
            /**
             * @description Only `mongodb-atlas`.
             * @example mongodb-atlas
             */
            type: string;
            config: components["schemas"]["AtlasClusterServiceConfig"];
            secret_config?: components["schemas"]["ServiceSecretConfig"];
        };
        Service: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            /** @enum {string} */
            type: "mongodb-atlas";
            version: number;
            config: components["schemas"]["AtlasClusterServiceConfig"];
            secret_config?: components["schemas"]["ServiceSecretConfig"];
            /** @description UNIX seconds. */
            last_modified: number;
        };
        ServiceSummary: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            /** @enum {string} */
            type: "mongodb-atlas";
            version: number;
            /** @description UNIX seconds. */
            last_modified: number;
        };
        /** @description A [rule expression](https://mongodb.com/docs/atlas/app-services/rules/expressions/): a boolean, or an object of document fields, expansions (`%%user.id`) and `$and`/`$or`/`$nor`. */
        Expression: {
            [key: string]: unknown;
        } | boolean;
        /** @description Read and write permissions for a field (absent means no permission). */
        FieldLevelPermissions: {
            read?: components["schemas"]["Expression"];
            write?: components["schemas"]["Expression"];
        };
        /** @description Document field names mapped to read and write permissions for the field and, through `fields` (the same shape, nested), its children. */
        NestableFieldLevelPermissions: {
            [key: string]: {
                read?: components["schemas"]["Expression"];
                write?: components["schemas"]["Expression"];
                /** @description The same shape, for the field's children. */
                fields?: {
                    [key: string]: unknown;
                };
            };
        };
        /** @description Document-level read and write permissions. */
        SyncDocumentFiltersPermissions: {
            read: components["schemas"]["Expression"];
            write: components["schemas"]["Expression"];
        };
        /** @description A data access role: when it applies to a user for a document (`apply_when`, `{}` when left out) and what it lets them do. Roles are identified by name (unique in the rule); an `_id` is ignored. Other fields are refused. */
        RoleConstructor: {
            /** @description Ignored. */
            _id?: string;
            name?: string;
            apply_when?: components["schemas"]["Expression"];
            document_filters?: components["schemas"]["SyncDocumentFiltersPermissions"];
            read?: components["schemas"]["Expression"];
            write?: components["schemas"]["Expression"];
            insert?: components["schemas"]["Expression"];
            delete?: components["schemas"]["Expression"];
            search?: components["schemas"]["Expression"];
            fields?: components["schemas"]["NestableFieldLevelPermissions"];
            additional_fields?: components["schemas"]["FieldLevelPermissions"];
        };
        Role: {
            name: string;
            apply_when: components["schemas"]["Expression"];
            document_filters?: components["schemas"]["SyncDocumentFiltersPermissions"];
            read?: components["schemas"]["Expression"];
            write?: components["schemas"]["Expression"];
            insert?: components["schemas"]["Expression"];
            delete?: components["schemas"]["Expression"];
            search?: components["schemas"]["Expression"];
            fields?: components["schemas"]["NestableFieldLevelPermissions"];
            additional_fields?: components["schemas"]["FieldLevelPermissions"];
        };
        /** @description A MongoDB projection of 0s or of 1s. */
        Projection: {
            [key: string]: 0 | 1;
        };
        /** @description A query filter: when `apply_when` (evaluated once per request; it cannot read the document) is true, `query` is merged into the request's query and `projection` into its projection. Identified by name (unique in the rule); an `_id` is ignored. */
        FilterConstructor: {
            /** @description Ignored. */
            _id?: string;
            name?: string;
            apply_when?: components["schemas"]["Expression"];
            /** @description A MongoDB query (rule expression operators only). */
            query?: {
                [key: string]: unknown;
            };
            projection?: components["schemas"]["Projection"];
        };
        Filter: {
            name: string;
            apply_when: components["schemas"]["Expression"];
            query?: {
                [key: string]: unknown;
            };
            projection?: components["schemas"]["Projection"];
        };
        /** @description The roles and filters of one collection of a linked data source. */
        RuleConstructor: {
            /** @description Ignored (the path names the rule). */
            _id?: string;
            /** @description A MongoDB database name. */
            database: string;
            /** @description A MongoDB collection name of `database`. */
            collection: string;
            roles?: components["schemas"]["RoleConstructor"][];
            filters?: components["schemas"]["FilterConstructor"][];
        };
        Rule: {
            _id: components["schemas"]["ObjectIdHex"];
            database: string;
            collection: string;
            roles: components["schemas"]["Role"][];
            filters: components["schemas"]["Filter"][];
        };
        RuleCreated: {
            _id: components["schemas"]["ObjectIdHex"];
            /** @description `<database>.<collection>` */
            name: string;
        };
        /** @description The roles and filters of the data source's collections that have no rule of their own. */
        DefaultRuleConstructor: {
            roles?: components["schemas"]["RoleConstructor"][];
            filters?: components["schemas"]["FilterConstructor"][];
        };
        DefaultRuleUpdate: {
            /** @description The default rule's id. */
            _id: string;
            roles?: components["schemas"]["RoleConstructor"][];
            filters?: components["schemas"]["FilterConstructor"][];
        };
        DefaultRule: {
            _id: components["schemas"]["ObjectIdHex"];
            roles: components["schemas"]["Role"][];
            filters: components["schemas"]["Filter"][];
        };
        CustomUserDataConfig: {
            enabled: boolean;
            /** @description The data source `_id`; "" when none. */
            mongo_service_id: string;
            database_name: string;
            collection_name: string;
            user_id_field: string;
            /** @description The user creation function `_id`; "" when none. */
            on_user_creation_function_id: string;
        };
        CustomUserDataUpdate: {
            enabled?: boolean;
            mongo_service_id?: string;
            mongo_service_name?: string;
            database_name?: string;
            collection_name?: string;
            user_id_field?: string;
            on_user_creation_function_id?: string;
            on_user_creation_function_name?: string;
        };
        SigningKeyRotation: {
            /** @description The `kid` (JWT header and JWKS) of the new signing key. */
            kid: string;
        };
        AllowedRequestOrigins: string[];
        RefreshTokenExpiration: {
            /** @description How long a user refresh token is valid after it is issued, from 30 minutes to 180 days (the official schema's bounds; its prose says 5 years). Default 5184000 (60 days). */
            expiration_time_seconds: number;
        };
        ClientLocation: {
            deployment_model: components["schemas"]["DeploymentModel"];
            location: components["schemas"]["DeploymentLocation"];
            /** @description This server, e.g. `https://apps.example.com`. */
            hostname: string;
            /** @description The same server with a ws(s) scheme. */
            ws_hostname: string;
        };
        /** @description oauth2-google with OpenID Connect (`config.openId`): a Google ID token. */
        GoogleIdTokenCredentials: {
            id_token: string;
            /** @description When given, the ID token's `nonce` must equal it. */
            nonce?: string;
        };
        /** @description oauth2-google: a server auth code from Google Sign-In, exchanged with the client secret. */
        GoogleAuthCodeCredentials: {
            authCode: string;
        };
        /** @description oauth2-facebook: a Facebook user access token issued to the app `config.clientId`. */
        FacebookCredentials: {
            accessToken: string;
        };
        /** @description oauth2-apple: an ID token from Sign in with Apple. */
        AppleCredentials: {
            id_token: string;
            /** @description When given, the ID token's `nonce` must equal it. */
            nonce?: string;
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
        /** @description The function a trigger calls. The root `function_id`/`function_name` and these mirror each other; the server fills whichever is missing. The name always reads as the function's current name. */
        TriggerFunctionRef: {
            function_id?: components["schemas"]["ObjectIdHex"];
            function_name?: string;
        };
        TriggerConstructor: {
            /** @description Ignored (the path names the trigger). */
            _id?: string;
            name: components["schemas"]["ConfigEntityName"];
            /**
             * @description `AUTHENTICATION` or `SCHEDULED`. `DATABASE` is part of App Services but not supported here (400).
             * @example SCHEDULED
             */
            type: string;
            /** @default false */
            disabled: boolean;
            /** @description AUTHENTICATION: `{operation_type: LOGIN|CREATE|DELETE, providers: [ProviderType, ...]}` (a single provider type string is taken as a one-element list). SCHEDULED: `{schedule: "<5-field cron, UTC>", skip_catchup_events?: bool}`; `schedule_type`, which the Atlas UI sends, is accepted and not stored. Other fields are refused. */
            config: {
                [key: string]: unknown;
            };
            function_id?: components["schemas"]["ObjectIdHex"];
            function_name?: string;
            /** @description Only the FUNCTION processor is supported. */
            event_processors?: {
                FUNCTION?: {
                    config?: components["schemas"]["TriggerFunctionRef"];
                };
            };
            /** @description Ignored. */
            last_modified?: number;
        };
        AuthenticationTriggerConfig: {
            /** @enum {string} */
            operation_type: "LOGIN" | "CREATE" | "DELETE";
            providers: components["schemas"]["ProviderType"][];
        };
        ScheduledTriggerConfig: {
            /**
             * @description A 5-field cron expression (minute hour day-of-month month day-of-week), in UTC.
             * @example 0 8 * * *
             */
            schedule: string;
            /** @description If true, fire times missed while the trigger could not run are skipped. */
            skip_catchup_events: boolean;
        };
        Trigger: {
            _id: components["schemas"]["ObjectIdHex"];
            name: string;
            /** @enum {string} */
            type: "AUTHENTICATION" | "SCHEDULED";
            disabled: boolean;
            config: components["schemas"]["AuthenticationTriggerConfig"] | components["schemas"]["ScheduledTriggerConfig"];
            function_id: components["schemas"]["ObjectIdHex"];
            function_name: string;
            event_processors: {
                FUNCTION: {
                    config: {
                        function_id: components["schemas"]["ObjectIdHex"];
                        function_name: string;
                    };
                };
            };
            /** @description UNIX seconds. */
            last_modified: number;
        };
        EmptyObject: Record<string, never>;
        UserpassRegistration: {
            /** @description Case-sensitive, kept as given. */
            email: string;
            /** @description 6 to 128 characters. */
            password: string;
        };
        UserpassEmail: {
            email: string;
        };
        UserpassTokenPair: {
            token: string;
            tokenId: string;
        };
        UserpassPasswordReset: {
            /** @description 6 to 128 characters. */
            password: string;
            token: string;
            tokenId: string;
        };
        UserpassResetCall: {
            email: string;
            /** @description 6 to 128 characters. */
            password: string;
            /** @description Further arguments for the reset function (Extended JSON values). */
            arguments?: unknown[];
        };
        PendingUser: {
            _id: components["schemas"]["ObjectIdHex"];
            domain_id: components["schemas"]["ObjectIdHex"];
            identities: {
                id: string;
                /** @enum {string} */
                provider_type: "local-userpass";
            }[];
            login_ids: {
                /** @enum {string} */
                id_type: "email";
                id: string;
                confirmed?: boolean;
            }[];
            /** @description "" (no user exists before the first login). */
            user_id: string;
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
        DebugExecuteFunctionRequest: {
            name: string;
            /** @description The arguments, any Extended JSON values (the official specification types them as strings; the CLI sends any JSON). `null` or absent means none. */
            arguments?: unknown[] | null;
            /** @description Service functions are not supported; only "" or absent is accepted. */
            service?: string;
        };
        DebugExecuteSourceRequest: {
            source: string;
            /** @description A JavaScript expression evaluated with `exports` bound; "" counts as absent. */
            eval_source?: string;
        };
        DebugExecutionResult: {
            /** @description The return value as canonical Extended JSON (absent when `error` is set). */
            result?: unknown;
            error?: {
                message: string;
                /** @enum {string} */
                error_code: "FunctionExecutionError" | "ExecutionTimeLimitExceeded" | "FunctionSyntaxError";
            };
            /** @description The `console.log` lines, or null when there were none. */
            logs: string[] | null;
            /** @description The `console.error`/`console.warn` lines (and a failure's message), or null. */
            error_logs: string[] | null;
            stats: {
                /** @description Wall-clock time as a Go duration, e.g. `12.345678ms`. */
                execution_time: string;
            };
        };
        ClientFunctionCall: {
            name: string;
            /** @description The arguments as Extended JSON values; absent means none. */
            arguments?: unknown[];
            service?: string;
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
        /** @enum {string} */
        AppLogType: "TRIGGER_FAILURE" | "TRIGGER_ERROR_HANDLER" | "DB_TRIGGER" | "AUTH_TRIGGER" | "SCHEDULED_TRIGGER" | "FUNCTION" | "SERVICE_FUNCTION" | "STREAM_FUNCTION" | "SERVICE_STREAM_FUNCTION" | "AUTH" | "WEBHOOK" | "ENDPOINT" | "PUSH" | "API" | "API_KEY" | "GRAPHQL" | "SYNC_CONNECTION_START" | "SYNC_CONNECTION_END" | "SYNC_SESSION_START" | "SYNC_SESSION_END" | "SYNC_CLIENT_WRITE" | "SYNC_ERROR" | "SYNC_OTHER" | "SCHEMA_ADDITIVE_CHANGE" | "SCHEMA_GENERATION" | "SCHEMA_VALIDATION" | "LOG_FORWARDER";
        /**
         * @description One log entry. Every entry has the first seven fields; the others appear when the entry
         *     has them: client requests (AUTH, FUNCTION, API_KEY) the request and client fields, AUTH
         *     entries `auth_event`, FUNCTION and trigger entries the function fields, `messages` and
         *     `mem_time_usage`, trigger entries `event_subscription_id`/`_name`.
         */
        AppLog: {
            _id: components["schemas"]["ObjectIdHex"];
            app_id: components["schemas"]["ObjectIdHex"];
            group_id: string;
            domain_id: string;
            type: components["schemas"]["AppLogType"];
            /** Format: date-time */
            started: string;
            /** Format: date-time */
            completed: string;
            /** @description Correlation id shared by the entries of one request. */
            co_id?: string;
            request_url?: string;
            request_method?: string;
            user_id?: string;
            remote_ip_address?: string;
            /** @description The HTTP status of the response. */
            status?: number;
            error?: string;
            error_code?: string;
            platform?: string;
            platform_version?: string;
            sdk_name?: string;
            sdk_version?: string;
            auth_event?: {
                /** @description The operation, e.g. `login`. */
                type: string;
                /** @description The provider type (the requested name when the app has no such provider). */
                provider: string;
                failed: boolean;
            };
            function_id?: string;
            function_name?: string;
            function_call?: {
                name: string;
                arguments?: unknown;
            };
            /** @description What the function logged; at most 100 lines and 64 KiB, cut with a marker line. */
            messages?: string[];
            /** @description Milliseconds of execution (an integer; the CLI decodes it as int64). */
            mem_time_usage?: number;
            event_subscription_id?: string;
            event_subscription_name?: string;
        };
    };
    responses: {
        /** @description The request is malformed or invalid (Atlas' error shape). */
        AtlasBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AtlasError"];
            };
        };
        /** @description No Digest credentials, or wrong, stale or revoked ones. Always with a new challenge. */
        AtlasUnauthorized: {
            headers: {
                /** @description Digest realm="MMS Public API", nonce="…", qop="auth", algorithm=MD5[, stale=true] */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AtlasError"];
            };
        };
        /** @description The request's origin is not allowed (`ADMIN_ALLOWED_ORIGINS`). */
        AtlasForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AtlasError"];
            };
        };
        /** @description Too many attempts; retry after the number of seconds in `Retry-After`. */
        AtlasTooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AtlasError"];
            };
        };
        /** @description A service the request depends on (an OAuth 2.0 provider) failed or did not answer in time. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many attempts; retry after the number of seconds in `Retry-After`. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description To the app's page, with the result in the fragment. */
        OAuth2CallbackRedirect: {
            headers: {
                Location?: string;
                [name: string]: unknown;
            };
            content?: never;
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
        OAuth2CallbackState: string;
        OAuth2CallbackCode: string;
        OAuth2CallbackError: string;
        OAuth2CallbackErrorDescription: string;
        /** @description The app's public App ID, e.g. `myapp-abcde`. */
        ClientAppId: string;
        /** @description Run as this user of the app (24 hexadecimal characters). Exactly one of `user_id` and `run_as_system=true` is required (the official specification marks both required). */
        DebugUserId: string;
        /** @description `true` to run as the system user. Exactly one of `user_id` and `run_as_system=true`. */
        DebugRunAsSystem: boolean;
        DraftId: components["schemas"]["ObjectIdHex"];
        /** @description The `_id` of a data source. */
        ServiceId: components["schemas"]["ObjectIdHex"];
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
            429: components["responses"]["TooManyRequests"];
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
    adminExportApp: {
        parameters: {
            query?: {
                /** @description The directory's config version; only 20210101 is served. */
                version?: "20210101";
                /** @description Accepted for the CLI; the directory is the same. Not with `template`. */
                source_control?: boolean;
                /** @description Leave out what ties the directory to this app (`app_id`). */
                template?: boolean;
                /** @description The `_id` of a deployment of this app to export instead of the deployed config. */
                deployment?: components["schemas"]["ObjectIdHex"];
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
            /**
             * @description The zip, with `Content-Disposition: attachment; filename=<app name>_v<version>.zip`
             *     (the CLI names the folder after the part before the last `_`).
             */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminPullAppConfiguration: {
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
            /** @description The app directory. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppDirectory"];
                    "application/zip": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminImportApp: {
        parameters: {
            query?: {
                strategy?: "replace-by-name";
                /** @description Only report the changes the import would make; change nothing. */
                diff?: boolean;
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
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppDirectory"];
                "application/zip": string;
            };
        };
        responses: {
            /** @description With `diff=true`, one human-readable line per change; empty when identical. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string[];
                };
            };
            /** @description Imported. */
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
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    adminPushAppConfiguration: {
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
                "application/json": components["schemas"]["AppDirectory"];
                "application/zip": string;
            };
        };
        responses: {
            /** @description Imported. */
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
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    adminGetAppDescription: {
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
            /** @description The description. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppDescription"];
                };
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
    adminListValues: {
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
            /** @description The values (without their contents), `[]` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValueSummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateValue: {
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
                "application/json": components["schemas"]["NewValue"];
            };
        };
        responses: {
            /** @description The value. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Value"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                valueId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The value. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Value"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminUpdateValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                valueId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewValue"];
            };
        };
        responses: {
            /** @description The updated value. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Value"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDeleteValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                valueId: components["schemas"]["ObjectIdHex"];
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
    adminSetEnvironment: {
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
                    environment: components["schemas"]["AppEnvironment"];
                };
            };
        };
        responses: {
            /** @description The app, as `GET …/apps/{appId}` shows it: its `environment` is the deployed one (so with a draft open it is unchanged until the draft is deployed). */
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
            409: components["responses"]["Conflict"];
        };
    };
    adminListEnvironmentValues: {
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
            /** @description The environment values (without their `values`), `[]` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentValueDescription"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateEnvironmentValue: {
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
                "application/json": components["schemas"]["NewEnvironmentValue"];
            };
        };
        responses: {
            /** @description The environment value (without its `values`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentValueDescription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetEnvironmentValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                environmentValueId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment value with its `values`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentValue"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminModifyEnvironmentValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                environmentValueId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewEnvironmentValue"];
            };
        };
        responses: {
            /** @description The environment value (without its `values`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentValueDescription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDeleteEnvironmentValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                environmentValueId: components["schemas"]["ObjectIdHex"];
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
    adminListFunctions: {
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
            /** @description The functions, `[]` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunctionSummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateFunction: {
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
                "application/json": components["schemas"]["FunctionConstructor"];
            };
        };
        responses: {
            /** @description The new function's id and name. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunctionCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetFunction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                functionId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The function. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Function"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminUpdateFunction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                functionId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FunctionConstructor"];
            };
        };
        responses: {
            /** @description The updated function. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Function"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDeleteFunction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                functionId: components["schemas"]["ObjectIdHex"];
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
    adminListServices: {
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
            /** @description The data sources, `[]` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceSummary"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateService: {
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
                "application/json": components["schemas"]["ServiceConstructor"];
            };
        };
        responses: {
            /** @description The data source. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The data source. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeleteService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
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
    adminUpdateService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceConstructor"];
            };
        };
        responses: {
            /** @description The updated data source. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetServiceConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The config. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AtlasClusterServiceConfig"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminUpdateServiceConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                serviceId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AtlasClusterServiceConfigUpdate"];
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
    adminListRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules, `[]` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleConstructor"];
            };
        };
        responses: {
            /** @description The new rule's id and name (`<database>.<collection>`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
                /** @description The unique `_id` value of a rule. */
                ruleId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminUpdateRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
                /** @description The unique `_id` value of a rule. */
                ruleId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleConstructor"];
            };
        };
        responses: {
            /** @description The updated rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminDeleteRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
                /** @description The unique `_id` value of a rule. */
                ruleId: components["schemas"]["ObjectIdHex"];
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
    adminGetDefaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The default rule. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefaultRule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The data source has no default rule (`default rule does not exist on service`), or there is no such data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminUpdateDefaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefaultRuleUpdate"];
            };
        };
        responses: {
            /** @description Replaced. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description There is no default rule (`default rule does not exist`), the `_id` is not its (`service default rule id mismatch`), or the roles and filters are invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateDefaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefaultRuleConstructor"];
            };
        };
        responses: {
            /** @description The default rule. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefaultRule"];
                };
            };
            /** @description The data source already has a default rule (`default rule already exists`), or the roles and filters are invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminDeleteDefaultRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                /** @description The `_id` of a data source. */
                serviceId: components["parameters"]["ServiceId"];
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
            /** @description The data source has no default rule (`default rule does not exist for app service`), or there is no such data source. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adminGetCustomUserDataConfig: {
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
            /** @description The configuration (ids, not names). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomUserDataConfig"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminSetCustomUserDataConfig: {
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
                "application/json": components["schemas"]["CustomUserDataUpdate"];
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
    adminGetRefreshTokenExpiration: {
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
            /** @description The lifetime. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshTokenExpiration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminSetRefreshTokenExpiration: {
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
                "application/json": components["schemas"]["RefreshTokenExpiration"];
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
    adminListAllowedRequestOrigins: {
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
            /** @description The allowed origins; empty means any origin. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllowedRequestOrigins"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminSetAllowedRequestOrigins: {
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
                "application/json": components["schemas"]["AllowedRequestOrigins"];
            };
        };
        responses: {
            /** @description Set. */
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
    adminRotateSigningKey: {
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
            /** @description The new key is active. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyRotation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
    adminListTriggers: {
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
            /** @description The triggers, whole, `[]` when there are none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trigger"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminCreateTrigger: {
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
                "application/json": components["schemas"]["TriggerConstructor"];
            };
        };
        responses: {
            /** @description The trigger, with both function references filled in. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trigger"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminGetTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                triggerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trigger. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trigger"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminUpdateTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                triggerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TriggerConstructor"];
            };
        };
        responses: {
            /** @description Replaced. */
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
    adminDeleteTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                triggerId: components["schemas"]["ObjectIdHex"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyObject"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminExecuteFunction: {
        parameters: {
            query?: {
                /** @description Run as this user of the app (24 hexadecimal characters). Exactly one of `user_id` and `run_as_system=true` is required (the official specification marks both required). */
                user_id?: components["parameters"]["DebugUserId"];
                /** @description `true` to run as the system user. Exactly one of `user_id` and `run_as_system=true`. */
                run_as_system?: components["parameters"]["DebugRunAsSystem"];
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
        requestBody: {
            content: {
                "application/json": components["schemas"]["DebugExecuteFunctionRequest"];
            };
        };
        responses: {
            /** @description The execution's result (canonical Extended JSON) or error, logs and duration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DebugExecutionResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminExecuteFunctionSource: {
        parameters: {
            query?: {
                /** @description Run as this user of the app (24 hexadecimal characters). Exactly one of `user_id` and `run_as_system=true` is required (the official specification marks both required). */
                user_id?: components["parameters"]["DebugUserId"];
                /** @description `true` to run as the system user. Exactly one of `user_id` and `run_as_system=true`. */
                run_as_system?: components["parameters"]["DebugRunAsSystem"];
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
        requestBody: {
            content: {
                "application/json": components["schemas"]["DebugExecuteSourceRequest"];
            };
        };
        responses: {
            /** @description The execution's result (canonical Extended JSON) or error, logs and duration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DebugExecutionResult"];
                };
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
    clientOAuth2RedirectLogin: {
        parameters: {
            query: {
                /** @description The app's page the result is sent to (in the URL fragment). */
                redirect: string;
                /** @description The client's state, sent back as `_baas_state`. */
                state: string;
                /** @description base64 of the JSON device information (realm-web's). */
                device?: string;
                link?: boolean;
                providerRedirectHeader?: boolean;
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
        requestBody?: never;
        responses: {
            /** @description With `providerRedirectHeader=true`, the provider's authorization URL. */
            200: {
                headers: {
                    "X-BAAS-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description To the provider's authorization URL. */
            302: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            502: components["responses"]["BadGateway"];
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
                "application/json": components["schemas"]["GoogleIdTokenCredentials"] | components["schemas"]["GoogleAuthCodeCredentials"] | components["schemas"]["FacebookCredentials"] | components["schemas"]["AppleCredentials"] | {
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
            502: components["responses"]["BadGateway"];
        };
    };
    clientOAuth2Callback: {
        parameters: {
            query: {
                state: components["parameters"]["OAuth2CallbackState"];
                code?: components["parameters"]["OAuth2CallbackCode"];
                error?: components["parameters"]["OAuth2CallbackError"];
                error_description?: components["parameters"]["OAuth2CallbackErrorDescription"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            302: components["responses"]["OAuth2CallbackRedirect"];
            400: components["responses"]["BadRequest"];
        };
    };
    clientOAuth2CallbackForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    state: string;
                    code?: string;
                    error?: string;
                    error_description?: string;
                    user?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            302: components["responses"]["OAuth2CallbackRedirect"];
            400: components["responses"]["BadRequest"];
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
    clientUserpassRegister: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassRegistration"];
            };
        };
        responses: {
            /** @description Registered: pending or confirmed, per the provider config. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            /** @description Email cannot be sent, or the confirmation function is missing from the deployed config. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clientUserpassConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassTokenPair"];
            };
        };
        responses: {
            /** @description Confirmed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description `BadRequest` "invalid token data" for a token that matches nothing;
             *     `UserpassTokenInvalid` for an expired or already used one.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    clientUserpassResendConfirmation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassEmail"];
            };
        };
        responses: {
            /** @description Sent. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `UserAlreadyConfirmed`, or the app does not confirm by email. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `UserNotFound` (or no such app or provider). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Email cannot be sent. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clientUserpassSendReset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassEmail"];
            };
        };
        responses: {
            /** @description Sent. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The app resets passwords with a function ("please use reset password via function"). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `UserNotFound` (or no such app or provider). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description Email cannot be sent. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clientUserpassResetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassPasswordReset"];
            };
        };
        responses: {
            /** @description The password is changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description `BadRequest` for a password of the wrong length or a token that matches nothing
             *     ("invalid token data"); `UserpassTokenInvalid` for an expired or already used token.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    clientUserpassRetryConfirmation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassEmail"];
            };
        };
        responses: {
            /** @description The function answered "success" (confirmed) or "pending". */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description `UserAlreadyConfirmed` "already confirmed"; `BadRequest` when the function failed, or
             *     "cannot run confirmation for <email>: automatic confirmation is enabled" (or: the app
             *     confirms by email).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `UserNotFound` (or no such app or provider). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description The confirmation function is missing from the deployed config. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    clientUserpassCallResetFunction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserpassResetCall"];
            };
        };
        responses: {
            /** @description The function answered "success" (password set) or "pending". */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description `BadRequest`: the function failed, the password has the wrong length, the arguments
             *     are not valid Extended JSON, or the app resets passwords by email.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description `UserNotFound` (or no such app or provider). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            /** @description The reset function is missing from the deployed config. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
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
    clientCallFunction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app's public App ID, e.g. `myapp-abcde`. */
                client_app_id: components["parameters"]["ClientAppId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientFunctionCall"];
            };
        };
        responses: {
            /** @description The function's return value, as canonical Extended JSON (any JSON value). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            400: components["responses"]["BadRequest"];
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
    adminCreateUser: {
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
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The new user, with its one `local-userpass` identity. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    adminListPendingUsers: {
        parameters: {
            query?: {
                /** @description The `_id` of the last pending user of the previous page. */
                after?: components["schemas"]["ObjectIdHex"];
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
            /** @description Up to 50 pending users in `_id` order (`[]` when none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingUser"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    adminConfirmPendingUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An Atlas project (group) id, 24 hexadecimal characters. */
                groupId: components["parameters"]["GroupId"];
                /** @description The app's internal `_id` (not its `client_app_id`). */
                appId: components["parameters"]["AppId"];
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Confirmed; the user can log in. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `UserAlreadyConfirmed`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description `UserNotFound` (or no such app). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
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
    adminGetLogs: {
        parameters: {
            query?: {
                /** @description Only entries with this correlation id. */
                co_id?: string;
                /**
                 * @description Present (whatever its value, even `false`): only error entries (a failed login, an
                 *     error, a status of 400 or more). Absent: every entry. The official specification says
                 *     absent means non-error entries only; the App Services CLI's `logs list` (without
                 *     `--errors`) sends no flag and expects every entry, so that is what absent means here.
                 */
                errors_only?: string;
                /** @description Only entries of this user. */
                user_id?: string;
                /** @description One log type or a comma list (the CLI sends a list); entries of any of them. */
                type?: components["schemas"]["AppLogType"][];
                /** @description ISO 8601; only entries that started after it (exclusive). */
                start_date?: string;
                /** @description ISO 8601; only entries that started at or before it (inclusive). */
                end_date?: string;
                /** @description How many of the matching entries (newest first) to leave out. */
                skip?: number;
                limit?: number;
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
            /** @description A page of entries, newest first (`[]` when none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        logs: components["schemas"]["AppLog"][];
                        /**
                         * Format: date-time
                         * @description Only when there is a next page; pass it as `end_date`.
                         */
                        nextEndDate?: string;
                        /** @description Only when there is a next page; pass it as `skip`. */
                        nextSkip?: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    atlasListGroups: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                pageNum?: number;
                itemsPerPage?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AtlasGroupsPage"];
                };
            };
            400: components["responses"]["AtlasBadRequest"];
            401: components["responses"]["AtlasUnauthorized"];
            403: components["responses"]["AtlasForbidden"];
            429: components["responses"]["AtlasTooManyRequests"];
        };
    };
}

/**
 * How the runtime gets a secret's value: by app and secret name, at the moment of use. Values
 * never enter configs, snapshots, logs or responses.
 */
export type SecretResolver = (appId: string, name: string) => Promise<string | undefined>;

import { MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import type { FunctionSummary, SecretSummary } from '../../api/types';
import type { ProviderForm } from './ProviderEditor';
import type { ProviderTypeInfo } from './provider-types';

/** A provider type's config settings and its secrets, picked by name from the app's secrets. */
export function ProviderSettings({
  info,
  form,
  set,
  secrets,
  functions,
}: {
  info: ProviderTypeInfo;
  form: ProviderForm;
  set: (patch: Partial<ProviderForm>) => void;
  secrets: SecretSummary[];
  functions: FunctionSummary[];
}) {
  const setConfig = (key: string, value: unknown) => {
    const config = { ...form.config };
    if (value === undefined || value === '') delete config[key];
    else config[key] = value;
    // A function is named here by name: its id (which the server fills in) would contradict a new name.
    if (key.endsWith('Name')) delete config[key.replace(/Name$/, 'Id')];
    set({ config });
  };
  const setSecret = (key: string, value: string | string[] | null) => {
    const secret_config = { ...form.secret_config };
    if (value === null || value.length === 0) delete secret_config[key];
    else secret_config[key] = value;
    set({ secret_config });
  };
  const secretNames = secrets.map((s) => s.name);

  return (
    <>
      {info.settings.map((s) => {
        const value = form.config[s.key];
        switch (s.kind) {
          case 'boolean':
            return (
              <Switch
                key={s.key}
                label={s.label}
                checked={value === true}
                onChange={(e) => setConfig(s.key, e.currentTarget.checked)}
              />
            );
          case 'select':
            return (
              <Select
                key={s.key}
                label={s.label}
                data={s.options ?? []}
                value={typeof value === 'string' ? value : null}
                onChange={(v) => setConfig(s.key, v ?? undefined)}
                clearable
              />
            );
          case 'function':
            return (
              <Select
                key={s.key}
                label={s.label}
                data={functions.map((f) => f.name)}
                value={typeof value === 'string' ? value : null}
                onChange={(v) => setConfig(s.key, v ?? undefined)}
                clearable
                searchable
              />
            );
          default:
            return (
              <TextInput
                key={s.key}
                label={s.label}
                value={
                  typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : ''
                }
                onChange={(e) => setConfig(s.key, e.currentTarget.value)}
              />
            );
        }
      })}
      {info.secrets.map((s) =>
        s.multiple ? (
          <MultiSelect
            key={s.key}
            label={s.label}
            description="Secrets are picked by name; create them under Secrets."
            data={secretNames}
            value={(form.secret_config[s.key] as string[] | undefined) ?? []}
            onChange={(v) => setSecret(s.key, v)}
            maxValues={3}
            searchable
          />
        ) : (
          <Select
            key={s.key}
            label={s.label}
            description="A secret, by name; create it under Secrets."
            data={secretNames}
            value={(form.secret_config[s.key] as string | undefined) ?? null}
            onChange={(v) => setSecret(s.key, v)}
            clearable
            searchable
          />
        ),
      )}
    </>
  );
}

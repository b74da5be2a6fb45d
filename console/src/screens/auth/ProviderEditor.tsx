import { Anchor, Button, Group, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import { href } from '../../api/route';
import type { AuthProvider, FunctionSummary, MetadataField, SecretSummary } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';
import { JwtMetadataRows, OAuth2MetadataChecks } from './MetadataFields';
import { ProviderSettings } from './ProviderSettings';
import { providerInfo } from './provider-types';

export interface ProviderForm {
  disabled: boolean;
  config: Record<string, unknown>;
  secret_config: Record<string, string | string[]>;
  metadata_fields: MetadataField[];
  redirect_uris: string;
  domain_restrictions: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Authentication → Providers → Edit: a provider's settings, secrets by name, metadata; Save Draft. */
export function ProviderEditor({ providerId, newType }: { providerId?: string; newType?: string }) {
  const { api, base, go, groupId, appId } = useAppContext();
  const save = useSaveDraft();
  const loaded = useLoad(
    () =>
      Promise.all([
        providerId
          ? api.get<AuthProvider>(`${base}/auth_providers/${providerId}`)
          : Promise.resolve(null),
        api.get<SecretSummary[]>(`${base}/secrets`),
        api.get<FunctionSummary[]>(`${base}/functions`),
      ]),
    [api, base, providerId],
  );
  const [form, setForm] = useState<ProviderForm | null>(null);
  const existing = loaded.data?.[0] ?? null;
  const type = existing?.type ?? newType ?? '';
  const info = providerInfo(type);

  useEffect(() => {
    if (!loaded.data) return;
    const p = loaded.data[0];
    setForm({
      disabled: p?.disabled ?? false,
      config: { ...(p?.config ?? {}) },
      secret_config: { ...(p?.secret_config ?? {}) },
      metadata_fields: p?.metadata_fields ?? [],
      redirect_uris: (p?.redirect_uris ?? []).join('\n'),
      domain_restrictions: (p?.domain_restrictions ?? []).join('\n'),
    });
  }, [loaded.data]);

  if (loaded.loading && !form) return <Loading />;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!form || !loaded.data || !info)
    return <ErrorAlert error={new Error(`unknown provider type ${type}`)} />;
  const [, secrets, functions] = loaded.data;
  const set = (patch: Partial<ProviderForm>) => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: type,
      type,
      disabled: form.disabled,
      config: form.config,
      secret_config: form.secret_config,
      ...(info.metadata !== 'none' ? { metadata_fields: form.metadata_fields } : {}),
      ...(info.redirectUris ? { redirect_uris: lines(form.redirect_uris) } : {}),
      ...(info.domainRestrictions ? { domain_restrictions: lines(form.domain_restrictions) } : {}),
    };
    const ok = await save(async () => {
      if (existing) await api.patch(`${base}/auth_providers/${existing._id}`, body);
      else await api.post(`${base}/auth_providers`, body);
      return true;
    });
    if (ok) go('auth');
  };

  return (
    <Stack>
      <Anchor href={href('g', groupId, 'a', appId, 'auth')} size="sm">
        ← Authentication Providers
      </Anchor>
      <Title order={2} size="h3">
        {existing ? 'Edit' : 'Add'} {info.label}
      </Title>
      <Paper withBorder p="md">
        <form onSubmit={(e) => void submit(e)} aria-label={`${info.label} settings`}>
          <Stack>
            <Switch
              label="Provider Enabled"
              checked={!form.disabled}
              onChange={(e) => set({ disabled: !e.currentTarget.checked })}
            />
            <ProviderSettings
              info={info}
              form={form}
              set={set}
              secrets={secrets}
              functions={functions}
            />
            {info.redirectUris && (
              <Textarea
                label="Redirect URIs"
                description="One absolute URL a line: where the browser login flow may return."
                value={form.redirect_uris}
                onChange={(e) => set({ redirect_uris: e.currentTarget.value })}
                autosize
                minRows={2}
              />
            )}
            {info.domainRestrictions && (
              <Textarea
                label="Domain restrictions"
                description="One email domain a line; empty allows every domain."
                value={form.domain_restrictions}
                onChange={(e) => set({ domain_restrictions: e.currentTarget.value })}
                autosize
                minRows={1}
              />
            )}
            {info.metadata === 'oauth2' && (
              <OAuth2MetadataChecks
                type={info.type}
                fields={form.metadata_fields}
                onChange={(m) => set({ metadata_fields: m })}
              />
            )}
            {info.metadata === 'jwt' && (
              <JwtMetadataRows
                fields={form.metadata_fields}
                onChange={(m) => set({ metadata_fields: m })}
              />
            )}
            {info.settings.length === 0 && info.secrets.length === 0 && (
              <Text size="sm" c="dimmed">
                This provider has no settings.
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => go('auth')}>
                Cancel
              </Button>
              <Button type="submit">Save Draft</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

import { Badge, Button, Group, Paper, Select, Stack, Switch, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { AuthProviderSummary } from '../../api/types';
import { Empty, ErrorAlert, Loading } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';
import { ProviderEditor } from './ProviderEditor';
import { PROVIDER_TYPES, providerInfo } from './provider-types';

/** Authentication → Providers: the list, enable/disable, and Edit (or add) one provider. */
export function AuthScreen({ rest }: { rest: string[] }) {
  const { api, base, go } = useAppContext();
  const save = useSaveDraft();
  // Loaded again on coming back from the editor.
  const providers = useLoad(
    () => api.get<AuthProviderSummary[]>(`${base}/auth_providers`),
    [api, base, rest[0]],
  );
  const [adding, setAdding] = useState<string | null>(null);
  useEffect(() => setAdding(null), [rest[0]]);

  if (rest[0] === 'edit' && rest[1]) return <ProviderEditor providerId={rest[1]} />;
  if (rest[0] === 'new' && rest[1]) return <ProviderEditor newType={rest[1]} />;

  const present = new Set(providers.data?.map((p) => p.type));
  const toggle = async (p: AuthProviderSummary) => {
    await save(() =>
      api.put(`${base}/auth_providers/${p._id}/${p.disabled ? 'enable' : 'disable'}`),
    );
    providers.reload();
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        Authentication Providers
      </Title>
      <Paper withBorder p="md">
        {providers.loading && !providers.data && <Loading />}
        <ErrorAlert error={providers.error} />
        {providers.data?.length === 0 && <Empty>No providers yet: add one below.</Empty>}
        {providers.data && providers.data.length > 0 && (
          <div className="table-scroll">
            <Table data-testid="providers-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Provider</Table.Th>
                  <Table.Th visibleFrom="sm">Type</Table.Th>
                  <Table.Th>Enabled</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {providers.data.map((p) => (
                  <Table.Tr key={p._id}>
                    <Table.Td>{providerInfo(p.type)?.label ?? p.name}</Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Badge variant="light">{p.type}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        checked={!p.disabled}
                        onChange={() => void toggle(p)}
                        aria-label={`${p.name} enabled`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => go('auth', 'edit', p._id)}
                        aria-label={`Edit ${p.name}`}
                      >
                        EDIT
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Group mt="md" align="flex-end">
          <Select
            label="Add a provider"
            placeholder="Provider type"
            data={PROVIDER_TYPES.filter((t) => !present.has(t.type)).map((t) => ({
              value: t.type,
              label: t.label,
            }))}
            value={adding}
            onChange={setAdding}
            w={260}
          />
          <Button
            variant="default"
            disabled={!adding}
            onClick={() => adding && go('auth', 'new', adding)}
          >
            Add provider
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

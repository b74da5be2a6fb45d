import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { User } from '../../api/types';
import { Empty, ErrorAlert, Loading } from '../../components/feedback';
import { PROVIDER_TYPES } from '../auth/provider-types';
import { UserDrawer } from './UserDrawer';

const PAGE = 50;

export const userLabel = (u: User): string => {
  const d = u.data as { email?: string; name?: string };
  return d.email ?? d.name ?? u.identities[0]?.id ?? u._id;
};

/** The users table: 50 a page by `_id` (`after`), filtered by provider type and state. */
export function UsersPanel() {
  const { api, base } = useAppContext();
  const [provider, setProvider] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pages, setPages] = useState<string[]>([]); // the `after` of each page shown before
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const after = pages[pages.length - 1];
  const users = useLoad(
    () =>
      api.get<User[]>(`${base}/users`, {
        after,
        provider_types: provider ?? undefined,
        status: status ?? undefined,
      }),
    [api, base, after, provider, status],
  );
  const filter = (next: () => void) => {
    setPages([]);
    next();
  };
  const term = search.trim().toLowerCase();
  const rows = (users.data ?? []).filter(
    (u) => !term || u._id.includes(term) || userLabel(u).toLowerCase().includes(term),
  );

  return (
    <>
      <Group align="flex-end" mb="sm" wrap="wrap">
        <Select
          label="Provider"
          placeholder="Any"
          data={PROVIDER_TYPES.map((p) => ({ value: p.type, label: p.label }))}
          value={provider}
          onChange={(v) => filter(() => setProvider(v))}
          clearable
          w={200}
        />
        <Select
          label="State"
          placeholder="Any"
          data={[
            { value: 'enabled', label: 'Enabled' },
            { value: 'disabled', label: 'Disabled' },
          ]}
          value={status}
          onChange={(v) => filter(() => setStatus(v))}
          clearable
          w={140}
        />
        <TextInput
          label="Find on this page"
          placeholder="id, email or name"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={220}
        />
      </Group>
      {users.loading && !users.data && <Loading label="Loading users…" />}
      <ErrorAlert error={users.error} />
      {users.data && rows.length === 0 && <Empty>No users match.</Empty>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <Table highlightOnHover data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Th>Providers</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th visibleFrom="sm">Created</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u._id}>
                  <Table.Td>
                    <Text size="sm">{userLabel(u)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {u._id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {u.identities.map((i) => (
                      <Badge key={i.id + i.provider_type} variant="light" mr={4}>
                        {i.provider_type}
                      </Badge>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.disabled ? 'gray' : 'teal'}>
                      {u.disabled ? 'disabled' : 'enabled'}
                    </Badge>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    {new Date(u.creation_date * 1000).toLocaleString()}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setOpen(u._id)}>
                      View
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Group justify="space-between" mt="sm">
        <Button
          variant="default"
          size="xs"
          disabled={pages.length === 0}
          onClick={() => setPages(pages.slice(0, -1))}
        >
          Previous page
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={(users.data?.length ?? 0) < PAGE}
          onClick={() => {
            const last = users.data?.[users.data.length - 1];
            if (last) setPages([...pages, last._id]);
          }}
        >
          Next page
        </Button>
      </Group>
      {open && (
        <UserDrawer userId={open} onClose={() => setOpen(null)} onChanged={() => users.reload()} />
      )}
    </>
  );
}

import { Anchor, Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import { href } from '../../api/route';
import type { Trigger } from '../../api/types';
import { Empty, ErrorAlert, Loading } from '../../components/feedback';
import { TriggerEditor } from './TriggerEditor';

/** Triggers: AUTHENTICATION and SCHEDULED triggers and the functions they run. */
export function TriggersScreen({ rest }: { rest: string[] }) {
  const { api, base, go, groupId, appId } = useAppContext();
  const list = useLoad(() => api.get<Trigger[]>(`${base}/triggers`), [api, base, rest[0]]);
  if (rest[0]) return <TriggerEditor triggerId={rest[0] === 'new' ? undefined : rest[0]} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Triggers
        </Title>
        <Button onClick={() => go('triggers', 'new')}>Add a trigger</Button>
      </Group>
      <Paper withBorder p="md">
        {list.loading && !list.data && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data?.length === 0 && <Empty>No triggers yet.</Empty>}
        {list.data && list.data.length > 0 && (
          <div className="table-scroll">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Function</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((t) => (
                  <Table.Tr key={t._id}>
                    <Table.Td>
                      <Anchor href={href('g', groupId, 'a', appId, 'triggers', t._id)}>
                        {t.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t.type}</Table.Td>
                    <Table.Td>{t.function_name}</Table.Td>
                    <Table.Td>
                      <Badge color={t.disabled ? 'gray' : 'teal'}>
                        {t.disabled ? 'disabled' : 'enabled'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
    </Stack>
  );
}

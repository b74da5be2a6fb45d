import { Anchor, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import { href } from '../../api/route';
import type { FunctionSummary } from '../../api/types';
import { Empty, ErrorAlert, Loading } from '../../components/feedback';
import { FunctionEditor } from './FunctionEditor';

/** Functions: the list; a function's editor and its run console. */
export function FunctionsScreen({ rest }: { rest: string[] }) {
  const { api, base, go, groupId, appId } = useAppContext();
  const list = useLoad(() => api.get<FunctionSummary[]>(`${base}/functions`), [api, base, rest[0]]);
  if (rest[0]) return <FunctionEditor functionId={rest[0] === 'new' ? undefined : rest[0]} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Functions
        </Title>
        <Button onClick={() => go('functions', 'new')}>Create a function</Button>
      </Group>
      <Paper withBorder p="md">
        {list.loading && !list.data && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data?.length === 0 && <Empty>No functions yet.</Empty>}
        {list.data && list.data.length > 0 && (
          <div className="table-scroll">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Last modified</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((f) => (
                  <Table.Tr key={f._id}>
                    <Table.Td>
                      <Anchor href={href('g', groupId, 'a', appId, 'functions', f._id)}>
                        {f.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{new Date(f.last_modified * 1000).toLocaleString()}</Table.Td>
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

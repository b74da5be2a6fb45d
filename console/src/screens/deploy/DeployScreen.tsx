import {
  Badge,
  Button,
  Code,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { Deployment } from '../../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../../components/feedback';

const when = (seconds: number) => new Date(seconds * 1000).toLocaleString();

/** Deploy: the open draft (review its diff, deploy, discard) and the deployment history. */
export function DeployScreen() {
  const { api, base, draft } = useAppContext();
  const { run, confirm } = useFeedback();
  const history = useLoad(() => api.get<Deployment[]>(`${base}/deployments`), [api, base]);
  const [reviewing, setReviewing] = useState(false);

  const deploy = async () => {
    if (!draft.draft) return;
    const id = draft.draft._id;
    const ok = await run(async () => {
      await api.post(`${base}/drafts/${id}/deployment`);
      return true;
    }, 'Deployed');
    setReviewing(false);
    await draft.refresh().catch(() => undefined);
    if (ok) history.reload();
  };

  const discard = async () => {
    if (!draft.draft) return;
    const id = draft.draft._id;
    if (
      !(await confirm(
        'Discard draft?',
        `${draft.diff.length} unsaved change(s) will be lost.`,
        'Discard draft',
      ))
    )
      return;
    await run(() => api.del(`${base}/drafts/${id}`), 'Draft discarded');
    await draft.refresh().catch(() => undefined);
  };

  const redeploy = async (d: Deployment) => {
    const ok = await confirm(
      'Redeploy this version?',
      `The app's config goes back to deployment ${d.name} of ${when(d.deployed_at)}.`,
      'Redeploy',
    );
    if (!ok) return;
    await run(() => api.post(`${base}/deployments/${d._id}/redeploy`), 'Redeployed');
    history.reload();
    await draft.refresh().catch(() => undefined);
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        Deploy
      </Title>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          Draft
        </Title>
        {draft.draft ? (
          <Group justify="space-between">
            <Text size="sm">
              Your draft has {draft.diff.length} change{draft.diff.length === 1 ? '' : 's'}.
            </Text>
            <Group gap="xs">
              <Button variant="default" color="red" onClick={() => void discard()}>
                Discard draft
              </Button>
              <Button onClick={() => setReviewing(true)}>Review &amp; Deploy Changes</Button>
            </Group>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            No draft open. Saving a change anywhere in the console opens one.
          </Text>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          Deployment history
        </Title>
        {history.loading && !history.data && <Loading />}
        <ErrorAlert error={history.error} />
        {history.data?.length === 0 && <Empty>Nothing deployed yet.</Empty>}
        {history.data && history.data.length > 0 && (
          <div className="table-scroll">
            <Table data-testid="deployments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Deployed</Table.Th>
                  <Table.Th>Origin</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th visibleFrom="sm">Name</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.map((d, i) => (
                  <Table.Tr key={d._id}>
                    <Table.Td>{when(d.deployed_at)}</Table.Td>
                    <Table.Td>{d.origin}</Table.Td>
                    <Table.Td>
                      <Badge color={d.status === 'successful' ? 'teal' : 'red'} variant="light">
                        {d.status}
                      </Badge>
                      {i === 0 && (
                        <Badge ml={4} variant="outline">
                          current
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs" visibleFrom="sm">
                      {d.name}
                    </Table.Td>
                    <Table.Td>
                      {i > 0 && (
                        <Button size="xs" variant="light" onClick={() => void redeploy(d)}>
                          Redeploy
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>

      <Modal
        opened={reviewing}
        onClose={() => setReviewing(false)}
        title="Review & Deploy Changes"
        size="lg"
      >
        <Stack>
          {draft.diff.length === 0 ? (
            <Text size="sm">The draft changes nothing.</Text>
          ) : (
            <List size="sm" spacing={4} data-testid="diff">
              {draft.diff.map((line) => (
                <List.Item key={line}>
                  <Code>{line}</Code>
                </List.Item>
              ))}
            </List>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReviewing(false)}>
              Cancel
            </Button>
            <Button onClick={() => void deploy()}>Deploy</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

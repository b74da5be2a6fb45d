import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useAppContext } from '../../api/app-context';
import { ApiError } from '../../api/client';
import { useLoad } from '../../api/hooks';
import type { ServiceSummary } from '../../api/types';
import { Empty, ErrorAlert, Loading, useFeedback } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';
import { RuleEditor, type Rule } from './RuleEditor';

/** The rules endpoints answer this until the server serves collection rules. */
const notServed = (e: unknown) =>
  e instanceof ApiError && e.status === 404 && e.message === 'no such endpoint';

/**
 * Rules: a data source's collection rules ({database, collection, roles, filters}) and its default
 * rule, through `…/services/{serviceId}/rules` and `…/default_rule` (the official paths).
 */
export function RulesScreen() {
  const { api, base } = useAppContext();
  const services = useLoad(() => api.get<ServiceSummary[]>(`${base}/services`), [api, base]);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const current = serviceId ?? services.data?.[0]?._id ?? null;

  return (
    <Stack>
      <Title order={2} size="h3">
        Rules
      </Title>
      {services.loading && !services.data && <Loading />}
      <ErrorAlert error={services.error} />
      {services.data?.length === 0 && (
        <Empty>Link a data source first (App Users → User Settings).</Empty>
      )}
      {services.data && services.data.length > 0 && (
        <Select
          label="Data source"
          data={services.data.map((s) => ({ value: s._id, label: s.name }))}
          value={current}
          onChange={setServiceId}
          allowDeselect={false}
          w={260}
        />
      )}
      {current && <ServiceRules key={current} serviceId={current} />}
    </Stack>
  );
}

function ServiceRules({ serviceId }: { serviceId: string }) {
  const { api, base } = useAppContext();
  const { confirm } = useFeedback();
  const save = useSaveDraft();
  const path = `${base}/services/${serviceId}`;
  const rules = useLoad(() => api.get<Rule[]>(`${path}/rules`), [api, path]);
  const defaultRule = useLoad(async () => {
    try {
      return await api.get<Rule>(`${path}/default_rule`);
    } catch (e) {
      // 404 with another message: this data source has no default rule.
      if (e instanceof ApiError && e.status === 404 && !notServed(e)) return null;
      throw e;
    }
  }, [api, path]);
  const [editing, setEditing] = useState<Rule | 'new' | 'default' | null>(null);

  if (notServed(rules.error))
    return (
      <Alert color="gray" title="Not served yet">
        This server does not serve collection rules yet (
        <code>…/services/{'{serviceId}'}/rules</code>).
      </Alert>
    );

  const remove = async (r: Rule) => {
    if (
      !(await confirm(
        'Delete rule?',
        `The rule of ${r.database}.${r.collection} is removed in your draft.`,
        'Delete',
      ))
    )
      return;
    await save(() => api.del(`${path}/rules/${r._id}`), 'Rule deleted in draft');
    rules.reload();
  };
  const done = () => {
    setEditing(null);
    rules.reload();
    defaultRule.reload();
  };

  if (editing)
    return (
      <RuleEditor
        path={path}
        rule={
          editing === 'new' ? null : editing === 'default' ? (defaultRule.data ?? null) : editing
        }
        isDefault={editing === 'default'}
        hasDefault={!!defaultRule.data}
        onDone={done}
      />
    );

  return (
    <Paper withBorder p="md">
      {rules.loading && !rules.data && <Loading />}
      <ErrorAlert error={rules.error} />
      <Group justify="space-between" mb="sm">
        <Group gap={6}>
          <Text size="sm">Default rule:</Text>
          {defaultRule.data ? (
            <Badge variant="light">{defaultRule.data.roles.length} role(s)</Badge>
          ) : (
            <Badge color="gray">none</Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setEditing('default')}>
            Edit default rule
          </Button>
          <Button size="xs" onClick={() => setEditing('new')}>
            Add a collection rule
          </Button>
        </Group>
      </Group>
      {rules.data?.length === 0 && <Empty>No collection rules.</Empty>}
      {rules.data && rules.data.length > 0 && (
        <div className="table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Collection</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((r) => (
                <Table.Tr key={r._id}>
                  <Table.Td ff="monospace">
                    {r.database}.{r.collection}
                  </Table.Td>
                  <Table.Td>{r.roles.map((role) => role.name).join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => setEditing(r)}>
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="outline"
                        onClick={() => void remove(r)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}

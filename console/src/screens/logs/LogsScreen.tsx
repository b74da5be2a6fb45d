import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Fragment, useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { useLoad } from '../../api/hooks';
import type { AppLog, LogsPage } from '../../api/types';
import { Empty, ErrorAlert, Loading } from '../../components/feedback';

const TYPES = ['AUTH', 'FUNCTION', 'AUTH_TRIGGER', 'SCHEDULED_TRIGGER', 'TRIGGER_FAILURE'];

interface Filters {
  type: string[];
  errorsOnly: boolean;
  userId: string;
  coId: string;
}

/** Logs: newest first, filtered by type, errors, user and request (co_id); older pages on demand. */
export function LogsScreen() {
  const { api, base } = useAppContext();
  const [draft, setDraft] = useState<Filters>({
    type: [],
    errorsOnly: false,
    userId: '',
    coId: '',
  });
  const [filters, setFilters] = useState<Filters>(draft);
  const [cursor, setCursor] = useState<{ end_date?: string; skip?: number }>({});
  const [open, setOpen] = useState<string | null>(null);
  const page = useLoad(
    () =>
      api.get<LogsPage>(`${base}/logs`, {
        type: filters.type.join(',') || undefined,
        errors_only: filters.errorsOnly ? true : undefined,
        user_id: filters.userId.trim() || undefined,
        co_id: filters.coId.trim() || undefined,
        limit: 50,
        end_date: cursor.end_date,
        skip: cursor.skip,
      }),
    [api, base, filters, cursor],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setCursor({});
    setFilters(draft);
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        Logs
      </Title>
      <Paper withBorder p="md">
        <form onSubmit={apply}>
          <Group align="flex-end" wrap="wrap">
            <MultiSelect
              label="Type"
              data={TYPES}
              value={draft.type}
              onChange={(v) => setDraft({ ...draft, type: v })}
              placeholder="Any"
              w={260}
            />
            <TextInput
              label="User id"
              value={draft.userId}
              onChange={(e) => setDraft({ ...draft, userId: e.currentTarget.value })}
              w={220}
            />
            <TextInput
              label="Request (co_id)"
              value={draft.coId}
              onChange={(e) => setDraft({ ...draft, coId: e.currentTarget.value })}
              w={220}
            />
            <Checkbox
              label="Errors only"
              checked={draft.errorsOnly}
              onChange={(e) => setDraft({ ...draft, errorsOnly: e.currentTarget.checked })}
              mb={8}
            />
            <Button type="submit" variant="default">
              Apply filters
            </Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder p="md">
        {page.loading && !page.data && <Loading />}
        <ErrorAlert error={page.error} />
        {page.data?.logs.length === 0 && <Empty>No log entries match.</Empty>}
        {page.data && page.data.logs.length > 0 && (
          <div className="table-scroll">
            <Table data-testid="logs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.logs.map((l) => (
                  <Fragment key={l._id}>
                    <Table.Tr
                      onClick={() => setOpen(open === l._id ? null : l._id)}
                      style={{ cursor: 'pointer' }}
                    >
                      <Table.Td fz="xs">{new Date(l.started).toLocaleString()}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{l.type}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <button type="button" className="row-toggle" aria-expanded={open === l._id}>
                          {summary(l)}
                        </button>
                      </Table.Td>
                      <Table.Td>
                        {l.error_code ? (
                          <Badge color="red">{l.error_code}</Badge>
                        ) : (
                          <Badge color="teal">ok</Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {open === l._id && (
                      <Table.Tr>
                        <Table.Td colSpan={4}>
                          <Code block className="code-block">
                            {JSON.stringify(l, null, 2)}
                          </Code>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Group justify="space-between" mt="sm">
          <Button
            variant="default"
            size="xs"
            disabled={!cursor.end_date}
            onClick={() => setCursor({})}
          >
            Newest
          </Button>
          {page.data?.nextEndDate ? (
            <Button
              variant="default"
              size="xs"
              onClick={() =>
                setCursor({ end_date: page.data?.nextEndDate, skip: page.data?.nextSkip })
              }
            >
              Older
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              End of the logs
            </Text>
          )}
        </Group>
      </Paper>
    </Stack>
  );
}

function summary(l: AppLog): string {
  if (l.auth_event)
    return `${l.auth_event.type} ${l.auth_event.provider}${l.user_id ? ` · ${l.user_id}` : ''}`;
  if (l.function_name) return `${l.function_name}()${l.user_id ? ` · ${l.user_id}` : ''}`;
  return l.error ?? l.request_url ?? l.type;
}

import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useAppContext } from '../../api/app-context';
import { CodeEditor } from '../../components/CodeEditor';
import { ErrorAlert } from '../../components/feedback';
import { useSaveDraft } from '../../components/useSave';

/** A collection rule (or, without database and collection, the default rule) as the API shapes it. */
export interface Rule {
  _id?: string;
  database?: string;
  collection?: string;
  roles: { name: string; [key: string]: unknown }[];
  filters: unknown[];
}

const EXAMPLE_ROLES = [
  {
    name: 'ThisUser',
    apply_when: { user_id: '%%user.id%%' },
    insert: false,
    delete: false,
    search: false,
    read: true,
    write: true,
  },
];

/** Edits a rule's roles and filters as JSON (the shapes of the official specification). */
export function RuleEditor({
  path,
  rule,
  isDefault,
  hasDefault,
  onDone,
}: {
  path: string;
  rule: Rule | null;
  isDefault: boolean;
  hasDefault: boolean;
  onDone: () => void;
}) {
  const { api } = useAppContext();
  const save = useSaveDraft();
  const [database, setDatabase] = useState(rule?.database ?? '');
  const [collection, setCollection] = useState(rule?.collection ?? '');
  const [roles, setRoles] = useState(JSON.stringify(rule?.roles ?? EXAMPLE_ROLES, null, 2));
  const [filters, setFilters] = useState(JSON.stringify(rule?.filters ?? [], null, 2));
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let body: Rule;
    try {
      body = {
        roles: JSON.parse(roles) as Rule['roles'],
        filters: JSON.parse(filters) as unknown[],
      };
    } catch (err) {
      setError(err);
      return;
    }
    setError(null);
    if (!isDefault)
      Object.assign(body, { database: database.trim(), collection: collection.trim() });
    const ok = await save(async () => {
      if (isDefault)
        await (hasDefault
          ? api.put(`${path}/default_rule`, body)
          : api.post(`${path}/default_rule`, body));
      else if (rule?._id) await api.put(`${path}/rules/${rule._id}`, body);
      else await api.post(`${path}/rules`, body);
      return true;
    });
    if (ok) onDone();
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3} size="h5">
            {isDefault
              ? 'Default rule'
              : rule
                ? `${rule.database}.${rule.collection}`
                : 'New collection rule'}
          </Title>
          {!isDefault && (
            <Group grow wrap="wrap">
              <TextInput
                label="Database"
                value={database}
                onChange={(e) => setDatabase(e.currentTarget.value)}
                required
                disabled={!!rule}
                miw={180}
              />
              <TextInput
                label="Collection"
                value={collection}
                onChange={(e) => setCollection(e.currentTarget.value)}
                required
                disabled={!!rule}
                miw={180}
              />
            </Group>
          )}
          <CodeEditor
            label="Roles (JSON, in order)"
            value={roles}
            onChange={setRoles}
            height="220px"
          />
          <CodeEditor label="Filters (JSON)" value={filters} onChange={setFilters} height="120px" />
          <ErrorAlert error={error} title="Not valid JSON" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit">Save Draft</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Table,
  TextInput,
} from '@mantine/core';
import type { MetadataField, ProviderType } from '../../api/types';
import { OAUTH2_METADATA } from './provider-types';

/** Google/Facebook: a checkbox per profile field to request (seeds 000/001). */
export function OAuth2MetadataChecks({
  type,
  fields,
  onChange,
}: {
  type: ProviderType;
  fields: MetadataField[];
  onChange: (fields: MetadataField[]) => void;
}) {
  const names = OAUTH2_METADATA[type] ?? [];
  const on = new Set(fields.map((f) => f.name));
  const toggle = (name: string, checked: boolean) =>
    onChange(checked ? [...fields, { name }] : fields.filter((f) => f.name !== name));
  return (
    <Fieldset legend="Metadata fields">
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {names.map((n) => (
          <Checkbox
            key={n}
            label={n}
            checked={on.has(n)}
            onChange={(e) => toggle(n, e.currentTarget.checked)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

/** Custom JWT: "Add Field" rows of path, field name and required (seed 000). */
export function JwtMetadataRows({
  fields,
  onChange,
}: {
  fields: MetadataField[];
  onChange: (fields: MetadataField[]) => void;
}) {
  const update = (i: number, patch: Partial<MetadataField>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <Fieldset legend="Metadata fields">
      {fields.length > 0 && (
        <div className="table-scroll">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Required</Table.Th>
                <Table.Th>Path</Table.Th>
                <Table.Th>Field name</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Field ${i + 1} required`}
                      checked={f.required === true}
                      onChange={(e) => update(i, { required: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Field ${i + 1} path`}
                      placeholder="user.email"
                      value={f.name}
                      onChange={(e) => update(i, { name: e.currentTarget.value })}
                      required
                      miw={140}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Field ${i + 1} field name`}
                      placeholder="email"
                      value={f.field_name ?? ''}
                      onChange={(e) => update(i, { field_name: e.currentTarget.value })}
                      required
                      miw={120}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove field ${i + 1}`}
                      onClick={() => onChange(fields.filter((_, j) => j !== i))}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Group mt="xs">
        <Button
          size="xs"
          variant="light"
          onClick={() => onChange([...fields, { name: '', field_name: '', required: false }])}
        >
          Add Field
        </Button>
      </Group>
    </Fieldset>
  );
}

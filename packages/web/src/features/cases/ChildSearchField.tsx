import { useEffect, useId, useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { api } from '@treem/shared';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FieldFrame, Select } from '../../ui/index.ts';
import { formatBirthDate } from '../register/personForm.ts';
import { registerKeys, usePersonList } from '../register/queries.ts';

/**
 * A child of the register, found by name within the user's scope (the register's own search: tone-insensitive,
 * anywhere in the name). Before anything is typed it offers the first children of the scope, which for a village
 * collaborator is their own village.
 */
export function ChildSearchField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  notFound,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint: string;
  notFound: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  const chosen = typeof value === 'string' && value ? value : undefined;
  // Ask once the user pauses typing, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const children = usePersonList({ search: query || undefined, kind: 'child', page: 1, pageSize: 20 });
  // A child chosen before (from the profile) may not be among the first results: its own record names it.
  const known = useQuery({
    queryKey: registerKeys.person(chosen ?? ''),
    queryFn: ({ signal }) => call(api.register.getPerson, { params: { id: chosen ?? '' }, signal }),
    enabled: Boolean(chosen),
  });
  const options = new Map<string, { value: string; label: string }>();
  if (chosen && known.data)
    options.set(chosen, {
      value: chosen,
      label: `${known.data.fullName} · ${formatBirthDate(known.data.birthDate, known.data.birthDatePrecision)} · ${known.data.villageName}`,
    });
  for (const child of children.data?.items ?? [])
    options.set(child.id, {
      value: child.id,
      label: `${child.fullName} · ${formatBirthDate(child.birthDate, child.birthDatePrecision)} · ${child.villageName}`,
    });

  return (
    <FieldFrame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Select
        id={id}
        ref={field.ref}
        value={chosen}
        onChange={(next: string | undefined) => field.onChange(next ?? null)}
        onBlur={field.onBlur}
        showSearch={{ filterOption: false, onSearch: setText }}
        allowClear
        placeholder={t.common.search}
        loading={children.isFetching}
        notFoundContent={children.isFetching ? t.common.loading : notFound}
        options={[...options.values()]}
        aria-invalid={fieldState.invalid}
        style={{ width: '100%' }}
      />
    </FieldFrame>
  );
}

import { useEffect, useId, useState, type ReactNode } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FieldFrame, Select, type Option } from '../../ui/index.ts';

/** The text typed in a search select, settled for `delayMs` before it is searched for. */
export function useSearchText(delayMs = 300): { search: string; onSearch: (text: string) => void } {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text.trim()), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);
  return { search, onSearch: setText };
}

/**
 * A select whose options the server finds as the user types (communes to transfer to, users to share with,
 * providers of a service). The field holds the chosen id; an emptied field holds `emptyValue` ('' for a required
 * id, so the schema reports it as a choice to make; null for an optional one).
 */
export function SearchSelectField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  options,
  loading,
  onSearch,
  notFound,
  disabled,
  emptyValue = '',
  allowClear = false,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: ReactNode;
  options: readonly Option[];
  loading: boolean;
  onSearch: (text: string) => void;
  notFound?: string;
  disabled?: boolean;
  emptyValue?: '' | null;
  allowClear?: boolean;
}) {
  const t = useT();
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  const chosen = typeof value === 'string' && value ? value : undefined;
  // The chosen option keeps its name when a later search no longer finds it.
  const [picked, setPicked] = useState<Option | undefined>();
  const shown =
    picked && picked.value === chosen && !options.some((option) => option.value === picked.value)
      ? [picked, ...options]
      : options;
  return (
    <FieldFrame
      id={id}
      label={label}
      hint={hint}
      error={fieldState.error ? (chosen ? fieldState.error.message : t.validation.requiredChoice) : undefined}
    >
      <Select
        id={id}
        ref={field.ref}
        value={chosen}
        onChange={(next: string | undefined) => {
          setPicked(options.find((option) => option.value === next));
          field.onChange(next ?? emptyValue);
        }}
        onBlur={field.onBlur}
        showSearch={{ filterOption: false, onSearch }}
        placeholder={t.common.search}
        loading={loading}
        disabled={disabled}
        allowClear={allowClear}
        options={shown.map((option) => ({ ...option, title: option.label }))}
        notFoundContent={loading ? undefined : notFound}
        aria-invalid={fieldState.invalid}
        style={{ width: '100%' }}
      />
    </FieldFrame>
  );
}

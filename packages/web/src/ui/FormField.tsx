import { useId, type FormEvent, type ReactNode } from 'react';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import {
  useController,
  type Control,
  type FieldError,
  type FieldPath,
  type FieldValues,
} from 'react-hook-form';
import { useT } from '../i18n/I18nProvider.tsx';

/*
 * Form fields bound to react-hook-form. Each renders a visible <label for=…> from the catalogue, so tests (and
 * screen readers) find inputs by their label text, and shows the field's error under it.
 */

interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
  /** Replaces the generic "wrong format" message with one that says what the format is. */
  formatMessage?: string;
}

function errorMessage(error: FieldError | undefined, formatMessage: string | undefined): string | undefined {
  if (!error) return undefined;
  if (formatMessage && error.type === 'invalid_format') return formatMessage;
  return error.message;
}

function Frame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <Form.Item
      layout="vertical"
      label={label}
      htmlFor={id}
      validateStatus={error ? 'error' : undefined}
      help={error ?? hint}
    >
      {children}
    </Form.Item>
  );
}

/** A <form> with the catalogue's vertical layout; submission goes to react-hook-form's handler. */
export function AppForm({
  onSubmit,
  children,
  label,
}: {
  onSubmit: (event?: FormEvent) => Promise<void> | void;
  children: ReactNode;
  label?: string;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(event);
      }}
    >
      <Form layout="vertical" component={false} requiredMark={false}>
        {children}
      </Form>
    </form>
  );
}

export function SubmitButton({
  children,
  loading,
  danger,
}: {
  children: string;
  loading?: boolean;
  danger?: boolean;
}) {
  return (
    <Button type="primary" htmlType="submit" loading={loading} danger={danger}>
      {children}
    </Button>
  );
}

/** Submit and cancel, right-aligned under a form. */
export function FormActions({ children }: { children: ReactNode }) {
  return (
    <Flex justify="end" gap="small" wrap className="form-actions">
      {children}
    </Flex>
  );
}

const emptyValue = { text: '', null: null, undefined: undefined } as const;

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  formatMessage,
  autoComplete,
  inputMode,
  emptyAs = 'text',
  autoFocus,
  maxLength,
}: FieldProps<T> & {
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  /** What an emptied input stores: null for `.nullable()` fields (email), undefined for `.optional()` ones. */
  emptyAs?: 'text' | 'null' | 'undefined';
  autoFocus?: boolean;
  maxLength?: number;
}) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={errorMessage(fieldState.error, formatMessage)}>
      <Input
        id={id}
        name={field.name}
        ref={field.ref}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) =>
          field.onChange(event.target.value === '' ? emptyValue[emptyAs] : event.target.value)
        }
        onBlur={field.onBlur}
        disabled={disabled}
        autoComplete={autoComplete}
        inputMode={inputMode}
        autoFocus={autoFocus}
        maxLength={maxLength}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

export function PasswordField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  autoComplete = 'current-password',
}: FieldProps<T> & { autoComplete?: 'current-password' | 'new-password' }) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Input.Password
        id={id}
        name={field.name}
        ref={field.ref}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.onBlur}
        disabled={disabled}
        autoComplete={autoComplete}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

export function TextAreaField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
}: FieldProps<T>) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Input.TextArea
        id={id}
        name={field.name}
        ref={field.ref}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.onBlur}
        disabled={disabled}
        autoSize={{ minRows: 2, maxRows: 6 }}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  options,
  allowClear,
}: FieldProps<T> & { options: readonly Option[]; allowClear?: boolean }) {
  const id = useId();
  const t = useT();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Select
        id={id}
        ref={field.ref}
        value={typeof value === 'string' ? value : undefined}
        // A cleared optional select stores null, which `.nullable()` schemas accept.
        onChange={(next: string | undefined) => field.onChange(next ?? null)}
        onBlur={field.onBlur}
        disabled={disabled}
        options={options.map((option) => ({ ...option }))}
        allowClear={allowClear}
        placeholder={t.common.select}
        showSearch={{ optionFilterProp: 'label' }}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

/** A calendar date stored as `YYYY-MM-DD` (PlainDate), shown dd/MM/yyyy. */
export function DateField<T extends FieldValues>({ control, name, label, hint, disabled }: FieldProps<T>) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <DatePicker
        id={id}
        ref={field.ref}
        value={typeof value === 'string' && value ? dayjs(value) : null}
        onChange={(date) => field.onChange(date ? date.format('YYYY-MM-DD') : undefined)}
        onBlur={field.onBlur}
        disabled={disabled}
        format="DD/MM/YYYY"
        style={{ width: '100%' }}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

/** A bare labelled wrapper for custom controls (pickers) that manage their own value. */
export function FieldFrame(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <Frame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {props.children}
    </Frame>
  );
}

import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, ConfigProvider, DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import {
  useController,
  type Control,
  type FieldError,
  type FieldPath,
  type FieldValues,
} from 'react-hook-form';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import { decimalInputText, parseDecimal } from '../i18n/format.ts';
import './ui.css';

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
  disabled,
}: {
  children: string;
  loading?: boolean;
  danger?: boolean;
  disabled?: boolean;
}) {
  return (
    <Button type="primary" htmlType="submit" loading={loading} danger={danger} disabled={disabled}>
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

const pickerFormats = { date: 'DD/MM/YYYY', month: 'MM/YYYY', year: 'YYYY' } as const;
const pickerStored = { date: 'YYYY-MM-DD', month: 'YYYY-MM-01', year: 'YYYY-01-01' } as const;

/**
 * A calendar date stored as `YYYY-MM-DD` (PlainDate), shown dd/MM/yyyy. With `picker="month"` or `"year"` only the
 * month or year is chosen and the 1st of the period is stored.
 */
export function DateField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  picker = 'date',
  notAfter,
}: FieldProps<T> & {
  picker?: 'date' | 'month' | 'year';
  /** Days after this one (YYYY-MM-DD) cannot be chosen, e.g. today for a date of birth. */
  notAfter?: string;
}) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <DatePicker
        id={id}
        ref={field.ref}
        picker={picker}
        value={typeof value === 'string' && value ? dayjs(value) : null}
        onChange={(date) => field.onChange(date ? date.format(pickerStored[picker]) : undefined)}
        onBlur={field.onBlur}
        disabled={disabled}
        disabledDate={notAfter ? (day) => day.format('YYYY-MM-DD') > notAfter : undefined}
        format={pickerFormats[picker]}
        style={{ width: '100%' }}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

/** A calendar date outside a form (a page's filter): `YYYY-MM-DD` in and out, shown dd/MM/yyyy. */
export function PlainDateInput({
  id,
  value,
  onChange,
  notAfter,
  allowClear = false,
}: {
  id?: string;
  value: string | undefined;
  onChange: (date: string | undefined) => void;
  notAfter?: string;
  allowClear?: boolean;
}) {
  return (
    <DatePicker
      id={id}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange(date ? date.format('YYYY-MM-DD') : undefined)}
      disabledDate={notAfter ? (day) => day.format('YYYY-MM-DD') > notAfter : undefined}
      format={pickerFormats.date}
      allowClear={allowClear}
      style={{ width: '100%' }}
    />
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

/** A whole number (a year, a count); an emptied input stores null. */
export function NumberField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  min,
  max,
}: FieldProps<T> & { min?: number; max?: number }) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <InputNumber
        id={id}
        ref={field.ref}
        value={typeof value === 'number' ? value : null}
        onChange={(next) => field.onChange(typeof next === 'number' ? next : null)}
        onBlur={field.onBlur}
        disabled={disabled}
        min={min}
        max={max}
        precision={0}
        inputMode="numeric"
        style={{ width: '100%' }}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

/**
 * A measurement (kg, cm) typed as text so a decimal comma works as well as a point ("12,5"). The form holds the
 * number: null when empty, NaN when the text is not a number (the schema then reports it on the field).
 */
export function DecimalField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  suffix,
  autoFocus,
}: FieldProps<T> & { suffix?: string; autoFocus?: boolean }) {
  const id = useId();
  const { language } = useI18n();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  const [text, setText] = useState(() =>
    decimalInputText(typeof value === 'number' ? value : null, language),
  );
  // A reset of the form (or a value set by code) replaces what is shown; the user's own typing is kept as typed,
  // so only a change of the value is watched, not of the text.
  useEffect(() => {
    const typed = parseDecimal(text);
    const same = typed === value || (Number.isNaN(typed) && Number.isNaN(value));
    if (!same) setText(decimalInputText(typeof value === 'number' ? value : null, language));
  }, [value]);
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Input
        id={id}
        name={field.name}
        ref={field.ref}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          field.onChange(parseDecimal(event.target.value));
        }}
        onBlur={field.onBlur}
        disabled={disabled}
        inputMode="decimal"
        autoComplete="off"
        autoFocus={autoFocus}
        suffix={suffix}
        aria-invalid={fieldState.invalid}
      />
    </Frame>
  );
}

/**
 * A short choice shown as buttons side by side (sex, yes/no): one tap on a phone, no popup. The group is labelled
 * by the field's label, so tests reach it as a radiogroup.
 */
export function ChoiceField<T extends FieldValues, V extends string | boolean>({
  control,
  name,
  label,
  hint,
  disabled,
  options,
}: FieldProps<T> & { options: readonly { value: V; label: string }[] }) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const value: unknown = field.value;
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Radio.Group
        id={id}
        ref={field.ref}
        aria-label={label}
        value={value}
        onChange={(event) => field.onChange(event.target.value as V)}
        disabled={disabled}
        optionType="button"
        buttonStyle="solid"
        className="choice-field"
        options={options.map((option) => ({ value: option.value, label: option.label }))}
      />
    </Frame>
  );
}

/** Larger inputs and buttons for the forms collaborators fill in on a phone. */
export function LargeControls({ children }: { children: ReactNode }) {
  return <ConfigProvider componentSize="large">{children}</ConfigProvider>;
}

const yesNoValues = { yes: true, no: false, unknown: null } as const;
type YesNoKey = keyof typeof yesNoValues;

function yesNoKey(value: unknown): YesNoKey {
  return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

/** Yes / no / not known, stored as true / false / null: for facts a collaborator may not know at the door. */
export function YesNoField<T extends FieldValues>({
  control,
  name,
  label,
  hint,
  disabled,
  labels,
}: FieldProps<T> & { labels: Record<YesNoKey, string> }) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  return (
    <Frame id={id} label={label} hint={hint} error={fieldState.error?.message}>
      <Radio.Group
        id={id}
        ref={field.ref}
        aria-label={label}
        value={yesNoKey(field.value)}
        onChange={(event) => field.onChange(yesNoValues[event.target.value as YesNoKey])}
        disabled={disabled}
        optionType="button"
        className="choice-field"
        options={(['yes', 'no', 'unknown'] as const).map((key) => ({ value: key, label: labels[key] }))}
      />
    </Frame>
  );
}

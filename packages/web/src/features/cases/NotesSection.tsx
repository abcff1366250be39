import { useId } from 'react';
import { useController, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { api, type CaseDetail } from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatInstant } from '../../i18n/format.ts';
import {
  AppForm,
  Card,
  Checkbox,
  Divider,
  ErrorAlert,
  Flex,
  FormActions,
  SubmitButton,
  Tag,
  TextAreaField,
  Typography,
  useNotify,
} from '../../ui/index.ts';
import { useCaseChanged } from './queries.ts';
import { useCaseServerErrors } from './serverIssues.ts';

type NoteValues = z.input<typeof api.cases.addNote.body>;
type NoteOutput = z.output<typeof api.cases.addNote.body>;

function ConfidentialCheckbox({
  control,
  forced,
  label,
  hint,
}: {
  control: Control<NoteValues>;
  forced: boolean;
  label: string;
  hint: string;
}) {
  const id = useId();
  const { field } = useController({ control, name: 'extraConfidential' });
  return (
    <Flex vertical gap={2} className="plan-item">
      <Checkbox
        id={id}
        checked={forced || field.value === true}
        disabled={forced}
        onChange={(event) => field.onChange(event.target.checked)}
      >
        {label}
      </Checkbox>
      {forced && <Typography.Text type="secondary">{hint}</Typography.Text>}
    </Flex>
  );
}

function NoteForm({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const changed = useCaseChanged();
  const form = useForm<NoteValues, unknown, NoteOutput>({
    resolver: zodResolver(api.cases.addNote.body),
    defaultValues: { body: '', extraConfidential: false },
  });
  const applyErrors = useCaseServerErrors(form.setError, ['body']);
  const add = useMutation({
    mutationFn: (body: NoteOutput) => call(api.cases.addNote, { params: { id: detail.id }, body }),
    onSuccess: async () => {
      notify.success(t.cases.notes.added);
      form.reset();
      await changed(detail.id);
    },
    onError: (error) => applyErrors(error),
  });
  return (
    <AppForm label={t.cases.notes.add} onSubmit={form.handleSubmit((body) => add.mutate(body))}>
      <TextAreaField control={form.control} name="body" label={t.cases.notes.body} />
      <ConfidentialCheckbox
        control={form.control}
        forced={detail.extraConfidential}
        label={t.cases.notes.extraConfidential}
        hint={t.cases.notes.forcedConfidential}
      />
      <ErrorAlert error={add.error} />
      <FormActions>
        <SubmitButton loading={add.isPending}>{t.cases.notes.add}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

/**
 * The case's notes. An extra-confidential note is shown to the case's workers alone; everyone else sees that it
 * exists, not what it says (the server sends no body).
 */
export function NotesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const writable = detail.relation === 'worker';
  return (
    <Card title={t.cases.notes.title}>
      {detail.notes.length === 0 ? (
        <Typography.Text type="secondary">{t.cases.notes.empty}</Typography.Text>
      ) : (
        <ul className="plain-list" aria-label={t.cases.notes.title}>
          {detail.notes.map((note) => (
            <li key={note.id} className="plan-item">
              <Flex gap="small" wrap align="center">
                <Typography.Text strong>{note.authorName}</Typography.Text>
                <Typography.Text type="secondary">{formatInstant(note.writtenAt)}</Typography.Text>
                {note.extraConfidential && <Tag color="purple">{t.cases.notes.confidential}</Tag>}
              </Flex>
              {note.body === null ? (
                <Typography.Text type="secondary" className="hidden-note">
                  {t.cases.notes.hidden}
                </Typography.Text>
              ) : (
                <div className="case-text">{note.body}</div>
              )}
            </li>
          ))}
        </ul>
      )}
      {writable && (
        <>
          <Divider />
          <NoteForm detail={detail} />
        </>
      )}
    </Card>
  );
}

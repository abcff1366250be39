import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { Link } from '@tanstack/react-router';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import {
  api,
  DuplicateCandidate,
  PersonUpdate,
  todayInVietnam,
  type BirthDatePrecision,
  type HouseholdDetail,
  type PersonDetail,
} from '@treem/shared';
import { isApiError } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  ChoiceField,
  DateField,
  ErrorAlert,
  FormActions,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  Typography,
  useNotify,
  YesNoField,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { ethnicityOptions, optionsOf } from './display.tsx';
import {
  emptyPersonForm,
  personalIdWarnings,
  personFormFromDetail,
  personFormProblems,
  startOfPeriod,
  toPersonInput,
  toPersonUpdate,
  type PersonFormValues,
  type PersonPlace,
} from './personForm.ts';
import { useInvalidateRegister } from './queries.ts';

type FormInput = z.input<typeof PersonUpdate>;
type FormOutput = z.output<typeof PersonUpdate>;

const personFields = [
  'fullName',
  'sex',
  'birthDate',
  'birthDatePrecision',
  'personalId',
  'ethnicityCode',
  'nationality',
  'relationshipToHead',
  'birthRegistered',
  'birthRegistrationDate',
  'birthRegistrationPlace',
  'disabilityType',
  'disabilityLevel',
  'schoolName',
  'schoolLevel',
  'hasHealthInsurance',
  'healthInsuranceNumber',
  'livingArrangement',
  'motherId',
  'fatherId',
  'caregiverId',
  'phone',
  'notes',
] as const satisfies readonly FieldPath<FormInput>[];

/**
 * A personal ID already on another record is not a "maybe": the server names that record (`details.personId`)
 * and no confirmation can create a second one.
 */
function personalIdClash(error: unknown): string | undefined {
  if (!isApiError(error) || error.code !== 'POSSIBLE_DUPLICATE' || error.details?.sameIdentity !== true) {
    return undefined;
  }
  const id = error.details.personId;
  return typeof id === 'string' ? id : undefined;
}

/** The likely duplicates a 409 POSSIBLE_DUPLICATE carries, or none when the answer is something else. */
function duplicateCandidates(error: unknown): DuplicateCandidate[] {
  if (!isApiError(error) || error.code !== 'POSSIBLE_DUPLICATE') return [];
  const parsed = z.array(DuplicateCandidate).safeParse(error.details?.candidates);
  return parsed.success ? parsed.data : [];
}

function Subtitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={3} className="subsection-title">
      {children}
    </Typography.Title>
  );
}

interface PersonFormProps {
  /** Edit this record; without it the form registers a new person at `place`. */
  person?: PersonDetail;
  place?: PersonPlace;
  /** The household the person lives in: its members can be named as mother, father or caregiver. */
  household?: HouseholdDetail | undefined;
  defaults?: Partial<PersonFormValues>;
  /** Phone layout: the few facts needed to register first, everything else folded under "more". */
  compact?: boolean;
  submitLabel?: string;
  onDone: (saved: PersonDetail) => void;
  onCancel?: () => void;
}

/**
 * Register or edit a person. Checks the form can make itself (dates, the personal ID against sex and year of birth)
 * are shown while typing; the server's person rules and its duplicate search answer on submit. A likely duplicate
 * stops the create until the user has looked at the candidates and confirmed.
 */
export function PersonForm({
  person,
  place,
  household,
  defaults,
  compact = false,
  submitLabel,
  onDone,
  onCancel,
}: PersonFormProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidate = useInvalidateRegister();
  const today = todayInVietnam();
  const [showMore, setShowMore] = useState(!compact);
  const [pending, setPending] = useState<{ values: FormOutput; candidates: DuplicateCandidate[] } | null>(
    null,
  );

  const schema = useMemo(
    () =>
      PersonUpdate.superRefine((values, ctx) => {
        for (const problem of personFormProblems(values, today)) {
          ctx.addIssue({ code: 'custom', path: [problem.field], message: t.personRules[problem.code] });
        }
      }),
    [t, today],
  );
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: person ? personFormFromDetail(person) : emptyPersonForm(defaults),
  });
  const [precision, birthDate, sex, personalId, birthRegistered, disabilityType, hasHealthInsurance] =
    useWatch({
      control: form.control,
      name: [
        'birthDatePrecision',
        'birthDate',
        'sex',
        'personalId',
        'birthRegistered',
        'disabilityType',
        'hasHealthInsurance',
      ],
    });
  const applyErrors = useServerErrors(form.setError, personFields, {
    INVALID_REFERENCE: 'motherId',
  });

  const save = useMutation({
    mutationFn: ({ values, confirm }: { values: FormOutput; confirm: boolean }) => {
      if (person) {
        return call(api.register.updatePerson, { params: { id: person.id }, body: toPersonUpdate(values) });
      }
      if (!place) throw new Error('PersonForm needs a place to register a new person');
      return call(api.register.createPerson, { body: toPersonInput(values, place, confirm) });
    },
    onSuccess: async (saved) => {
      setPending(null);
      notify.success(
        format(person ? t.register.person.updated : t.register.person.created, { name: saved.fullName }),
      );
      await invalidate();
      onDone(saved);
    },
    onError: (error, { values }) => {
      const candidates = duplicateCandidates(error);
      if (candidates.length > 0) {
        setPending({ values, candidates });
        return;
      }
      // The person rules arrive as field issues (`body.birthDate`, `personal_id_sex_mismatch`), put on their fields.
      applyErrors(error);
      if (personalIdClash(error)) {
        form.setError('personalId', { type: 'server', message: t.register.person.personalIdTaken });
      }
    },
  });

  const clash = personalIdClash(save.error);
  const currentPrecision: BirthDatePrecision = precision ?? 'day';
  const { setValue } = form;
  // A date picked before the precision was lowered moves to the 1st of its month or year, as the server stores it.
  useEffect(() => {
    if (!birthDate) return;
    const fixed = startOfPeriod(birthDate, currentPrecision);
    if (fixed !== birthDate) setValue('birthDate', fixed, { shouldDirty: true });
  }, [birthDate, currentPrecision, setValue]);
  const idWarnings = personalIdWarnings(personalId, sex, birthDate);
  const members = (household?.members ?? []).filter(
    (member) => member.id !== person?.id && member.status === 'active',
  );
  const memberOptions = (wanted?: 'male' | 'female') =>
    members
      .filter((member) => !wanted || member.sex === wanted)
      .map((member) => ({ value: member.id, label: member.fullName }));
  const birthLabel =
    currentPrecision === 'day'
      ? t.register.person.birthDate
      : currentPrecision === 'month'
        ? t.register.person.birthMonth
        : t.register.person.birthYear;
  const yesNoLabels = { yes: t.common.yes, no: t.common.no, unknown: t.register.person.unknown };

  if (pending) {
    return (
      <DuplicateWarning
        candidates={pending.candidates}
        loading={save.isPending}
        error={save.error && duplicateCandidates(save.error).length === 0 ? save.error : null}
        onConfirm={() => save.mutate({ values: pending.values, confirm: true })}
        onBack={() => {
          save.reset();
          setPending(null);
        }}
      />
    );
  }

  return (
    <AppForm
      label={
        person
          ? format(t.register.person.editTitle, { name: person.fullName })
          : t.register.person.createTitle
      }
      onSubmit={form.handleSubmit((values) => save.mutate({ values, confirm: false }))}
    >
      {!compact && <Subtitle>{t.register.person.sections.identity}</Subtitle>}
      <TextField
        control={form.control}
        name="fullName"
        label={t.register.person.fullName}
        autoComplete="off"
      />
      <ChoiceField
        control={form.control}
        name="sex"
        label={t.register.person.sex}
        options={[
          { value: 'male', label: t.sexes.male },
          { value: 'female', label: t.sexes.female },
        ]}
      />
      <SelectField
        control={form.control}
        name="birthDatePrecision"
        label={t.register.person.birthDatePrecision}
        options={optionsOf(t.birthDatePrecisions)}
      />
      <DateField
        key={currentPrecision}
        control={form.control}
        name="birthDate"
        label={birthLabel}
        picker={currentPrecision === 'day' ? 'date' : currentPrecision}
        notAfter={today}
      />
      <TextField
        control={form.control}
        name="personalId"
        label={t.register.person.personalId}
        hint={t.register.person.personalIdHint}
        inputMode="numeric"
        emptyAs="null"
        maxLength={14}
        formatMessage={t.personalIdProblems.format}
      />
      {idWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="field-warning"
          title={t.register.person.personalIdWarning}
          description={
            <ul className="plain-list">
              {idWarnings.map((problem) => (
                <li key={problem}>{t.personalIdProblems[problem]}</li>
              ))}
            </ul>
          }
        />
      )}
      {household && (
        <SelectField
          control={form.control}
          name="relationshipToHead"
          label={t.register.person.relationshipToHead}
          options={optionsOf(t.relationships)}
          allowClear
        />
      )}
      <SelectField
        control={form.control}
        name="ethnicityCode"
        label={t.register.person.ethnicity}
        options={ethnicityOptions}
      />

      {compact && (
        <Button
          type="link"
          className="more-toggle"
          onClick={() => setShowMore(!showMore)}
          aria-expanded={showMore}
        >
          {t.register.person.sections.more}
        </Button>
      )}
      {showMore && (
        <>
          <Subtitle>{t.register.person.sections.family}</Subtitle>
          <SelectField
            control={form.control}
            name="livingArrangement"
            label={t.register.person.livingArrangement}
            options={optionsOf(t.livingArrangements)}
            allowClear
          />
          {household && members.length > 0 && (
            <>
              <SelectField
                control={form.control}
                name="motherId"
                label={t.register.person.mother}
                hint={t.register.person.linkHint}
                options={memberOptions('female')}
                allowClear
              />
              <SelectField
                control={form.control}
                name="fatherId"
                label={t.register.person.father}
                hint={t.register.person.linkHint}
                options={memberOptions('male')}
                allowClear
              />
              <SelectField
                control={form.control}
                name="caregiverId"
                label={t.register.person.caregiver}
                hint={t.register.person.linkHint}
                options={memberOptions()}
                allowClear
              />
            </>
          )}

          <Subtitle>{t.register.person.sections.birthRegistration}</Subtitle>
          <YesNoField
            control={form.control}
            name="birthRegistered"
            label={t.register.person.birthRegistered}
            labels={yesNoLabels}
          />
          {birthRegistered === true && (
            <>
              <DateField
                control={form.control}
                name="birthRegistrationDate"
                label={t.register.person.birthRegistrationDate}
                notAfter={today}
              />
              <TextField
                control={form.control}
                name="birthRegistrationPlace"
                label={t.register.person.birthRegistrationPlace}
                emptyAs="null"
              />
            </>
          )}

          <Subtitle>{t.register.person.sections.healthAndSchool}</Subtitle>
          <SelectField
            control={form.control}
            name="schoolLevel"
            label={t.register.person.schoolLevel}
            options={optionsOf(t.schoolLevels)}
            allowClear
          />
          <TextField
            control={form.control}
            name="schoolName"
            label={t.register.person.schoolName}
            emptyAs="null"
          />
          <SelectField
            control={form.control}
            name="disabilityType"
            label={t.register.person.disabilityType}
            options={optionsOf(t.disabilityTypes)}
            allowClear
          />
          {disabilityType && (
            <SelectField
              control={form.control}
              name="disabilityLevel"
              label={t.register.person.disabilityLevel}
              options={optionsOf(t.disabilityLevels)}
              allowClear
            />
          )}
          <YesNoField
            control={form.control}
            name="hasHealthInsurance"
            label={t.register.person.hasHealthInsurance}
            labels={yesNoLabels}
          />
          {hasHealthInsurance === true && (
            <TextField
              control={form.control}
              name="healthInsuranceNumber"
              label={t.register.person.healthInsuranceNumber}
              emptyAs="null"
            />
          )}

          <Subtitle>{t.register.person.sections.other}</Subtitle>
          <TextField
            control={form.control}
            name="nationality"
            label={t.register.person.nationality}
            hint={t.register.person.nationalityHint}
            maxLength={2}
          />
          <TextField
            control={form.control}
            name="phone"
            label={t.register.person.phone}
            hint={t.common.optional}
            inputMode="tel"
            formatMessage={t.validation.invalidPhone}
            emptyAs="null"
          />
          <TextAreaField
            control={form.control}
            name="notes"
            label={t.register.person.notes}
            hint={t.common.optional}
          />
        </>
      )}
      {clash ? (
        <Alert
          type="error"
          showIcon
          title={t.register.person.personalIdTaken}
          action={
            <Link to="/register/persons/$id" params={{ id: clash }} target="_blank">
              {t.register.person.openExisting}
            </Link>
          }
        />
      ) : (
        <ErrorAlert error={save.error} />
      )}
      <FormActions>
        {onCancel && <Button onClick={onCancel}>{t.common.cancel}</Button>}
        <SubmitButton loading={save.isPending}>{submitLabel ?? t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import {
  api,
  GrowthMeasurementInput,
  todayInVietnam,
  type EcdChild,
  type GrowthMeasurement,
} from '@treem/shared';
import type { z } from 'zod';
import { call } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  Alert,
  AppForm,
  Button,
  Card,
  ChoiceField,
  Col,
  DateField,
  DecimalField,
  Descriptions,
  ErrorAlert,
  FormActions,
  Row,
  SubmitButton,
  TextAreaField,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { AgeText, ClassificationTags, shownIndicators, ZScore } from './display.tsx';
import { withRuleMessages } from './forms.ts';
import { childAgeInDays, defaultPosition, flaggedIndicators, previewMeasurement } from './growth.ts';
import { useInvalidateChild } from './queries.ts';

type Values = z.input<typeof GrowthMeasurementInput>;
type Output = z.output<typeof GrowthMeasurementInput>;

function initialValues(child: EcdChild, measurement: GrowthMeasurement | undefined): Values {
  if (measurement) {
    return {
      measuredOn: measurement.measuredOn,
      weightKg: measurement.weightKg,
      lengthHeightCm: measurement.lengthHeightCm,
      position: measurement.position ?? defaultPosition(measurement.ageDays),
      headCircumferenceCm: measurement.headCircumferenceCm,
      muacCm: measurement.muacCm,
      oedema: measurement.oedema,
      measuredBy: measurement.measuredBy,
      place: measurement.place,
      note: measurement.note,
    };
  }
  const today = todayInVietnam();
  return {
    measuredOn: today,
    weightKg: null,
    lengthHeightCm: null,
    position: defaultPosition(childAgeInDays(child, today)),
    headCircumferenceCm: null,
    muacCm: null,
    oedema: false,
    measuredBy: null,
    place: null,
    note: null,
  };
}

/** What the values typed so far say, before saving: computed in the browser with the shared WHO functions. */
function LivePreview({ child, values }: { child: EcdChild; values: Values }) {
  const { t } = useI18n();
  const preview = previewMeasurement(child, {
    measuredOn: values.measuredOn,
    weightKg: values.weightKg,
    lengthHeightCm: values.lengthHeightCm,
    position: values.position,
    headCircumferenceCm: values.headCircumferenceCm,
    muacCm: values.muacCm,
    oedema: values.oedema,
  });
  const flagged = flaggedIndicators(preview.scores.flags);
  return (
    <Card size="small" title={t.ecd.growth.preview} className="measurement-preview" aria-live="polite">
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 3 }}
        items={[
          { key: 'age', label: t.ecd.growth.age, children: <AgeText ageDays={preview.ageDays} /> },
          ...shownIndicators.map((indicator) => ({
            key: indicator,
            label: t.ecd.growth.indicatorsShort[indicator],
            children: (
              <ZScore value={preview.scores.z[indicator]} flagged={preview.scores.flags[indicator]} />
            ),
          })),
        ]}
      />
      <div className="preview-classification">
        <ClassificationTags
          classification={preview.classification}
          flags={preview.scores.flags}
          empty={t.ecd.growth.previewEmpty}
        />
      </div>
      {flagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={format(t.ecd.growth.implausibleCheck, {
            indices: flagged.map((indicator) => t.ecd.growth.indicatorsShort[indicator]).join(', '),
          })}
        />
      )}
      {preview.ageDays === null && <Alert type="info" showIcon title={t.ecd.growth.noAge} />}
    </Card>
  );
}

/**
 * Record a measurement, or correct one. z-scores and the classification appear as the numbers are typed; the
 * position defaults to lying under 2 years and standing from 2, following the measurement date, until the user
 * picks one.
 */
export function MeasurementForm({
  child,
  measurement,
  onDone,
}: {
  child: EcdChild;
  measurement?: GrowthMeasurement;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const invalidateChild = useInvalidateChild();
  const form = useForm<Values, unknown, Output>({
    resolver: withRuleMessages(zodResolver(GrowthMeasurementInput), {
      nothing_measured: t.ecd.growth.nothingMeasured,
    }),
    defaultValues: initialValues(child, measurement),
  });
  const values = useWatch({ control: form.control }) as Values;
  const ageDays = childAgeInDays(child, values.measuredOn);

  const previousAge = useRef(ageDays);
  useEffect(() => {
    if (previousAge.current === ageDays) return;
    previousAge.current = ageDays;
    if (!form.getFieldState('position').isDirty) form.setValue('position', defaultPosition(ageDays));
  }, [ageDays, form]);

  const applyErrors = useServerErrors(form.setError, [
    'measuredOn',
    'weightKg',
    'lengthHeightCm',
    'position',
    'headCircumferenceCm',
    'muacCm',
    'oedema',
    'measuredBy',
    'place',
    'note',
  ]);
  const save = useMutation({
    mutationFn: (body: Output) =>
      measurement
        ? call(api.ecd.updateMeasurement, { params: { id: measurement.id }, body })
        : call(api.ecd.createMeasurement, { params: { id: child.id }, body }),
    onSuccess: async () => {
      notify.success(measurement ? t.ecd.growth.updated : t.ecd.growth.created);
      await invalidateChild(child.id);
      onDone();
    },
    onError: (error) => applyErrors(error),
  });

  return (
    <AppForm
      label={measurement ? t.ecd.growth.editTitle : t.ecd.growth.addTitle}
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <DateField
        control={form.control}
        name="measuredOn"
        label={t.ecd.growth.measuredOn}
        notAfter={todayInVietnam()}
      />
      <Row gutter={12}>
        <Col xs={12}>
          <DecimalField control={form.control} name="weightKg" label={t.ecd.growth.weightKg} autoFocus />
        </Col>
        <Col xs={12}>
          <DecimalField control={form.control} name="lengthHeightCm" label={t.ecd.growth.lengthHeightCm} />
        </Col>
      </Row>
      <ChoiceField
        control={form.control}
        name="position"
        label={t.ecd.growth.position}
        hint={t.ecd.growth.positionHint}
        options={[
          { value: 'lying', label: t.ecd.growth.positions.lying },
          { value: 'standing', label: t.ecd.growth.positions.standing },
        ]}
      />
      <Row gutter={12}>
        <Col xs={12}>
          <DecimalField
            control={form.control}
            name="headCircumferenceCm"
            label={t.ecd.growth.headCircumferenceCm}
            hint={t.common.optional}
          />
        </Col>
        <Col xs={12}>
          <DecimalField
            control={form.control}
            name="muacCm"
            label={t.ecd.growth.muacCm}
            hint={t.common.optional}
          />
        </Col>
      </Row>
      <ChoiceField
        control={form.control}
        name="oedema"
        label={t.ecd.growth.oedema}
        hint={t.ecd.growth.oedemaHint}
        options={[
          { value: false, label: t.common.no },
          { value: true, label: t.common.yes },
        ]}
      />
      <LivePreview child={child} values={values} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <TextField
            control={form.control}
            name="measuredBy"
            label={t.ecd.growth.measuredBy}
            hint={t.common.optional}
            emptyAs="null"
          />
        </Col>
        <Col xs={24} sm={12}>
          <TextField
            control={form.control}
            name="place"
            label={t.ecd.growth.place}
            hint={t.common.optional}
            emptyAs="null"
          />
        </Col>
      </Row>
      <TextAreaField control={form.control} name="note" label={t.ecd.growth.note} hint={t.common.optional} />
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{t.common.save}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AppForm, Button, FormActions, SidePanel, SubmitButton, Typography } from '../../ui/index.ts';
import { PersonForm } from './PersonForm.tsx';
import { VillageField } from './VillageField.tsx';

const VillageChoice = z.strictObject({ villageId: z.uuid() });

/**
 * A child who lives in no household of the register (in a social-assistance institution, alone, in alternative
 * care) is registered straight into a village: first the village, then the usual person form.
 */
export function NewPersonButton() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [villageId, setVillageId] = useState<string | null>(null);
  const form = useForm<z.input<typeof VillageChoice>>({
    resolver: zodResolver(VillageChoice),
    defaultValues: { villageId: '' },
  });
  const close = () => {
    setOpen(false);
    setVillageId(null);
    form.reset();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t.register.withoutHousehold.button}</Button>
      <SidePanel open={open} title={t.register.withoutHousehold.title} onClose={close}>
        {villageId ? (
          <PersonForm
            place={{ villageId }}
            defaults={{ livingArrangement: 'institution' }}
            onCancel={close}
            onDone={(saved) => {
              close();
              void navigate({ to: '/register/persons/$id', params: { id: saved.id } });
            }}
          />
        ) : (
          <AppForm
            label={t.register.withoutHousehold.title}
            onSubmit={form.handleSubmit((values) => setVillageId(values.villageId))}
          >
            <Typography.Paragraph type="secondary">{t.register.withoutHousehold.hint}</Typography.Paragraph>
            <VillageField control={form.control} name="villageId" label={t.register.household.village} />
            <FormActions>
              <Button onClick={close}>{t.common.cancel}</Button>
              <SubmitButton>{t.register.withoutHousehold.next}</SubmitButton>
            </FormActions>
          </AppForm>
        )}
      </SidePanel>
    </>
  );
}

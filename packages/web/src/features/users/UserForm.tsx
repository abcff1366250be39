import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import {
  api,
  checkPasswordStrength,
  grantableRoles,
  roleScopeLevels,
  rolesNeedingSector,
  sectors,
  UserCreate,
  type User,
} from '@treem/shared';
import { call } from '../../api/client.ts';
import { useMe } from '../../auth/SessionProvider.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import {
  AppForm,
  Button,
  ErrorAlert,
  FormActions,
  PasswordField,
  SelectField,
  SubmitButton,
  TextField,
  useNotify,
} from '../../ui/index.ts';
import { useServerErrors } from '../../ui/serverErrors.ts';
import { PasswordStrength } from '../account/PasswordStrength.tsx';
import { generatePassword } from '../account/passwordGenerator.ts';
import { levelList } from '../orgUnits/unitDisplay.tsx';
import { OrgUnitPickerField } from '../orgUnits/OrgUnitPicker.tsx';
import { useInvalidateUsers } from './queries.ts';

/** Edit uses the create shape with username and password unchecked: they are shown or absent, never sent. */
const UserEditForm = UserCreate.extend({ username: z.string(), password: z.string() });
type UserFormValues = z.input<typeof UserCreate>;

/** Create a user, or edit one (`user` given). Roles offered are those the signed-in admin may grant. */
export function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const t = useT();
  const me = useMe();
  const notify = useNotify();
  const invalidate = useInvalidateUsers();
  const roleChoices = grantableRoles[me.user.role];

  const schema = useMemo(
    () =>
      (user ? UserEditForm : UserCreate).superRefine((value, ctx) => {
        if (rolesNeedingSector.includes(value.role) && !value.sector) {
          ctx.addIssue({ code: 'custom', path: ['sector'], message: t.errors.ROLE_NEEDS_SECTOR });
        }
        if (!user && value.password && checkPasswordStrength(value.password, value.username).length > 0) {
          ctx.addIssue({ code: 'custom', path: ['password'], message: t.password.weak });
        }
      }),
    [t, user],
  );
  const form = useForm<UserFormValues, unknown, UserCreate>({
    resolver: zodResolver(schema),
    defaultValues: {
      username: user?.username ?? '',
      fullName: user?.fullName ?? '',
      email: user?.email ?? null,
      phone: user?.phone ?? null,
      role: user?.role ?? roleChoices[roleChoices.length - 1] ?? 'viewer',
      sector: user?.sector ?? null,
      scopeOrgUnitIds: user?.scope.map((unit) => unit.orgUnitId) ?? [],
      password: '',
    },
  });
  const [role, username, password] = useWatch({
    control: form.control,
    name: ['role', 'username', 'password'],
  });
  const applyErrors = useServerErrors(
    form.setError,
    ['username', 'fullName', 'email', 'phone', 'role', 'sector', 'scopeOrgUnitIds', 'password'],
    {
      USERNAME_TAKEN: 'username',
      WEAK_PASSWORD: 'password',
      ROLE_NEEDS_SECTOR: 'sector',
      ROLE_NOT_GRANTABLE: 'role',
      ROLE_SCOPE_LEVEL_MISMATCH: 'scopeOrgUnitIds',
    },
  );

  const save = useMutation({
    mutationFn: (values: UserCreate) => {
      if (!user) return call(api.users.create, { body: values });
      const { fullName, email, phone, role: nextRole, sector, scopeOrgUnitIds } = values;
      return call(api.users.update, {
        params: { id: user.id },
        body: { fullName, email, phone, role: nextRole, sector, scopeOrgUnitIds },
      });
    },
    onSuccess: async (saved) => {
      notify.success(format(user ? t.users.updated : t.users.created, { name: saved.fullName }));
      await invalidate();
      onDone();
    },
    onError: (error) => applyErrors(error),
  });

  const roleOptions = [...new Set([...roleChoices, ...(user ? [user.role] : [])])].map((value) => ({
    value,
    label: t.roles[value],
  }));
  const levels = roleScopeLevels[role];

  return (
    <AppForm
      label={user ? format(t.users.editTitle, { name: user.fullName }) : t.users.createTitle}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <TextField
        control={form.control}
        name="username"
        label={t.users.username}
        hint={user ? undefined : t.users.usernameHint}
        formatMessage={t.validation.invalidUsername}
        disabled={Boolean(user)}
        autoComplete="off"
      />
      <TextField control={form.control} name="fullName" label={t.users.fullName} autoComplete="off" />
      <TextField
        control={form.control}
        name="email"
        label={t.users.email}
        hint={t.common.optional}
        inputMode="email"
        emptyAs="null"
      />
      <TextField
        control={form.control}
        name="phone"
        label={t.users.phone}
        hint={t.common.optional}
        inputMode="tel"
        formatMessage={t.validation.invalidPhone}
        emptyAs="null"
      />
      <SelectField control={form.control} name="role" label={t.users.role} options={roleOptions} />
      <SelectField
        control={form.control}
        name="sector"
        label={t.users.sector}
        hint={rolesNeedingSector.includes(role) ? undefined : t.common.optional}
        options={sectors.map((value) => ({ value, label: t.sectors[value] }))}
        allowClear
      />
      <OrgUnitPickerField
        control={form.control}
        name="scopeOrgUnitIds"
        label={t.users.scope}
        hint={format(t.picker.allowedLevels, { levels: levelList(levels, t) })}
        allowedLevels={levels}
        known={user?.scope.map((unit) => ({ ...unit, id: unit.orgUnitId })) ?? []}
        multiple
      />
      {!user && (
        <>
          <PasswordField
            control={form.control}
            name="password"
            label={t.users.password}
            hint={t.users.passwordHint}
            autoComplete="new-password"
          />
          <Button
            size="small"
            onClick={() => form.setValue('password', generatePassword(), { shouldValidate: true })}
          >
            {t.password.generate}
          </Button>
          <PasswordStrength password={password} username={username} />
        </>
      )}
      <ErrorAlert error={save.error} />
      <FormActions>
        <Button onClick={onDone}>{t.common.cancel}</Button>
        <SubmitButton loading={save.isPending}>{user ? t.common.save : t.users.create}</SubmitButton>
      </FormActions>
    </AppForm>
  );
}

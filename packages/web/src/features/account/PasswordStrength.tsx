import { checkPasswordStrength, PASSWORD_MIN_LENGTH, type PasswordProblem } from '@treem/shared';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';
import { format } from '../../i18n/format.ts';
import { Flex, Typography } from '../../ui/index.ts';

const rules: readonly PasswordProblem[] = ['too_short', 'too_few_kinds', 'contains_username', 'common'];

/** Live feedback on the strength rule the server applies, one line per requirement. */
export function PasswordStrength({ password, username = '' }: { password: string; username?: string }) {
  const t = useT();
  const problems = new Set(checkPasswordStrength(password, username));
  const shown = rules.filter((rule) => rule !== 'contains_username' || username !== '');
  return (
    <div className="password-strength" aria-live="polite">
      <Typography.Text strong>{t.password.rulesTitle}</Typography.Text>
      <ul>
        {shown.map((rule) => {
          const ok = password !== '' && !problems.has(rule);
          return (
            <li key={rule} className={ok ? 'rule-ok' : 'rule-pending'}>
              <Flex gap="small" align="center">
                {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}
                <span>{format(t.password.problems[rule], { min: PASSWORD_MIN_LENGTH })}</span>
              </Flex>
            </li>
          );
        })}
      </ul>
      {password !== '' && (
        <Typography.Text type={problems.size === 0 ? 'success' : 'warning'}>
          {problems.size === 0 ? t.password.strong : t.password.weak}
        </Typography.Text>
      )}
    </div>
  );
}

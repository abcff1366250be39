import type { ReactNode } from 'react';
import { Button, Popconfirm } from 'antd';
import { useT } from '../i18n/I18nProvider.tsx';

interface ConfirmButtonProps {
  children: string;
  /** The question asked before acting. */
  question: string;
  onConfirm: () => Promise<unknown> | void;
  danger?: boolean;
  loading?: boolean;
  disabled?: boolean;
  icon?: ReactNode;
  size?: 'small' | 'middle' | 'large';
  type?: 'default' | 'primary' | 'link' | 'text';
}

/** A button that asks first. The confirm step is a popover with the catalogue's OK/Cancel. */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  danger,
  loading,
  disabled,
  icon,
  size,
  type,
}: ConfirmButtonProps) {
  const t = useT();
  return (
    <Popconfirm
      title={t.common.confirmTitle}
      description={question}
      okText={children}
      cancelText={t.common.cancel}
      okButtonProps={{ danger }}
      onConfirm={() => void onConfirm()}
      disabled={disabled}
    >
      <Button danger={danger} loading={loading} disabled={disabled} icon={icon} size={size} type={type}>
        {children}
      </Button>
    </Popconfirm>
  );
}

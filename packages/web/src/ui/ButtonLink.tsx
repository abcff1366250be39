import { forwardRef } from 'react';
import { Button, type ButtonProps } from 'antd';
import { createLink } from '@tanstack/react-router';

const AnchorButton = forwardRef<HTMLAnchorElement, ButtonProps>(function AnchorButton(props, ref) {
  return <Button {...props} ref={ref} />;
});

/** A router link that looks like a button: one <a>, not a button nested in a link. */
export const ButtonLink = createLink(AnchorButton);

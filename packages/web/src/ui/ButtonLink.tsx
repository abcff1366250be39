import { forwardRef } from 'react';
import { Button, type ButtonProps } from 'antd';
import { createLink } from '@tanstack/react-router';

/**
 * The router drops a link's `type` prop (it is an attribute of <a>) before it reaches the button, so the button's
 * look travels as `buttonType`; a `type` given to a ButtonLink has no effect.
 */
type AnchorButtonProps = ButtonProps & { buttonType?: ButtonProps['type'] };

const AnchorButton = forwardRef<HTMLAnchorElement, AnchorButtonProps>(function AnchorButton(
  { buttonType, ...props },
  ref,
) {
  return <Button {...props} type={buttonType} ref={ref} />;
});

/** A router link that looks like a button: one <a>, not a button nested in a link. */
export const ButtonLink = createLink(AnchorButton);

import type { ReactNode } from 'react';
import { Drawer, Grid, Modal } from 'antd';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  width?: number;
}

/** A modal whose content carries its own form and buttons; closed content is unmounted so forms start fresh. */
export function Dialog({ open, title, onClose, children, width }: DialogProps) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={width} centered>
      {children}
    </Modal>
  );
}

/** A side panel for longer forms; full width on phones. */
export function SidePanel({ open, title, onClose, children }: Omit<DialogProps, 'width'>) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={open} title={title} onClose={onClose} destroyOnHidden size={screens.md ? 560 : '100%'}>
      {children}
    </Drawer>
  );
}

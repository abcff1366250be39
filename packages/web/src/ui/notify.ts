import { App } from 'antd';

/** Short confirmations ("Đã lưu") shown at the top of the screen. */
export function useNotify() {
  const { message } = App.useApp();
  return {
    success: (text: string) => void message.success(text),
    info: (text: string) => void message.info(text),
  };
}

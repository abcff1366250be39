import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

/**
 * A drop zone (or click to choose) for one file, sent at once by `onFile`: the register's import and the dose
 * import. The file is never kept in an upload list; the caller shows what became of it.
 */
export function FileDrop({
  accept,
  disabled,
  text,
  hint,
  onFile,
}: {
  accept: string;
  disabled: boolean;
  text: string;
  hint: string;
  onFile: (file: File) => void;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFile(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}

/*
 * The UI kit of the app. Feature pages import from here, not from antd, so the kit can change in one place and
 * every page gets the same loading, empty and error behaviour.
 */
export { Page, Section } from './Page.tsx';
export { DataTable, type DataColumns, type PageResult } from './DataTable.tsx';
export { FileDrop } from './FileDrop.tsx';
export {
  AppForm,
  ChoiceField,
  DateField,
  DecimalField,
  LargeControls,
  NumberField,
  FieldFrame,
  FormActions,
  PasswordField,
  PlainDateInput,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  YesNoField,
  type Option,
} from './FormField.tsx';
export { ErrorAlert } from './ErrorAlert.tsx';
export { ConfirmButton } from './ConfirmButton.tsx';
export { ButtonLink } from './ButtonLink.tsx';
export { EmptyState, Loading } from './States.tsx';
export { Dialog, SidePanel } from './Dialog.tsx';
export { useNotify } from './notify.ts';
export {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Divider,
  Dropdown,
  Flex,
  Grid,
  Input,
  InputNumber,
  List,
  Progress,
  Radio,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Steps,
  Switch,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';

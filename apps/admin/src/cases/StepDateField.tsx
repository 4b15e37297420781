import { useTranslate } from 'react-admin';
import { TextField } from '@mui/material';

/** The date a case step happened on (办理日期), as the transition and correction dialogs ask it. */
export function StepDateField({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <TextField
      margin="dense"
      type="date"
      label={translate('cases.on')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
      inputProps={{ 'data-testid': testId }}
    />
  );
}

// Assigning a review task to a supervisor or administrator, and resolving it with its outcome.
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { FormDialog, useSubmit } from '../shared/FormDialog.tsx';
import {
  REVIEW_OUTCOMES,
  type Assignee,
  type ReviewOutcome,
  type ReviewTask,
} from '../dataProvider/reviewTasks.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';

export function AssignDialog({
  task,
  onClose,
}: {
  task: ReviewTask;
  onClose: (changed: boolean) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [users, setUsers] = useState<Assignee[]>([]);
  const [assigneeId, setAssigneeId] = useState(task.assigneeId ?? '');
  const { submit, error, setError } = useSubmit(
    () => dataProvider.assignReviewTask(task.id, task.version, assigneeId),
    () => onClose(true),
  );
  useEffect(() => {
    dataProvider.reviewAssignees().then(setUsers, (e: Error) => setError(e));
  }, []);
  return (
    <FormDialog
      title={translate('reviewTasks.assign')}
      onClose={() => onClose(false)}
      maxWidth="xs"
      error={error}
      submit={{
        label: translate('ra.action.save'),
        onClick: () => void submit(),
        disabled: !assigneeId,
      }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {task.policy.docNo} {task.policy.title}
      </Typography>
      <TextField
        select
        fullWidth
        margin="dense"
        name="assignee"
        label={translate('resources.reviewTasks.fields.assignee')}
        value={assigneeId}
        onChange={(e) => setAssigneeId(e.target.value)}
      >
        {users.map((u) => (
          <MenuItem key={u.id} value={u.id}>
            {u.name ? `${u.name}（${u.email}）` : u.email} · {translate(`enums.Role.${u.role}`)}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}

export function ResolveDialog({
  task,
  onClose,
}: {
  task: ReviewTask;
  onClose: (changed: boolean) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useGazetteDataProvider();
  const [outcome, setOutcome] = useState<ReviewOutcome | ''>('');
  const [replacedBy, setReplacedBy] = useState('');
  const [note, setNote] = useState('');
  const { submit, error } = useSubmit(
    (chosen: ReviewOutcome) =>
      dataProvider.resolveReviewTask(
        task.id,
        task.version,
        chosen,
        chosen === 'REPLACED' ? replacedBy.trim() : null,
        note.trim() || null,
      ),
    () => onClose(true),
  );
  return (
    <FormDialog
      title={translate('reviewTasks.resolve')}
      onClose={() => onClose(false)}
      error={error}
      submit={{
        label: translate('reviewTasks.resolveConfirm'),
        onClick: () => void (outcome && submit(outcome)),
        disabled: !outcome || (outcome === 'REPLACED' && !replacedBy.trim()),
      }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {task.policy.docNo} {task.policy.title}
      </Typography>
      <RadioGroup
        name="outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as ReviewOutcome)}
      >
        {REVIEW_OUTCOMES.map((o) => (
          <FormControlLabel
            key={o}
            value={o}
            control={<Radio />}
            label={translate(`enums.ReviewOutcome.${o}`)}
          />
        ))}
      </RadioGroup>
      {outcome === 'REPLACED' && (
        <TextField
          fullWidth
          required
          margin="dense"
          name="replacedBy"
          label={translate('resources.reviewTasks.fields.replacedBy')}
          helperText={translate('reviewTasks.replacedByHelp')}
          value={replacedBy}
          onChange={(e) => setReplacedBy(e.target.value)}
        />
      )}
      <TextField
        fullWidth
        multiline
        minRows={2}
        margin="dense"
        name="note"
        label={translate('resources.reviewTasks.fields.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </FormDialog>
  );
}

// Assigning a review task to a supervisor or administrator, and resolving it with its outcome.
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { ErrorAlert } from '../shared/ErrorAlert.tsx';
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
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    dataProvider.reviewAssignees().then(setUsers, (e: Error) => setError(e));
  }, []);
  async function save() {
    try {
      await dataProvider.assignReviewTask(task.id, task.version, assigneeId);
      onClose(true);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="xs">
      <DialogTitle>{translate('reviewTasks.assign')}</DialogTitle>
      <DialogContent>
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
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!assigneeId} onClick={() => void save()}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
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
  const [error, setError] = useState<Error | null>(null);
  async function save() {
    if (!outcome) return;
    try {
      await dataProvider.resolveReviewTask(
        task.id,
        task.version,
        outcome,
        outcome === 'REPLACED' ? replacedBy.trim() : null,
        note.trim() || null,
      );
      onClose(true);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>{translate('reviewTasks.resolve')}</DialogTitle>
      <DialogContent>
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
        <ErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!outcome || (outcome === 'REPLACED' && !replacedBy.trim())}
          onClick={() => void save()}
        >
          {translate('reviewTasks.resolveConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

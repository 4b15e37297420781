import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { useNotify, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Menu,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { dec, type DimensionDef } from '@gazette/domain';
import type { ApiRateEntry, NewRateEntryInput } from '../dataProvider/rateTables.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import {
  adjustAmount,
  dimLabel,
  dimValueOf,
  editText,
  isPercentCell,
  matrixRows,
  parseCellValue,
  parseClipboard,
  parsePercent,
  sameValue,
  type MatrixLayout,
  type MatrixRow,
  type ParsedValue,
} from './matrix.ts';
import { conflictFromError, reportConflict } from '../shared/ConflictDialog.tsx';
import { useErrorText } from '../shared/errorText.ts';

interface Pos {
  r: number;
  c: number;
}

/** One write of a batch, with what undo sends back. */
type Change =
  | { kind: 'update'; entryId: string; before: { amount: string | null; rate: string | null } }
  | { kind: 'create'; entryId: string }
  | { kind: 'delete'; entryId: string; entry: ApiRateEntry };

interface Batch {
  label: string;
  changes: Change[];
}

const cellId = (row: MatrixRow, col: string) => `${row.id}-${col}`;

/** The number as the gazette prints it: 918, 68%, 0.95 (no float on the way). */
function shown(layout: MatrixLayout, e: ApiRateEntry | undefined): string {
  if (!e) return '';
  if (isPercentCell(layout, e)) return `${dec(e.rate!).times(100).toString()}%`;
  const v = layout.valueField === 'rate' ? e.rate : e.amount;
  return v === null || v === undefined ? '' : dec(v).toString();
}

/** What re-creates a deleted entry as it was: its point, value, texts, caps and place. */
function entryInputOf(e: ApiRateEntry): NewRateEntryInput {
  return {
    versionId: e.versionId,
    dimensions: e.dimensions,
    ...(e.amount !== null ? { amount: e.amount } : {}),
    ...(e.rate !== null ? { rate: e.rate } : {}),
    ...(e.baseKey ? { baseKey: e.baseKey } : {}),
    code: e.code,
    name: e.name,
    unit: e.unit,
    attributes: e.attributes ?? null,
    position: e.position,
  };
}

/**
 * The printed matrix of a rate table (items × grades, with 项目内涵/除外内容/说明 and caps), and in
 * a draft a spreadsheet: arrows/Tab move, Enter or F2 edits, Esc cancels, a block copied from
 * Excel or WPS pastes into the selection (bad cells explained on the cell, never sent), a
 * selection can be raised or lowered by a percentage after a preview, Delete or Backspace clears
 * the selected cells (their entries are deleted), and the last change undone.
 */
export function RateMatrix({
  layout,
  dimensions,
  entries,
  editable,
  versionId,
  onEntries,
  onReload,
}: {
  layout: MatrixLayout;
  dimensions: DimensionDef[];
  entries: ApiRateEntry[];
  editable: boolean;
  versionId: string;
  onEntries: (update: (list: ApiRateEntry[]) => ApiRateEntry[]) => void;
  onReload: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useGazetteDataProvider();
  const errorText = useErrorText();
  const [extraRows, setExtraRows] = useState<Record<string, string>[]>([]);
  const rows = useMemo(() => matrixRows(layout, entries, extraRows), [layout, entries, extraRows]);
  const cols = layout.column.values;
  const [anchor, setAnchor] = useState<Pos>({ r: 0, c: 0 });
  const [focus, setFocus] = useState<Pos>({ r: 0, c: 0 });
  const [editing, setEditingState] = useState<{ pos: Pos; text: string } | null>(null);
  // The edit in progress, read once by commit: Enter then the editor's blur must not save twice.
  const editRef = useRef<{ pos: Pos; text: string } | null>(null);
  const setEditing = (next: { pos: Pos; text: string } | null) => {
    editRef.current = next;
    setEditingState(next);
  };
  // Writes run one after another, in the order they were made, while editing goes on.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const enqueue = (job: () => Promise<void>) => {
    pending.current++;
    setBusy(true);
    const run = queue.current.then(job).finally(() => {
      pending.current--;
      if (pending.current === 0) setBusy(false);
    });
    queue.current = run.catch(() => undefined);
    return run;
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Changes made here, newest last; undo takes back the last one.
  const history = useRef<Batch[]>([]);
  const [undoLabel, setUndoLabel] = useState<string | null>(null);
  const [adjustOpen, setAdjustOpen] = useState(false);
  // The right-click menu of a draft's cells, where the pointer was.
  const [contextAt, setContextAt] = useState<{ left: number; top: number } | null>(null);
  const [newRow, setNewRow] = useState('');
  const [newRowError, setNewRowError] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // The latest entries (their versions change with every save) for writes in a batch.
  const latest = useRef(entries);
  latest.current = entries;
  // History belongs to one version.
  useEffect(() => {
    history.current = [];
    setUndoLabel(null);
    setErrors({});
    setExtraRows([]);
  }, [versionId]);

  const top = Math.min(anchor.r, focus.r);
  const bottom = Math.max(anchor.r, focus.r);
  const left = Math.min(anchor.c, focus.c);
  const right = Math.max(anchor.c, focus.c);
  const selected = (r: number, c: number) => r >= top && r <= bottom && c >= left && c <= right;

  // Scrolls the active cell into view after a move (not on first render: the page must not jump).
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    gridRef.current
      ?.querySelector<HTMLElement>(`[data-pos="${focus.r}:${focus.c}"]`)
      ?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [focus]);

  const clamp = (p: Pos): Pos => ({
    r: Math.max(0, Math.min(rows.length - 1, p.r)),
    c: Math.max(0, Math.min(cols.length - 1, p.c)),
  });
  function moveTo(p: Pos, extend = false) {
    const next = clamp(p);
    moved.current = true;
    setFocus(next);
    if (!extend) setAnchor(next);
  }
  const entryAt = (p: Pos) => rows[p.r]?.cells[cols[p.c]?.value ?? ''];

  /** Sends the valid cells (one request each, in order); a refused cell keeps its reason. */
  function write(items: { row: MatrixRow; col: string; value: ParsedValue }[], label: string) {
    if (!items.length) return Promise.resolve();
    return enqueue(() => writeNow(items, label));
  }

  async function writeNow(
    items: { row: MatrixRow; col: string; value: ParsedValue }[],
    label: string,
  ) {
    const changes: Change[] = [];
    const failed: Record<string, string> = {};
    let conflictShown = false;
    for (const { row, col, value } of items) {
      const id = cellId(row, col);
      const current = latest.current.find(
        (e) =>
          e.dimensions?.[layout.column.name] === col &&
          layout.rows.every((d) => e.dimensions?.[d.name] === row.dims[d.name]),
      );
      try {
        if (current) {
          if (
            sameValue(current[value.field], value.value) &&
            current[value.field === 'amount' ? 'rate' : 'amount'] === null
          )
            continue;
          const other = value.field === 'amount' ? 'rate' : 'amount';
          const input = {
            [value.field]: value.value,
            ...(current[other] !== null ? { [other]: null } : {}),
          };
          const saved = await dataProvider.updateRateEntry(current, input);
          changes.push({
            kind: 'update',
            entryId: current.id,
            before: { amount: current.amount, rate: current.rate },
          });
          latest.current = latest.current.map((e) => (e.id === saved.id ? saved : e));
          onEntries((list) => list.map((e) => (e.id === saved.id ? saved : e)));
        } else {
          const created = await dataProvider.createRateEntry({
            versionId,
            dimensions: { ...row.dims, [layout.column.name]: col },
            [value.field]: value.value,
            code: row.code,
            name: row.name,
            unit: row.unit,
          });
          changes.push({ kind: 'create', entryId: created.id });
          latest.current = [...latest.current, created];
          onEntries((list) => [...list, created]);
        }
      } catch (error) {
        const conflict = conflictFromError(error, 'rateEntries', current?.id ?? '');
        if (conflict && !conflictShown) {
          conflictShown = true;
          reportConflict({ ...conflict, reload: onReload });
        }
        failed[id] = errorText(error);
      }
    }
    setErrors((old) => {
      const next = { ...old };
      for (const { row, col } of items) delete next[cellId(row, col)];
      return { ...next, ...failed };
    });
    if (changes.length) {
      history.current.push({ label, changes });
      setUndoLabel(label);
      notify('rateMatrix.saved', { type: 'success', messageArgs: { n: changes.length } });
    }
  }

  /** Re-sends the values the last change replaced (and removes the cells it created). */
  function undo() {
    return enqueue(undoNow);
  }

  async function undoNow() {
    const batch = history.current.pop();
    setUndoLabel(history.current[history.current.length - 1]?.label ?? null);
    if (!batch) return;
    const failed: string[] = [];
    for (const change of [...batch.changes].reverse()) {
      if (change.kind === 'delete') {
        try {
          const restored = await dataProvider.createRateEntry(entryInputOf(change.entry));
          // The entry comes back under a new id: older changes of the history follow it.
          for (const b of history.current)
            for (const c of b.changes) if (c.entryId === change.entryId) c.entryId = restored.id;
          latest.current = [...latest.current, restored];
          onEntries((list) => [...list, restored]);
        } catch (error) {
          failed.push(errorText(error));
        }
        continue;
      }
      const current = latest.current.find((e) => e.id === change.entryId);
      if (!current) continue;
      try {
        if (change.kind === 'update') {
          const saved = await dataProvider.updateRateEntry(current, change.before);
          latest.current = latest.current.map((e) => (e.id === saved.id ? saved : e));
          onEntries((list) => list.map((e) => (e.id === saved.id ? saved : e)));
        } else {
          await dataProvider.deleteRateEntry(current);
          latest.current = latest.current.filter((e) => e.id !== current.id);
          onEntries((list) => list.filter((e) => e.id !== current.id));
        }
      } catch (error) {
        failed.push(errorText(error));
      }
    }
    if (failed.length) notify(failed.join('；'), { type: 'error' });
    else notify('rateMatrix.undone', { type: 'info', messageArgs: { what: batch.label } });
    gridRef.current?.focus();
  }

  /** Deletes the entries of the selected cells (Delete, Backspace or 清除); undo brings them back. */
  function clear() {
    if (!editable) return Promise.resolve();
    const cells = selection.map((s) => s.entry);
    if (!cells.length) return Promise.resolve();
    return enqueue(() => clearNow(cells));
  }

  async function clearNow(cells: ApiRateEntry[]) {
    const changes: Change[] = [];
    const failed: string[] = [];
    let conflictShown = false;
    for (const cell of cells) {
      // The entry as last saved here (its version moves with every write).
      const current = latest.current.find((e) => e.id === cell.id);
      if (!current) continue;
      try {
        await dataProvider.deleteRateEntry(current);
        changes.push({ kind: 'delete', entryId: current.id, entry: current });
        latest.current = latest.current.filter((e) => e.id !== current.id);
        onEntries((list) => list.filter((e) => e.id !== current.id));
      } catch (error) {
        const conflict = conflictFromError(error, 'rateEntries', current.id);
        if (conflict && !conflictShown) {
          conflictShown = true;
          reportConflict({ ...conflict, reload: onReload });
        }
        failed.push(errorText(error));
      }
    }
    if (changes.length) {
      const label = translate('rateMatrix.clearLabel', { n: changes.length });
      history.current.push({ label, changes });
      setUndoLabel(label);
    }
    if (failed.length) notify(failed.join('；'), { type: 'error' });
    else if (changes.length)
      notify('rateMatrix.cleared', { type: 'success', messageArgs: { n: changes.length } });
    gridRef.current?.focus();
  }

  function parse(row: MatrixRow, col: string, raw: string) {
    const result = parseCellValue(layout, row.cells[col], raw);
    if (result.ok) return result;
    const message =
      result.reason === 'number'
        ? translate('rateMatrix.badNumber')
        : result.reason === 'empty'
          ? translate('rateMatrix.emptyValue')
          : result.message!;
    return { ok: false as const, message };
  }

  async function commit(move?: Pos) {
    const edit = editRef.current;
    if (!edit) return;
    const { pos, text } = edit;
    const row = rows[pos.r]!;
    const col = cols[pos.c]!.value;
    setEditing(null);
    gridRef.current?.focus();
    if (move) moveTo(move);
    if (text.trim() === editText(layout, row.cells[col]).trim()) {
      // Back to the saved value: an earlier refusal on this cell no longer applies.
      setErrors((e) =>
        Object.fromEntries(Object.entries(e).filter(([k]) => k !== cellId(row, col))),
      );
      return;
    }
    const result = parse(row, col, text);
    if (!result.ok) {
      setErrors((e) => ({ ...e, [cellId(row, col)]: result.message }));
      return;
    }
    await write([{ row, col, value: result.value }], translate('rateMatrix.editOne'));
  }

  function startEdit(text?: string) {
    if (!editable) return;
    const row = rows[focus.r];
    if (!row) return;
    setEditing({ pos: focus, text: text ?? editText(layout, entryAt(focus)) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (editing || adjustOpen) return;
    const extend = e.shiftKey;
    const step: Record<string, Pos> = {
      ArrowUp: { r: -1, c: 0 },
      ArrowDown: { r: 1, c: 0 },
      ArrowLeft: { r: 0, c: -1 },
      ArrowRight: { r: 0, c: 1 },
    };
    const d = step[e.key];
    if (d) {
      e.preventDefault();
      moveTo({ r: focus.r + d.r, c: focus.c + d.c }, extend);
    } else if (e.key === 'Tab') {
      const next = { r: focus.r, c: focus.c + (e.shiftKey ? -1 : 1) };
      if (next.c < 0 || next.c >= cols.length) return; // leave the grid
      e.preventDefault();
      moveTo(next);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void clear();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void undo();
    } else if (
      e.key.length === 1 &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.altKey &&
      /[\d.%]/u.test(e.key)
    ) {
      e.preventDefault();
      startEdit(e.key);
    }
  }

  /** The selection as tab-separated text, as Excel and WPS paste it. */
  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    e.preventDefault();
    e.clipboardData.setData(
      'text/plain',
      rows
        .slice(top, bottom + 1)
        .map((row) =>
          cols
            .slice(left, right + 1)
            .map((c) => shown(layout, row.cells[c.value]))
            .join('\t'),
        )
        .join('\r\n'),
    );
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    if (editing || !editable) return;
    const block = parseClipboard(e.clipboardData.getData('text/plain'));
    if (!block.length) return;
    e.preventDefault();
    const single = block.length === 1 && block[0]!.length === 1;
    const targets: { r: number; c: number; raw: string }[] = [];
    let outside = 0;
    if (single && (bottom > top || right > left)) {
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) targets.push({ r, c, raw: block[0]![0]! });
    } else {
      block.forEach((line, i) =>
        line.forEach((raw, j) => {
          const r = top + i;
          const c = left + j;
          if (r >= rows.length || c >= cols.length) outside++;
          else targets.push({ r, c, raw });
        }),
      );
    }
    const bad: Record<string, string> = {};
    const good: { row: MatrixRow; col: string; value: ParsedValue }[] = [];
    for (const t of targets) {
      const row = rows[t.r]!;
      const col = cols[t.c]!.value;
      if (t.raw.trim() === '') continue;
      const result = parse(row, col, t.raw);
      if (result.ok) good.push({ row, col, value: result.value });
      else bad[cellId(row, col)] = result.message;
    }
    setErrors((old) => ({ ...old, ...bad }));
    const nBad = Object.keys(bad).length;
    if (nBad || outside)
      notify('rateMatrix.pasteRefused', { type: 'warning', messageArgs: { bad: nBad, outside } });
    if (!single) {
      // The pasted block becomes the selection.
      setAnchor({ r: top, c: left });
      setFocus(
        clamp({ r: top + block.length - 1, c: left + Math.max(...block.map((l) => l.length)) - 1 }),
      );
    }
    void write(good, translate('rateMatrix.paste'));
  }

  function addRow() {
    const dim = layout.rows[0];
    if (!dim) return;
    const value = dimValueOf(dim, newRow);
    if (!value || (dim.pattern && !new RegExp(dim.pattern, 'u').test(value))) {
      setNewRowError(translate('rateMatrix.badRowValue', { label: dim.label }));
      return;
    }
    if (rows.some((r) => r.dims[dim.name] === value)) {
      setNewRowError(translate('rateMatrix.rowExists', { value }));
      return;
    }
    setNewRowError(null);
    setExtraRows((x) => [...x, { [dim.name]: value }]);
    setNewRow('');
    moveTo({ r: rows.length, c: 0 });
    gridRef.current?.focus();
  }

  // Cells of the selection a percentage applies to: amounts (surcharges and coefficients are not money).
  const selection: { row: MatrixRow; col: string; entry: ApiRateEntry }[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const row = rows[r];
      const col = cols[c]?.value;
      const entry = row && col ? row.cells[col] : undefined;
      if (row && col && entry) selection.push({ row, col, entry });
    }
  }
  const adjustable = selection.filter((s) => s.entry.amount !== null);

  const textCols = layout.itemTexts
    ? ([
        ['seq', translate('rateMatrix.cols.seq'), 40],
        ['code', translate('rateMatrix.cols.code'), 92],
        ['name', translate('rateMatrix.cols.name'), 112],
        ['contents', translate('rateMatrix.cols.contents'), 190],
        ['exclusions', translate('rateMatrix.cols.exclusions'), 64],
        ['unit', translate('rateMatrix.cols.unit'), 64],
        ['note', translate('rateMatrix.cols.note'), 180],
      ] as const)
    : [];
  // Two header rows as printed (价格（元） over the grades); the second sticks below the first.
  const HEAD = 30;
  // The item columns stay in view while the grades scroll sideways (tablets).
  const stickyLeft: Record<string, number> = {};
  {
    let x = 0;
    const sticky = layout.itemTexts
      ? textCols
          .filter(([k]) => k === 'seq' || k === 'code' || k === 'name')
          .map(([k, , w]) => [k, w] as const)
      : layout.rows.map((d) => [d.name, 120] as const);
    for (const [k, w] of sticky) {
      stickyLeft[k] = x;
      x += w;
    }
  }
  const stick = (k: string, head = false) =>
    stickyLeft[k] === undefined
      ? {}
      : ({
          position: 'sticky',
          left: stickyLeft[k],
          zIndex: head ? 3 : 1,
          bgcolor: head ? 'grey.100' : 'background.paper',
        } as const);
  const headerSx = {
    fontWeight: 'bold',
    fontSize: 13,
    bgcolor: 'grey.100',
    py: 0,
    px: 0.75,
    height: HEAD,
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    borderRight: 1,
    borderColor: 'divider',
  } as const;
  const textSx = {
    fontSize: 12,
    lineHeight: 1.4,
    px: 0.75,
    py: 0.5,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
    borderRight: 1,
    borderColor: 'divider',
  } as const;

  return (
    <Box data-testid="rate-matrix">
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        flexWrap="wrap"
        useFlexGap
        sx={{ mb: 1 }}
      >
        {editable && (
          <>
            <Button
              size="small"
              variant="outlined"
              disabled={busy || adjustable.length === 0}
              onClick={() => setAdjustOpen(true)}
              data-testid="matrix-adjust"
            >
              {translate('rateMatrix.adjust')}
            </Button>
            <Button
              size="small"
              color="error"
              disabled={busy || selection.length === 0}
              onClick={() => void clear()}
              data-testid="matrix-clear"
            >
              {translate('rateMatrix.clear', { n: selection.length })}
            </Button>
            <Button
              size="small"
              disabled={busy || undoLabel === null}
              onClick={() => void undo()}
              data-testid="matrix-undo"
            >
              {undoLabel !== null
                ? translate('rateMatrix.undoWhat', { what: undoLabel })
                : translate('rateMatrix.undo')}
            </Button>
          </>
        )}
        <Typography variant="caption" color="text.secondary">
          {translate(editable ? 'rateMatrix.keysHelp' : 'rateMatrix.readOnlyHelp')}
        </Typography>
      </Stack>
      <Box
        ref={gridRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        data-testid="matrix-grid"
        sx={{
          overflow: 'auto',
          maxHeight: 'calc(100vh - 280px)',
          minHeight: 200,
          outline: 'none',
          border: 1,
          borderColor: 'divider',
          '&:focus-visible': { boxShadow: (t) => `0 0 0 2px ${t.palette.primary.light}` },
        }}
      >
        <Table
          size="small"
          stickyHeader
          sx={{
            tableLayout: 'fixed',
            width:
              textCols.reduce((n, [, , w]) => n + w, 0) +
              (layout.itemTexts ? 0 : layout.rows.length * 120) +
              cols.length * 76,
            borderCollapse: 'separate',
          }}
        >
          <TableHead>
            <TableRow>
              {layout.itemTexts
                ? textCols.map(([k, label, w]) => (
                    <TableCell
                      key={k}
                      rowSpan={2}
                      sx={{ ...headerSx, width: w, ...stick(k, true) }}
                    >
                      {label}
                    </TableCell>
                  ))
                : layout.rows.map((d) => (
                    <TableCell
                      key={d.name}
                      rowSpan={2}
                      sx={{ ...headerSx, width: 120, ...stick(d.name, true) }}
                    >
                      {d.label}
                    </TableCell>
                  ))}
              <TableCell colSpan={cols.length} align="center" sx={headerSx}>
                {layout.valueField === 'rate'
                  ? translate('rateMatrix.coefficientHeader')
                  : translate('rateMatrix.priceHeader')}
              </TableCell>
            </TableRow>
            <TableRow>
              {cols.map((c) => (
                <TableCell key={c.value} align="right" sx={{ ...headerSx, top: HEAD, width: 76 }}>
                  {c.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, r) => (
              <TableRow key={row.id} data-testid={`matrix-row-${row.id}`}>
                {layout.itemTexts
                  ? textCols.map(([k]) => (
                      <TableCell
                        key={k}
                        sx={{ ...textSx, ...stick(k) }}
                        data-testid={`matrix-${k}-${row.id}`}
                      >
                        {k === 'seq'
                          ? row.seq
                          : k === 'code'
                            ? (row.code ?? row.dims.code)
                            : k === 'name'
                              ? row.name
                              : k === 'unit'
                                ? row.unit
                                : row.texts[k]}
                      </TableCell>
                    ))
                  : layout.rows.map((d) => (
                      <TableCell key={d.name} sx={{ ...textSx, ...stick(d.name) }}>
                        {dimLabel(d, row.dims[d.name] ?? '')}
                      </TableCell>
                    ))}
                {cols.map((col, c) => {
                  const entry = row.cells[col.value];
                  const id = cellId(row, col.value);
                  const error = errors[id];
                  const isFocus = focus.r === r && focus.c === c;
                  const isEditing = editing && editing.pos.r === r && editing.pos.c === c;
                  const cap = entry?.attributes?.lineCap;
                  return (
                    <TableCell
                      key={col.value}
                      align="right"
                      data-pos={`${r}:${c}`}
                      data-testid={`cell-${id}`}
                      aria-selected={selected(r, c)}
                      data-active={isFocus ? 'true' : undefined}
                      onMouseDown={(e) => {
                        if (isEditing) return;
                        e.preventDefault();
                        moveTo({ r, c }, e.shiftKey);
                        gridRef.current?.focus();
                      }}
                      onDoubleClick={() => startEdit()}
                      onContextMenu={(e) => {
                        if (!editable || isEditing) return;
                        e.preventDefault();
                        // A cell outside the selection becomes the selection, as in a spreadsheet.
                        if (!selected(r, c)) moveTo({ r, c });
                        gridRef.current?.focus();
                        setContextAt({ left: e.clientX, top: e.clientY });
                      }}
                      sx={{
                        px: 0.75,
                        py: 0.5,
                        cursor: 'cell',
                        fontVariantNumeric: 'tabular-nums',
                        borderRight: 1,
                        borderColor: 'divider',
                        bgcolor: error
                          ? (t) => alpha(t.palette.error.main, 0.1)
                          : selected(r, c)
                            ? 'action.selected'
                            : undefined,
                        outline: isFocus ? '2px solid' : undefined,
                        outlineColor: 'primary.main',
                        outlineOffset: -2,
                        verticalAlign: 'top',
                      }}
                    >
                      {isEditing ? (
                        <TextField
                          autoFocus
                          variant="standard"
                          size="small"
                          value={editing.text}
                          onChange={(e) => setEditing({ pos: editing.pos, text: e.target.value })}
                          onBlur={() => void commit()}
                          onKeyDown={(e) => {
                            e.stopPropagation();
                            if (e.key === 'Escape') {
                              e.preventDefault();
                              setEditing(null);
                              gridRef.current?.focus();
                            } else if (e.key === 'Enter') {
                              e.preventDefault();
                              void commit({ r: r + (e.shiftKey ? -1 : 1), c });
                            } else if (e.key === 'Tab') {
                              e.preventDefault();
                              void commit({ r, c: c + (e.shiftKey ? -1 : 1) });
                            }
                          }}
                          inputProps={{
                            'data-testid': 'cell-editor',
                            inputMode: 'decimal',
                            style: { textAlign: 'right', width: 72 },
                          }}
                        />
                      ) : (
                        <span data-testid={`value-${id}`}>{shown(layout, entry)}</span>
                      )}
                      {typeof cap === 'string' || typeof cap === 'number' ? (
                        <Typography
                          component="div"
                          variant="caption"
                          color="text.secondary"
                          title={translate('rateMatrix.capTitle', { amount: String(cap) })}
                          data-testid={`cap-${id}`}
                        >
                          {translate('rateMatrix.cap', { amount: String(cap) })}
                        </Typography>
                      ) : null}
                      {error && (
                        <Typography
                          component="div"
                          variant="caption"
                          color="error.dark"
                          sx={{ whiteSpace: 'normal', maxWidth: 160, textAlign: 'left' }}
                          data-testid={`cell-error-${id}`}
                        >
                          {error}
                        </Typography>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 && (
          <Alert severity="info" sx={{ m: 1 }} data-testid="matrix-empty">
            {translate(
              editable && !layout.itemTexts ? 'rateMatrix.emptyAddRow' : 'rateMatrix.empty',
            )}
          </Alert>
        )}
      </Box>
      {editable && !layout.itemTexts && layout.rows.length === 1 && (
        <Stack direction="row" spacing={1} alignItems="flex-start" sx={{ mt: 1 }}>
          <TextField
            size="small"
            label={layout.rows[0]!.label}
            value={newRow}
            onChange={(e) => setNewRow(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addRow()}
            error={!!newRowError}
            helperText={newRowError ?? ' '}
            sx={{ width: 180 }}
            inputProps={{ 'data-testid': 'matrix-new-row', inputMode: 'numeric' }}
          />
          <Button
            onClick={addRow}
            sx={{ whiteSpace: 'nowrap', mt: 0.5 }}
            data-testid="matrix-add-row"
          >
            {translate('rateMatrix.addRow')}
          </Button>
        </Stack>
      )}
      <Menu
        open={!!contextAt}
        onClose={() => setContextAt(null)}
        anchorReference="anchorPosition"
        anchorPosition={contextAt ?? undefined}
        data-testid="matrix-context-menu"
      >
        <MenuItem
          disabled={busy || selection.length === 0}
          onClick={() => {
            setContextAt(null);
            void clear();
          }}
          data-testid="matrix-context-clear"
        >
          {translate('rateMatrix.clear', { n: selection.length })}
        </MenuItem>
        <MenuItem
          disabled={busy || undoLabel === null}
          onClick={() => {
            setContextAt(null);
            void undo();
          }}
          data-testid="matrix-context-undo"
        >
          {undoLabel !== null
            ? translate('rateMatrix.undoWhat', { what: undoLabel })
            : translate('rateMatrix.undo')}
        </MenuItem>
      </Menu>
      <AdjustDialog
        open={adjustOpen}
        cells={adjustable}
        skipped={selection.length - adjustable.length}
        layout={layout}
        dimensions={dimensions}
        onClose={() => {
          setAdjustOpen(false);
          gridRef.current?.focus();
        }}
        onApply={(percent, items) => {
          setAdjustOpen(false);
          gridRef.current?.focus();
          void write(items, translate('rateMatrix.adjustLabel', { percent }));
        }}
      />
    </Box>
  );
}

/** A percentage for the selected amounts, with every old → new shown before anything is sent. */
function AdjustDialog({
  open,
  cells,
  skipped,
  layout,
  onClose,
  onApply,
}: {
  open: boolean;
  cells: { row: MatrixRow; col: string; entry: ApiRateEntry }[];
  skipped: number;
  layout: MatrixLayout;
  dimensions: DimensionDef[];
  onClose: () => void;
  onApply: (percent: string, items: { row: MatrixRow; col: string; value: ParsedValue }[]) => void;
}) {
  const translate = useTranslate();
  const [raw, setRaw] = useState('');
  useEffect(() => {
    if (open) setRaw('');
  }, [open]);
  const percent = raw.trim() === '' ? null : parsePercent(raw);
  const preview =
    percent === null
      ? []
      : cells.map((c) => ({ ...c, after: adjustAmount(c.entry.amount!, percent) }));
  const tooFine = preview.some((p) => dec(p.after).lessThan(0));
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="adjust-dialog">
      <DialogTitle>{translate('rateMatrix.adjustTitle', { n: cells.length })}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          margin="dense"
          label={translate('rateMatrix.adjustPercent')}
          value={raw}
          onChange={(e) => setRaw(e.target.value)}
          error={raw.trim() !== '' && percent === null}
          helperText={
            raw.trim() !== '' && percent === null
              ? translate('rateMatrix.adjustBad')
              : translate('rateMatrix.adjustHelp')
          }
          inputProps={{ 'data-testid': 'adjust-percent' }}
        />
        {skipped > 0 && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('rateMatrix.adjustSkipped', { n: skipped })}
          </Alert>
        )}
        {preview.length > 0 && (
          <Box sx={{ maxHeight: 320, overflow: 'auto', mt: 1 }}>
            <Table size="small" data-testid="adjust-preview">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('rateMatrix.item')}</TableCell>
                  <TableCell>{layout.column.label}</TableCell>
                  <TableCell align="right">{translate('rates.before')}</TableCell>
                  <TableCell align="right">{translate('rates.after')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.map((p) => (
                  <TableRow key={p.entry.id} data-testid={`adjust-row-${p.row.id}-${p.col}`}>
                    <TableCell>{p.row.name ?? p.row.id}</TableCell>
                    <TableCell>{dimLabel(layout.column, p.col)}</TableCell>
                    <TableCell align="right">{dec(p.entry.amount!).toString()}</TableCell>
                    <TableCell align="right">{p.after}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={percent === null || preview.length === 0 || tooFine}
          onClick={() =>
            onApply(
              percent!,
              preview.map((p) => ({
                row: p.row,
                col: p.col,
                value: { field: 'amount', value: p.after },
              })),
            )
          }
          data-testid="adjust-apply"
        >
          {translate('rateMatrix.adjustApply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { forwardRef, useImperativeHandle, useMemo, useRef, useState, type UIEvent } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { lineAt, lineOffsets } from './review.ts';

const LINE_HEIGHT = 20;
const GUTTER_WIDTH = 52;

export interface IssueEditorHandle {
  /** Puts the caret on a 1-based line (the whole line selected) and scrolls it into view. */
  goToLine(line: number): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  /** Lines with a problem, marked in the gutter. */
  problemLines?: readonly number[];
}

/**
 * The issue's text with line numbers: a plain textarea (no wrapping, so a line of text is one line
 * of the gutter) and a gutter that scrolls with it. Problems name lines; goToLine jumps there.
 */
export const IssueEditor = forwardRef<IssueEditorHandle, Props>(function IssueEditor(
  { value, onChange, problemLines = [] },
  ref,
) {
  const translate = useTranslate();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [caretLine, setCaretLine] = useState(1);
  const [jumped, setJumped] = useState<number | null>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);
  const marked = useMemo(() => new Set(problemLines), [problemLines]);

  useImperativeHandle(ref, () => ({
    goToLine(line: number) {
      const el = area.current;
      if (!el) return;
      const [start, end] = lineOffsets(el.value, line);
      el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      el.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT - el.clientHeight / 3);
      el.scrollLeft = 0;
      if (gutter.current) gutter.current.scrollTop = el.scrollTop;
      setCaretLine(line);
      setJumped(line);
    },
  }));

  const syncScroll = (e: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
  };
  const trackCaret = () => {
    const el = area.current;
    if (el) setCaretLine(lineAt(el.value, el.selectionStart));
  };

  const font = {
    fontFamily: '"Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, monospace',
    fontSize: 13,
    lineHeight: `${LINE_HEIGHT}px`,
  };
  return (
    <Box>
      <Box
        sx={{
          display: 'flex',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          height: { xs: 360, md: 420 },
          overflow: 'hidden',
          bgcolor: 'background.paper',
        }}
      >
        <Box
          ref={gutter}
          aria-hidden
          sx={{
            ...font,
            width: GUTTER_WIDTH,
            flex: 'none',
            overflow: 'hidden',
            textAlign: 'right',
            color: 'text.secondary',
            bgcolor: 'grey.100',
            borderRight: 1,
            borderColor: 'divider',
            py: '8px',
            userSelect: 'none',
          }}
        >
          {Array.from({ length: lineCount }, (_, i) => {
            const n = i + 1;
            const problem = marked.has(n);
            return (
              <Box
                key={n}
                sx={{
                  height: LINE_HEIGHT,
                  pr: 1,
                  ...(problem
                    ? { color: 'error.contrastText', bgcolor: 'error.main', fontWeight: 700 }
                    : {}),
                  ...(n === jumped && !problem ? { bgcolor: 'warning.light' } : {}),
                }}
              >
                {n}
              </Box>
            );
          })}
          {/* Room for the textarea's horizontal scrollbar. */}
          <Box sx={{ height: 24 }} />
        </Box>
        <Box
          component="textarea"
          ref={area}
          data-testid="issue-editor"
          aria-label={translate('gazetteImport.editorLabel')}
          placeholder={translate('gazetteImport.editorPlaceholder')}
          spellCheck={false}
          wrap="off"
          value={value}
          onChange={(e) => onChange((e.target as HTMLTextAreaElement).value)}
          onScroll={syncScroll}
          onSelect={trackCaret}
          onKeyUp={trackCaret}
          onClick={trackCaret}
          sx={{
            ...font,
            flex: 1,
            minWidth: 0,
            border: 0,
            outline: 0,
            resize: 'none',
            p: '8px',
            m: 0,
            whiteSpace: 'pre',
            overflow: 'auto',
            bgcolor: 'transparent',
            color: 'text.primary',
          }}
        />
      </Box>
      <Typography variant="caption" color="text.secondary" data-testid="editor-caret-line">
        {translate('gazetteImport.caret', { line: caretLine, lines: lineCount })}
      </Typography>
    </Box>
  );
});

import { forwardRef, memo, type KeyboardEvent } from 'react';
import {
  DataTableRow,
  useDataTableCallbacksContext,
  useResourceDefinition,
  type DataTableRowProps,
} from 'react-admin';

/**
 * react-admin's DataTable row, reachable with Tab and opened with Enter as a click opens it. Only
 * rows that open something (a `rowClick`, or a resource with a show or edit page) take the focus;
 * Enter pressed on a button or link inside the row stays theirs. Every DataTable uses it through
 * the theme (layout/theme.ts), so a new list needs nothing.
 */
export const KeyboardRow = memo(
  forwardRef<HTMLTableRowElement, DataTableRowProps>(function KeyboardRow(props, ref) {
    const { rowClick } = useDataTableCallbacksContext();
    const { hasShow, hasEdit } = useResourceDefinition();
    const opens = rowClick !== false && (rowClick != null || hasShow || hasEdit);
    if (!opens) return <DataTableRow ref={ref} {...props} />;
    return (
      <DataTableRow
        ref={ref}
        tabIndex={0}
        data-opens-on-enter="true"
        onKeyDown={(e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
          e.preventDefault();
          e.currentTarget.click();
        }}
        {...props}
        sx={[
          {
            '&:focus-visible': {
              outline: '2px solid',
              outlineColor: 'primary.main',
              outlineOffset: -2,
            },
          },
          ...(props.sx ? (Array.isArray(props.sx) ? props.sx : [props.sx]) : []),
        ]}
      />
    );
  }),
);

// The policy page's text by article, its source in the gazette, and whether (and until when) it applies.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { LinkBase, useRecordContext, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Link,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { articleBody, articleDepth } from './articles.ts';
import type { PolicyDetails } from '../dataProvider/policies.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { useQuery } from '@tanstack/react-query';
import { useFormatters } from '../shared/fields.tsx';
import { today } from '../shared/today.ts';
import { useErrorText } from '../shared/errorText.ts';

type State = { details: PolicyDetails | null; error: unknown; loading: boolean };
const DetailsContext = createContext<State>({ details: null, error: null, loading: true });

/**
 * Loads the details of the policy in the record context, for the components below. They belong to
 * one policy: following the 废止 link to another shows nothing of the first while the second loads.
 */
export function PolicyDetailsProvider({ children }: { children: ReactNode }) {
  const record = useRecordContext<{ id: string; version?: number }>();
  const id = record?.id === undefined ? undefined : String(record.id);
  const version = record?.version;
  const dataProvider = useGazetteDataProvider();
  const asOf = today();
  // Keyed by the record's version too: an edit shows the details as saved.
  const { data, error, isPending } = useQuery({
    queryKey: ['policyDetails', id, version, asOf],
    queryFn: () => dataProvider.policyDetails(id!, asOf),
    enabled: Boolean(id),
    retry: false,
  });
  const state: State =
    isPending && !error
      ? { details: null, error: null, loading: true }
      : { details: data ?? null, error: error ?? null, loading: false };
  return <DetailsContext.Provider value={state}>{children}</DetailsContext.Provider>;
}

const useDetails = () => useContext(DetailsContext);

function DetailsError() {
  const { error } = useDetails();
  const translate = useTranslate();
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert severity="error" data-testid="policy-details-error">
      {translate('policies.detailsFailed', { reason: errorText(error) })}
    </Alert>
  );
}

/** Props a layout reads (TabbedShowLayout labels its children unless `label` is false). */
interface LayoutProps {
  label?: string | false;
}

/** 已被 X 废止（自 … 起）, or how many days are left before the last day in force. */
export function ValidityNotice(_: LayoutProps) {
  const { details } = useDetails();
  const translate = useTranslate();
  const fmt = useFormatters();
  if (!details) return <DetailsError />;
  if (details.repealedBy) {
    return (
      <Alert severity="warning" data-testid="policy-repealed" sx={{ my: 1 }}>
        {translate('policies.repealedBefore')}
        <Link
          component={LinkBase}
          to={`/policies/${encodeURIComponent(details.repealedBy.id)}/show`}
          title={details.repealedBy.title}
          data-testid="policy-repealed-by"
        >
          {details.repealedBy.docNo}
        </Link>
        {translate('policies.repealedAfter', {
          date: details.repealedOn ? fmt.date(details.repealedOn) : '—',
        })}
      </Alert>
    );
  }
  if (details.daysLeft === null || details.daysLeft === undefined) return null;
  const n = details.daysLeft;
  const text =
    n > 0
      ? translate('policies.daysLeft', { n })
      : n === 0
        ? translate('policies.lastDay')
        : translate('policies.expired');
  return (
    <Typography
      variant="body2"
      data-testid="policy-days-left"
      sx={{
        my: 1,
        color: n < 0 ? 'text.secondary' : n <= 30 ? 'warning.dark' : 'text.primary',
        fontWeight: n >= 0 && n <= 30 ? 600 : 400,
      }}
    >
      {text}
    </Typography>
  );
}

/** 2024年第12期 第47页（原文第 1124–1197 行）: the layout labels it 刊登于. */
export function SourceLine(_: LayoutProps) {
  const { details } = useDetails();
  const translate = useTranslate();
  if (!details) return null;
  const s = details.source;
  return (
    <Box>
      <Typography variant="body2" data-testid="policy-source">
        {s
          ? [
              s.page !== null
                ? translate('policies.sourceIssuePage', { issue: s.issueLabel, page: s.page })
                : translate('policies.sourceIssue', { issue: s.issueLabel }),
              s.lineFrom !== null
                ? translate('policies.sourceLines', {
                    from: s.lineFrom,
                    to: s.lineTo ?? s.lineFrom,
                  })
                : '',
            ].join('')
          : translate('policies.noSource')}
      </Typography>
    </Box>
  );
}

/** The document's text by article in printed order, or the whole text when it has no articles. */
export function PolicyText(_: LayoutProps) {
  const { details, loading } = useDetails();
  const translate = useTranslate();
  const [mode, setMode] = useState<'articles' | 'whole'>('articles');
  if (!details) return loading ? null : <DetailsError />;
  const hasArticles = details.articles.length > 0;
  const showArticles = hasArticles && mode === 'articles';
  return (
    <Box sx={{ maxWidth: 900 }}>
      {hasArticles && details.text && (
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_, v: 'articles' | 'whole' | null) => v && setMode(v)}
          sx={{ mb: 1 }}
        >
          <ToggleButton value="articles" data-testid="text-mode-articles">
            {translate('policies.byArticle', { n: details.articles.length })}
          </ToggleButton>
          <ToggleButton value="whole" data-testid="text-mode-whole">
            {translate('policies.wholeText')}
          </ToggleButton>
        </ToggleButtonGroup>
      )}
      {showArticles && (
        <Stack spacing={1.25} data-testid="policy-articles">
          {details.articles.map((a) => (
            <Box
              key={a.path}
              data-testid={`article-${a.path}`}
              sx={{ display: 'flex', gap: 1.5, pl: articleDepth(a.path) * 3 }}
            >
              <Typography
                variant="body2"
                component="span"
                sx={{ fontWeight: 700, flex: 'none', minWidth: '4em' }}
                data-testid="article-number"
              >
                {a.number}
              </Typography>
              <Typography
                variant="body2"
                component="span"
                sx={{ whiteSpace: 'pre-line', lineHeight: 1.8 }}
              >
                {articleBody(a)}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
      {!showArticles && details.text && (
        <Typography
          variant="body2"
          component="div"
          sx={{ whiteSpace: 'pre-line', lineHeight: 1.8 }}
          data-testid="policy-whole-text"
        >
          {details.text}
        </Typography>
      )}
      {!details.text && !hasArticles && (
        <Typography variant="body2" color="text.secondary" data-testid="policy-no-text">
          {translate('policies.noText')}
        </Typography>
      )}
    </Box>
  );
}

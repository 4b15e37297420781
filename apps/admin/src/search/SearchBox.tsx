import { useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  ClickAwayListener,
  IconButton,
  InputBase,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Popper,
  Typography,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import type { SearchHit } from '../dataProvider/search.ts';
import { useGazetteDataProvider } from '../dataProvider/useGazetteDataProvider.ts';
import { snippetParts } from './highlight.ts';
import { errorText } from '../shared/ErrorAlert.tsx';

function Snippet({ text }: { text: string }) {
  return (
    <span data-testid="search-snippet">
      {snippetParts(text).map((p, i) =>
        p.hit ? (
          <mark key={i} style={{ background: '#ffe082', padding: 0 }}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

/**
 * 全文检索 in the app bar: Enter searches, ↑/↓ choose a result, Enter opens its policy, Esc closes.
 * `compact` (a tablet's app bar): a search icon until clicked, then the field across the bar; Esc
 * on an empty list or a click elsewhere with nothing typed folds it back.
 */
export function SearchBox({
  compact = false,
  onExpandedChange,
}: {
  compact?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
}) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const dataProvider = useGazetteDataProvider();
  const anchor = useRef<HTMLDivElement>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(-1);
  const open = loading || error != null || hits !== null;
  const [expandedState, setExpandedState] = useState(false);
  const expanded = !compact || expandedState;
  const setExpanded = (value: boolean) => {
    setExpandedState(value);
    onExpandedChange?.(value);
  };

  const close = () => {
    setHits(null);
    setError(null);
    setActive(-1);
  };
  const openHit = (hit: SearchHit) => {
    close();
    if (compact) setExpanded(false);
    navigate(`/policies/${encodeURIComponent(hit.policy.id)}/show`);
  };
  const run = async () => {
    const query = q.trim();
    if (!query) return;
    setLoading(true);
    setError(null);
    setActive(-1);
    try {
      const found = await dataProvider.searchPolicies(query, 10);
      setHits(found);
      setSearched(query);
      setActive(found.length ? 0 : -1);
    } catch (e) {
      setHits(null);
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      if (!open && compact) setExpanded(false);
      return close();
    }
    if (e.key === 'ArrowDown' && hits?.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits?.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Enter opens the chosen result when the results are of this query; otherwise it searches.
      if (hits && active >= 0 && hits[active] && searched === q.trim()) openHit(hits[active]);
      else void run();
    }
  };

  if (!expanded) {
    return (
      <IconButton
        color="inherit"
        aria-label={translate('search.placeholder')}
        title={translate('search.placeholder')}
        onClick={() => setExpanded(true)}
        data-testid="search-open"
      >
        <SearchIcon />
      </IconButton>
    );
  }

  return (
    <ClickAwayListener
      onClickAway={() => {
        close();
        if (compact && !q.trim()) setExpanded(false);
      }}
    >
      <Box
        ref={anchor}
        sx={{
          position: 'relative',
          mx: 1,
          flex: compact ? '1 1 auto' : '0 1 320px',
          minWidth: 120,
        }}
      >
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            bgcolor: 'rgba(255,255,255,0.18)',
            borderRadius: 1,
            px: 1,
          }}
        >
          <SearchIcon fontSize="small" />
          <InputBase
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
            autoFocus={compact}
            placeholder={translate('search.placeholder')}
            sx={{ color: 'inherit', ml: 1, flex: 1, '& input::placeholder': { opacity: 0.8 } }}
            inputProps={{
              'aria-label': translate('search.placeholder'),
              'data-testid': 'search-input',
              role: 'combobox',
              'aria-expanded': open,
              'aria-controls': 'search-results',
              'aria-activedescendant': active >= 0 ? `search-hit-${active}` : undefined,
            }}
          />
        </Box>
        <Popper
          open={open}
          anchorEl={anchor.current}
          placement="bottom-end"
          sx={{ zIndex: 1300, width: 'min(560px, calc(100vw - 16px))' }}
        >
          <Paper
            elevation={8}
            sx={{ mt: 0.5, maxHeight: '70vh', overflow: 'auto' }}
            data-testid="search-results"
          >
            {loading && (
              <Typography variant="body2" sx={{ p: 2 }}>
                {translate('search.searching')}
              </Typography>
            )}
            {!loading && error != null && (
              <Alert severity="error" data-testid="search-error">
                {translate('search.failed', { reason: errorText(error, translate) })}
              </Alert>
            )}
            {!loading && hits && hits.length === 0 && (
              <Typography variant="body2" sx={{ p: 2 }} data-testid="search-empty">
                {translate('search.noHits', { q: searched })}
              </Typography>
            )}
            {!loading && hits && hits.length > 0 && (
              <List dense id="search-results" role="listbox" disablePadding>
                {hits.map((hit, i) => (
                  <ListItemButton
                    key={`${hit.policy.id}-${hit.article ?? ''}-${i}`}
                    id={`search-hit-${i}`}
                    role="option"
                    aria-selected={i === active}
                    selected={i === active}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => openHit(hit)}
                    data-testid="search-hit"
                    sx={{ alignItems: 'flex-start', display: 'block' }}
                  >
                    <ListItemText
                      primary={
                        <>
                          <Typography
                            component="span"
                            variant="body2"
                            fontWeight={600}
                            data-testid="search-docno"
                          >
                            {hit.policy.docNo}
                          </Typography>
                          {hit.article && (
                            <Typography
                              component="span"
                              variant="body2"
                              color="primary"
                              sx={{ ml: 1 }}
                              data-testid="search-article"
                            >
                              {hit.article}
                            </Typography>
                          )}
                          <Typography
                            component="div"
                            variant="body2"
                            color="text.secondary"
                            data-testid="search-title"
                          >
                            {hit.policy.title}
                          </Typography>
                        </>
                      }
                      secondary={<Snippet text={hit.snippet} />}
                    />
                  </ListItemButton>
                ))}
              </List>
            )}
          </Paper>
        </Popper>
      </Box>
    </ClickAwayListener>
  );
}

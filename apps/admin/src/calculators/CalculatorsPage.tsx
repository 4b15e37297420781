import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Box, Tab, Tabs } from '@mui/material';
import { MedicalQuote } from './MedicalQuote.tsx';
import { LandFee } from './LandFee.tsx';
import { RehabCheck } from './RehabCheck.tsx';

/** Front-desk calculators: each shows its breakdown, the rule that applied and its source. */
export function CalculatorsPage() {
  const translate = useTranslate();
  const [tab, setTab] = useState(0);
  return (
    <Box sx={{ mt: 1 }}>
      <Title title="app.menu.calculators" />
      <Tabs value={tab} onChange={(_, v: number) => setTab(v)} variant="scrollable" sx={{ mb: 1 }}>
        <Tab label={translate('calc.medical.title')} data-testid="tab-medical" />
        <Tab label={translate('calc.land.title')} data-testid="tab-land" />
        <Tab label={translate('calc.rehab.title')} data-testid="tab-rehab" />
      </Tabs>
      {tab === 0 && <MedicalQuote />}
      {tab === 1 && <LandFee />}
      {tab === 2 && <RehabCheck />}
    </Box>
  );
}

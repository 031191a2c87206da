import type { ReactNode } from 'react'
import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CellGlyph, cellBackground } from './MatrixGrid'
import type { CellKind } from './matrix-model'

/** One legend entry: a sample cell (same glyph and pattern as the grid) and its meaning in words. */
function Entry({ kind, sample, children }: { kind: CellKind; sample: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid="matrix-legend-item" data-kind={kind}>
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 3,
          minWidth: 44,
          height: 22,
          padding: '0 4px',
          fontSize: 11,
          border: '1px solid var(--mantine-color-default-border)',
          background: cellBackground(kind),
        }}
      >
        {sample}
      </span>
      <Text size="xs">{children}</Text>
    </Group>
  )
}

/** The matrix legend, in words and icons (never colour alone). */
export function MatrixLegend() {
  const { t } = useTranslation()
  const mono = { fontFamily: 'var(--mantine-font-family-monospace)' }
  return (
    <section aria-label={t('matrix.legend.title')} data-testid="matrix-legend">
      <Group gap="md" wrap="wrap" align="center">
        <Text size="xs" fw={600}>
          {t('matrix.legend.letters')}
        </Text>
        <Entry
          kind="direct"
          sample={
            <>
              <CellGlyph kind="direct" size={12} />
              <span style={mono}>TS</span>
            </>
          }
        >
          {t('matrix.legend.direct')}
        </Entry>
        <Entry
          kind="team"
          sample={
            <>
              <CellGlyph kind="team" size={12} />
              <span style={mono}>V</span>
            </>
          }
        >
          {t('matrix.legend.team')}
        </Entry>
        <Entry
          kind="role"
          sample={
            <>
              <CellGlyph kind="role" size={12} />
              <span>{t('matrix.byRoleShort')}</span>
            </>
          }
        >
          {t('matrix.legend.role')}
        </Entry>
        <Entry kind="none" sample={null}>
          {t('matrix.legend.none')}
        </Entry>
        <Entry
          kind="unavailable"
          sample={
            <>
              <CellGlyph kind="unavailable" size={12} />
              <span>{t('matrix.notAvailableShort')}</span>
            </>
          }
        >
          {t('matrix.legend.unavailable')}
        </Entry>
      </Group>
    </section>
  )
}

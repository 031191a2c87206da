import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const ISO = /^\d{4}-\d{2}-\d{2}$/

export interface Period {
  from: string
  to: string
}

/**
 * The billing screens' period filter ("From" and "To" dates): one component for the page's period and the
 * forecast's. A date is taken only once it is complete (YYYY-MM-DD), so typing never sends a half date.
 */
export function PeriodInputs({
  period,
  onChange,
  testIdPrefix,
}: {
  period: Period
  onChange: (update: (p: Period) => Period) => void
  /** `period` gives `period-from` and `period-to`. */
  testIdPrefix: string
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        type="date"
        label={t('billingPage.from')}
        value={period.from}
        onChange={(e) => {
          const from = e.currentTarget.value
          if (ISO.test(from)) onChange((p) => ({ ...p, from }))
        }}
        data-testid={`${testIdPrefix}-from`}
      />
      <TextInput
        type="date"
        label={t('billingPage.to')}
        value={period.to}
        onChange={(e) => {
          const to = e.currentTarget.value
          if (ISO.test(to)) onChange((p) => ({ ...p, to }))
        }}
        data-testid={`${testIdPrefix}-to`}
      />
    </>
  )
}

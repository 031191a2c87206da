import { Box, Stack, Text } from '@mantine/core'
import type { Currency } from '../../../../shared/domain/billing'
import { axisTicks, CURRENCY_COLORS, formatMoney, formatMonth, shortAmount } from './billing-model'

export interface MonthValue {
  month: string
  cents: number
}

const BAR = 30
const GAP = 16
const AXIS = 64
const HEIGHT = 120
const TOP = 18
const BOTTOM = 22

/**
 * One currency per chart, every month of the period (zero months drawn as an empty slot with "0"),
 * a value axis with round ticks, and each bar's value above it. Credit notes can make a month
 * negative: the bar then goes below the zero line.
 */
export function MonthChart(props: {
  currency: Currency
  values: readonly MonthValue[]
  language: string
  label: string
  testId?: string
}) {
  const { currency, values, language } = props
  const max = Math.max(0, ...values.map((v) => v.cents))
  const min = Math.min(0, ...values.map((v) => v.cents))
  const up = max > 0 || min === 0 ? axisTicks(max) : [0]
  const down = min < 0 ? axisTicks(-min).map((t) => -t) : [0]
  const top = up.at(-1) ?? 0
  const bottom = -(down.at(-1) ?? 0)
  const scale = (cents: number): number => (cents / (top + bottom || 1)) * HEIGHT
  const zeroY = TOP + scale(top)
  const ticks = [...new Set([...down.reverse(), ...up])]
  const width = AXIS + values.length * (BAR + GAP) + GAP
  const color = CURRENCY_COLORS[currency]
  return (
    <Stack gap={4} data-testid={props.testId}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      <Box style={{ overflowX: 'auto' }}>
        <svg role="img" aria-label={props.label} width={width} height={TOP + HEIGHT + BOTTOM + 4}>
          {ticks.map((tick) => {
            const y = zeroY - scale(tick)
            return (
              <g key={tick}>
                <line x1={AXIS - 4} x2={width} y1={y} y2={y} stroke="var(--mantine-color-default-border)" />
                <text x={AXIS - 8} y={y + 3} fontSize={10} textAnchor="end" fill="var(--mantine-color-dimmed)">
                  {shortAmount(tick, language)}
                </text>
              </g>
            )
          })}
          <line x1={AXIS} x2={AXIS} y1={TOP - 6} y2={TOP + HEIGHT} stroke="var(--mantine-color-default-border)" />
          {values.map((v, i) => {
            const x = AXIS + GAP + i * (BAR + GAP)
            const h = Math.abs(scale(v.cents))
            const y = v.cents >= 0 ? zeroY - h : zeroY
            return (
              <g key={v.month}>
                <title>{`${formatMonth(v.month, language)}: ${formatMoney(v.cents, currency, language)}`}</title>
                {v.cents !== 0 && <rect x={x} y={y} width={BAR} height={Math.max(1, h)} rx={3} fill={color} />}
                <text
                  x={x + BAR / 2}
                  y={v.cents >= 0 ? y - 4 : y + h + 11}
                  fontSize={9}
                  textAnchor="middle"
                  fill={v.cents === 0 ? 'var(--mantine-color-dimmed)' : 'currentColor'}
                >
                  {shortAmount(v.cents, language)}
                </text>
                <text x={x + BAR / 2} y={TOP + HEIGHT + 16} fontSize={10} textAnchor="middle" fill="currentColor">
                  {formatMonth(v.month, language)}
                </text>
              </g>
            )
          })}
        </svg>
      </Box>
    </Stack>
  )
}

import { Text } from '@mantine/core'
import { formatNumber, intlLocale } from '../lib/format'

export interface TrendDatum {
  /** `yyyy-mm-dd`. */
  day: string
  value: number
}

/**
 * A small line chart with its axes and values: the y axis names the lowest and highest value, the x axis the
 * first and last day (both formatted in the UI language), every point carries its value as a tooltip, and
 * the whole chart has a text alternative.
 */
export function TrendChart({
  data,
  label,
  language,
  height = 120,
  color = 'var(--mantine-primary-color-filled)',
  testId,
}: {
  data: readonly TrendDatum[]
  label: string
  language: string
  height?: number
  color?: string
  testId?: string
}) {
  const W = 600
  const H = height
  const left = 44
  const bottom = 22
  const top = 8
  const right = 8
  const number = { format: (n: number): string => formatNumber(n, language) }
  const date = new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const dayDate = (d: string) => new Date(`${d}T00:00:00Z`)
  const values = data.map((d) => d.value)
  const max = Math.max(1, ...values)
  const min = Math.min(0, ...values)
  const x = (i: number) =>
    left + (data.length <= 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (data.length - 1))
  const y = (v: number) => top + ((max - v) * (H - top - bottom)) / (max - min || 1)
  const first = data[0]
  const last = data.at(-1)
  const summary =
    first && last
      ? `${label}: ${date.format(dayDate(first.day))} ${number.format(first.value)}, ${date.format(dayDate(last.day))} ${number.format(last.value)}`
      : label
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      height={H}
      role="img"
      aria-label={summary}
      data-testid={testId}
      style={{ display: 'block', overflow: 'visible' }}
    >
      <title>{summary}</title>
      {/* Axes */}
      <line x1={left} y1={top} x2={left} y2={H - bottom} stroke="var(--mantine-color-default-border)" />
      <line x1={left} y1={H - bottom} x2={W - right} y2={H - bottom} stroke="var(--mantine-color-default-border)" />
      <text x={left - 6} y={top + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
        {number.format(max)}
      </text>
      <text x={left - 6} y={H - bottom} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
        {number.format(min)}
      </text>
      {first && (
        <text x={left} y={H - 6} fontSize={11} fill="var(--mantine-color-dimmed)">
          {date.format(dayDate(first.day))}
        </text>
      )}
      {last && data.length > 1 && (
        <text x={W - right} y={H - 6} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
          {date.format(dayDate(last.day))}
        </text>
      )}
      {data.length > 1 && (
        <polyline
          fill="none"
          stroke={color}
          strokeWidth={2}
          points={data.map((d, i) => `${x(i)},${y(d.value)}`).join(' ')}
        />
      )}
      {data.map((d, i) => (
        <circle key={d.day} cx={x(i)} cy={y(d.value)} r={data.length > 60 ? 1.5 : 3} fill={color}>
          <title>{`${date.format(dayDate(d.day))}: ${number.format(d.value)}`}</title>
        </circle>
      ))}
      {last && (
        <text
          x={x(data.length - 1) - 4}
          y={y(last.value) - 6}
          textAnchor="end"
          fontSize={12}
          fontWeight={700}
          fill="var(--mantine-color-text)"
        >
          {number.format(last.value)}
        </text>
      )}
    </svg>
  )
}

/** A trend with nothing to draw yet. */
export function TrendEmpty({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  )
}

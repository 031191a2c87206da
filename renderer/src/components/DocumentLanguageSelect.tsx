import { Select } from '@mantine/core'
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../../../shared/i18n/languages'

/**
 * The language a document is written in, which may differ from the interface's (a client in Ticino
 * gets Italian statements). Languages are named in their own language.
 */
export function DocumentLanguageSelect({
  label,
  value,
  onChange,
  'data-testid': testId,
}: {
  label: string
  value: Language
  onChange: (language: Language) => void
  'data-testid'?: string
}) {
  return (
    <Select
      label={label}
      data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
      value={value}
      onChange={(v) => {
        if (isLanguage(v)) onChange(v)
      }}
      allowDeselect={false}
      w={200}
      data-testid={testId}
    />
  )
}

import { useState } from 'react'
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { VirtualStack } from '../../components/VirtualTable'

/**
 * A confirmation that names every organization a change touches: each must be ticked.
 * `onConfirm` receives the names ticked (main checks them again).
 */
export function ConfirmOrgs({
  opened,
  title,
  body,
  orgNames,
  confirmLabel,
  loading,
  onConfirm,
  onClose,
}: {
  opened: boolean
  title: string
  body: string
  orgNames: readonly string[]
  confirmLabel: string
  loading?: boolean
  onConfirm: (names: string[]) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  const all = orgNames.length > 0 && orgNames.every((n) => ticked.has(n))
  const close = () => {
    setTicked(new Set())
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        <VirtualStack
          items={orgNames}
          itemHeight={24}
          itemKey={(name) => name}
          gap={8}
          maxHeight={320}
          label={title}
          data-testid="confirm-orgs"
          renderItem={(name) => (
            <Checkbox
              label={t('accessPage.confirm.tick', { org: name })}
              checked={ticked.has(name)}
              onChange={(e) => {
                const next = new Set(ticked)
                if (e.currentTarget.checked) next.add(name)
                else next.delete(name)
                setTicked(next)
              }}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('accessPage.confirm.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!all}
            loading={loading ?? false}
            onClick={() => {
              onConfirm([...ticked])
              setTicked(new Set())
            }}
            data-testid="confirm-apply"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

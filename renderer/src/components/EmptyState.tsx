import type { ReactNode } from 'react'
import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core'

/** A centred message for screens with nothing to show yet, with an optional action. */
export function EmptyState(props: { icon: ReactNode; title: string; body: string; action?: ReactNode }) {
  return (
    <Center mih={360} p="xl">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">
          {props.icon}
        </ThemeIcon>
        <Title order={2} size="h3">
          {props.title}
        </Title>
        <Text c="dimmed">{props.body}</Text>
        {props.action}
      </Stack>
    </Center>
  )
}

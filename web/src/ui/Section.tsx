import { Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled block of a page (Profil, Coordonnées…): a bordered card with an optional action on the right. */
export function Section({
  title,
  action,
  children,
  testId,
}: {
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs" wrap="nowrap">
        <Text fw={600} size="sm" component="h2" m={0}>
          {title}
        </Text>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** A label / value line inside a Section; shows a dash when the value is empty. */
export function Field({ label, children }: { label: ReactNode; children?: ReactNode }) {
  const empty = children === null || children === undefined || children === "" || children === false;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" c={empty ? "dimmed" : undefined} style={{ overflowWrap: "anywhere" }}>
        {empty ? "—" : children}
      </Text>
    </div>
  );
}

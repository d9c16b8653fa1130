import { ActionIcon, Badge, Button, Grid, Group, NavLink, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { ConfirmModal } from "../contacts/ConfirmModal";
import { notifyError, notifySuccess } from "../members/notify";
import {
  type Enrolment,
  type EnrolmentStatus,
  type Programme,
  useProgramme,
  useProgrammeMutations,
  useProgrammes,
} from "./api";
import { EnrolmentModal } from "./EnrolmentModal";
import { programmeName } from "./names";
import { ProgrammeModal } from "./ProgrammeModal";

const statusColor: Record<EnrolmentStatus, string> = {
  enrolled: "blue",
  in_progress: "violet",
  completed: "teal",
  dropped: "gray",
};

function EnrolmentsPanel({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useProgramme(programme.id);
  const mutations = useProgrammeMutations();
  const [editing, setEditing] = useState<Enrolment | "new" | null>(null);
  const [removing, setRemoving] = useState<Enrolment | null>(null);
  const [renaming, setRenaming] = useState(false);
  return (
    <Section
      title={programmeName(programme, t)}
      testId="programme-enrolments"
      action={
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setRenaming(true)}>
            {t("common.edit")}
          </Button>
          <Button
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing("new")}
            data-testid="enrolment-add"
          >
            {t("programmes.enrolment.add")}
          </Button>
        </Group>
      }
    >
      {(programme.description || programme.partnerBody) && (
        <Text size="sm" c="dimmed" mb="sm">
          {[programme.description, programme.partnerBody].filter(Boolean).join(" · ")}
        </Text>
      )}
      {detail.isError && <ErrorDisplay error={detail.error} onRetry={() => detail.refetch()} />}
      {detail.isPending ? (
        <Skeleton h={120} />
      ) : detail.data && detail.data.enrolmentList.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="enrolments-empty">
          {t("programmes.enrolment.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="enrolments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("programmes.enrolment.member")}</Table.Th>
                <Table.Th>{t("programmes.enrolment.enrolledOn")}</Table.Th>
                <Table.Th>{t("programmes.enrolment.status")}</Table.Th>
                <Table.Th>{t("programmes.enrolment.outcome")}</Table.Th>
                <Table.Th>{t("programmes.enrolment.partnerBody")}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.data?.enrolmentList.map((e) => (
                <Table.Tr key={e.id} data-testid="enrolment-row">
                  <Table.Td fw={500}>{e.member.name}</Table.Td>
                  <Table.Td>
                    {format.date(e.enrolledOn)}
                    {e.endedOn && (
                      <Text size="xs" c="dimmed">
                        → {format.date(e.endedOn)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[e.status]}>
                      {t(`programmes.status.${e.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {e.outcome ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.partnerBody ?? programme.partnerBody ?? "—"}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t("common.edit")} onClick={() => setEditing(e)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("common.delete")}
                        onClick={() => setRemoving(e)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <EnrolmentModal
          programmeId={programme.id}
          enrolment={editing === "new" ? undefined : editing}
          defaultPartner={programme.partnerBody}
          onClose={() => setEditing(null)}
        />
      )}
      {renaming && <ProgrammeModal programme={programme} onClose={() => setRenaming(false)} />}
      {removing && (
        <ConfirmModal
          message={t("programmes.enrolment.deleteConfirm", { name: removing.member.name })}
          confirmLabel={t("common.delete")}
          loading={mutations.deleteEnrolment.isPending}
          onClose={() => setRemoving(null)}
          onConfirm={() =>
            mutations.deleteEnrolment.mutate(removing.id, {
              onSuccess: () => {
                notifySuccess(t("programmes.enrolment.deleted"));
                setRemoving(null);
              },
              onError: notifyError,
            })
          }
        />
      )}
    </Section>
  );
}

/** The programmes on the left, the chosen one's enrolments on the right. */
export function ProgrammesTab({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);
  if (programmes.isError) return <ErrorDisplay error={programmes.error} onRetry={() => programmes.refetch()} />;
  const current = programmes.data?.find((p) => p.id === selected) ?? programmes.data?.[0];
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap={4} data-testid="programme-list">
          {programmes.isPending
            ? [0, 1, 2, 3].map((i) => <Skeleton key={i} h={44} />)
            : programmes.data.map((p) => (
                <NavLink
                  key={p.id}
                  active={p.id === current?.id}
                  onClick={() => onSelect(p.id)}
                  label={programmeName(p, t)}
                  description={p.partnerBody ?? (p.code ? undefined : t("programmes.own"))}
                  variant="light"
                  style={{ borderRadius: "var(--mantine-radius-md)" }}
                  rightSection={
                    <Group gap={4} wrap="nowrap">
                      {!p.active && (
                        <Badge size="xs" color="gray" variant="light">
                          {t("programmes.inactive")}
                        </Badge>
                      )}
                      <Badge size="sm" variant="light" data-testid="programme-count">
                        {p.enrolments}
                      </Badge>
                    </Group>
                  }
                  data-testid="programme-item"
                />
              ))}
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            justify="flex-start"
            mt="xs"
            data-testid="programme-new"
          >
            {t("programmes.new")}
          </Button>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {current ? (
          <EnrolmentsPanel key={current.id} programme={current} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("programmes.choose")}
          </Text>
        )}
      </Grid.Col>
      {creating && <ProgrammeModal onClose={() => setCreating(false)} onCreated={onSelect} />}
    </Grid>
  );
}

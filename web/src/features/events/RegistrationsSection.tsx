import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Rating,
  Skeleton,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconDots, IconUserCheck, IconUserMinus, IconUserX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { useCheckIn, useOccurrenceMutations, useRegistrations } from "./api";
import { useEventDates } from "./dates";
import { ConfirmModal } from "./fields";
import type { OccurrenceDetail, Registration } from "./types";

export function RegistrationStatusBadge({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  if (registration.status === "confirmed")
    return (
      <Badge color="teal" data-testid="registration-row-status" miw="max-content">
        {t("events.registrations.confirmed")}
      </Badge>
    );
  if (registration.status === "waiting")
    return (
      <Badge color="orange" data-testid="registration-row-status" miw="max-content">
        {t("events.registrations.waiting", { position: registration.position ?? "?" })}
      </Badge>
    );
  return (
    <Badge color="gray" data-testid="registration-row-status" miw="max-content">
      {t("events.registrations.cancelled")}
    </Badge>
  );
}

/** Staff: everyone registered for this date, with status, waiting rank, attendance and feedback. */
export function RegistrationsSection({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const dates = useEventDates();
  const registrations = useRegistrations(occurrence.id, true);
  const { unregister } = useOccurrenceMutations(occurrence.id);
  const checkIn = useCheckIn(occurrence.id);
  const [showCancelled, setShowCancelled] = useState(false);
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const all = registrations.data ?? [];
  const cancelledCount = all.filter((r) => r.status === "cancelled").length;
  const rows = showCancelled ? all : all.filter((r) => r.status !== "cancelled");
  const rated = all.filter((r) => r.feedbackRating !== null);
  const average = rated.length ? rated.reduce((sum, r) => sum + (r.feedbackRating ?? 0), 0) / rated.length : null;

  const cancel = (registration: Registration) =>
    unregister.mutate(registration.id, {
      onSuccess: (result) => {
        notifySuccess(t("events.registration.doneCancelled"));
        if (result?.promoted) notifySuccess(t("events.registration.donePromoted", { name: result.promoted.name }));
        setCancelling(null);
        void registrations.refetch();
      },
      onError: (error) => {
        setCancelling(null);
        notifyError(error);
      },
    });

  return (
    <Section
      title={`${t("events.occurrence.sections.registrations")}${registrations.data ? ` (${all.length - cancelledCount})` : ""}`}
      testId="registrations-section"
      action={
        cancelledCount > 0 && (
          <Button variant="subtle" size="compact-xs" onClick={() => setShowCancelled((v) => !v)}>
            {showCancelled
              ? t("events.registrations.hideCancelled")
              : t("events.registrations.showCancelled", { count: cancelledCount })}
          </Button>
        )
      }
    >
      {average !== null && (
        <Text size="xs" c="dimmed" mb="xs">
          {t("events.feedback.average", {
            value: new Intl.NumberFormat(dates.locale, { maximumFractionDigits: 1 }).format(average),
            count: rated.length,
          })}
        </Text>
      )}
      {registrations.isError ? (
        <ErrorDisplay error={registrations.error} onRetry={() => registrations.refetch()} />
      ) : registrations.isPending ? (
        <Skeleton h={120} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="registrations-empty">
          {t("events.registrations.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table data-testid="registrations-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("events.registrations.name")}</Table.Th>
                <Table.Th>{t("events.registrations.status")}</Table.Th>
                <Table.Th>{t("events.registrations.registeredAt")}</Table.Th>
                <Table.Th>{t("events.registrations.checkIn")}</Table.Th>
                <Table.Th>{t("events.registrations.feedback")}</Table.Th>
                <Table.Th w={40}>
                  <VisuallyHidden>{t("events.registrations.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((registration) => (
                <Table.Tr
                  key={registration.id}
                  data-testid="registration-row"
                  data-status={registration.status}
                  data-registration-id={registration.id}
                  style={{ opacity: registration.status === "cancelled" ? 0.55 : 1 }}
                >
                  <Table.Td maw={300}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500} truncate>
                        {registration.name}
                      </Text>
                      {registration.isGuest && (
                        <Badge size="xs" color="gray" variant="outline" style={{ flex: "none" }}>
                          {t("events.registrations.guest")}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" truncate>
                      {registration.memberId ? (
                        <Anchor
                          component={Link}
                          to={cluster.path(`members/${registration.memberId}`)}
                          size="xs"
                          inherit
                        >
                          {registration.memberName ?? registration.company}
                        </Anchor>
                      ) : (
                        registration.company
                      )}
                      {(registration.memberName ?? registration.company) ? " · " : ""}
                      {registration.email}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <RegistrationStatusBadge registration={registration} />
                    {registration.promotedAt && (
                      <Text size="10px" c="dimmed" mt={2}>
                        {t("events.registrations.promoted", { date: dates.dayShort(registration.promotedAt) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" style={{ whiteSpace: "nowrap" }}>
                      {dates.dayShort(registration.registeredAt)} {dates.time(registration.registeredAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="registration-row-checkin" data-present={Boolean(registration.checkedInAt)}>
                    {registration.checkedInAt ? (
                      <Badge color="teal" variant="filled" miw="max-content" leftSection={<IconUserCheck size={12} />}>
                        {t("events.registrations.present")} · {dates.time(registration.checkedInAt)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("events.registrations.absent")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {registration.feedbackRating !== null ? (
                      <Tooltip
                        label={registration.feedbackComment ?? ""}
                        disabled={!registration.feedbackComment}
                        multiline
                        maw={320}
                      >
                        <span>
                          <Rating value={registration.feedbackRating} readOnly size="xs" />
                        </span>
                      </Tooltip>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {registration.status !== "cancelled" && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t("events.registrations.actions")}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {registration.status === "confirmed" && occurrence.canCheckIn && (
                            <Menu.Item
                              leftSection={
                                registration.checkedInAt ? <IconUserX size={14} /> : <IconUserCheck size={14} />
                              }
                              onClick={() =>
                                checkIn.mutate(
                                  { registrationId: registration.id, present: !registration.checkedInAt },
                                  { onError: notifyError },
                                )
                              }
                            >
                              {registration.checkedInAt ? t("events.checkin.undo") : t("events.checkin.checkIn")}
                            </Menu.Item>
                          )}
                          <Menu.Item
                            color="red"
                            leftSection={<IconUserMinus size={14} />}
                            onClick={() => setCancelling(registration)}
                            data-testid="registration-row-cancel"
                          >
                            {t("events.registrations.cancelRegistration")}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cancelling && (
        <ConfirmModal
          title={t("events.registrations.cancelConfirmTitle", { name: cancelling.name })}
          confirmLabel={t("events.registration.confirmCancel")}
          danger
          loading={unregister.isPending}
          onConfirm={() => cancel(cancelling)}
          onClose={() => setCancelling(null)}
        >
          <Text size="sm">{t("events.registrations.cancelConfirmText")}</Text>
        </ConfirmModal>
      )}
    </Section>
  );
}

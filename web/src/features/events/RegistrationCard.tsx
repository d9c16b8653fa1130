import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconClock, IconUserPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { useOccurrenceMutations } from "./api";
import { SeatsText } from "./badges";
import { ConfirmModal } from "./fields";
import { RegisterSomeoneModal } from "./RegisterSomeoneModal";
import type { OccurrenceDetail } from "./types";

/** The caller's own seat: register, see the waiting-list position, cancel. Staff also register others. */
export function RegistrationCard({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const { register, unregister } = useOccurrenceMutations(occurrence.id);
  const [confirming, setConfirming] = useState(false);
  const [registering, setRegistering] = useState(false);
  const mine = occurrence.myRegistration;
  const cancelled = occurrence.status === "cancelled" || occurrence.eventStatus === "cancelled";
  const started = new Date(occurrence.startsAt).getTime() <= Date.now();
  const full = occurrence.capacity !== null && occurrence.confirmed >= occurrence.capacity;
  const selfService = cluster.role === "member";

  const registerSelf = () =>
    register.mutate(
      {},
      {
        onSuccess: (registration) =>
          notifySuccess(
            registration.status === "confirmed"
              ? t("events.registration.doneConfirmed")
              : t("events.registration.doneWaiting", { position: registration.position ?? "?" }),
          ),
        onError: notifyError,
      },
    );

  const cancelMine = () => {
    if (!mine) return;
    unregister.mutate(mine.id, {
      onSuccess: () => {
        notifySuccess(t("events.registration.doneCancelled"));
        setConfirming(false);
      },
      onError: (error) => {
        setConfirming(false);
        notifyError(error);
      },
    });
  };

  const status = mine?.status ?? "none";
  return (
    <Section title={t("events.occurrence.sections.registration")} testId="registration-card">
      <Stack gap="sm" data-testid="registration-status" data-status={status}>
        <SeatsText occurrence={occurrence} />
        {mine?.status === "confirmed" && (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} p="sm">
            <Text size="sm" fw={600}>
              {t("events.registration.confirmed")}
            </Text>
          </Alert>
        )}
        {mine?.status === "waiting" && (
          <Alert color="orange" icon={<IconClock size={18} />} p="sm">
            <Text size="sm" fw={600}>
              {t("events.registration.waiting")}
            </Text>
            {mine.position !== null && (
              <Text size="sm" data-testid="registration-position" data-position={mine.position}>
                {t("events.registration.position", { position: mine.position })}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {t("events.registration.positionHelp")}
            </Text>
          </Alert>
        )}
        {!mine && selfService && (
          <Text size="sm" c="dimmed">
            {cancelled || !occurrence.canRegister
              ? t("events.registration.closed")
              : t("events.registration.notRegistered")}
          </Text>
        )}
        {!mine && selfService && occurrence.canRegister && !cancelled && (
          <Button
            size="md"
            fullWidth
            color={full ? "orange" : undefined}
            leftSection={full ? <IconClock size={18} /> : <IconUserPlus size={18} />}
            loading={register.isPending}
            onClick={registerSelf}
            data-testid="registration-register"
          >
            {full ? t("events.registration.joinWaitingList") : t("events.registration.register")}
          </Button>
        )}
        {mine && !cancelled && !started && (
          <Button
            variant="default"
            fullWidth
            leftSection={<IconX size={16} />}
            onClick={() => setConfirming(true)}
            data-testid="registration-cancel"
          >
            {t("events.registration.cancel")}
          </Button>
        )}
        {cluster.isStaff && !cancelled && (
          <Group gap="xs">
            <Button
              variant="light"
              fullWidth
              leftSection={<IconUserPlus size={16} />}
              onClick={() => setRegistering(true)}
              disabled={!occurrence.canRegister}
              data-testid="registration-add"
            >
              {t("events.registration.registerSomeone")}
            </Button>
          </Group>
        )}
      </Stack>
      {confirming && mine && (
        <ConfirmModal
          title={t("events.registration.cancelConfirmTitle")}
          confirmLabel={t("events.registration.confirmCancel")}
          cancelLabel={t("events.registration.keep")}
          danger
          loading={unregister.isPending}
          onConfirm={cancelMine}
          onClose={() => setConfirming(false)}
          testId="registration-cancel-modal"
        >
          <Text size="sm">
            {mine.status === "confirmed"
              ? t("events.registration.cancelConfirmText")
              : t("events.registration.cancelConfirmWaiting")}
          </Text>
        </ConfirmModal>
      )}
      {registering && <RegisterSomeoneModal occurrenceId={occurrence.id} onClose={() => setRegistering(false)} />}
    </Section>
  );
}

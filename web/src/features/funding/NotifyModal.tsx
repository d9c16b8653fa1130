import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { type FundingCall, useFundingMutations } from "./api";

/** Asks before mailing the eligible members of a call, then says how many were told. */
export function NotifyModal({ call, count, onClose }: { call: FundingCall; count: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { notify } = useFundingMutations();
  const result = notify.data;
  return (
    <Modal opened onClose={onClose} title={t("funding.eligible.notifyTitle")} data-testid="notify-modal">
      <Stack gap="md">
        {result ? (
          <Alert color="teal" icon={<IconCheck size={18} />} data-testid="notify-result">
            <Text size="sm" data-testid="notify-count" data-notified={result.notified}>
              {t("funding.eligible.result", {
                notified: result.notified,
                already: result.alreadyNotified,
                withoutEmail: result.noContact.length,
              })}
            </Text>
            {result.noContact.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t("funding.eligible.noContact", { names: result.noContact.map((m) => m.name).join(", ") })}
              </Text>
            )}
          </Alert>
        ) : (
          <Text size="sm">
            {t("funding.eligible.notifyConfirm", { count, title: call.title, days: call.reminderDays })}
          </Text>
        )}
        {notify.isError && <ErrorDisplay error={notify.error} />}
        <Group justify="flex-end">
          {result ? (
            <Button onClick={onClose} data-testid="notify-close">
              {t("funding.eligible.done")}
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button loading={notify.isPending} onClick={() => notify.mutate(call.id)} data-testid="notify-send">
                {t("funding.eligible.send")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types";
import { personName } from "../../lib/format";
import { usePersonMutations } from "./api";
import { notifyError, notifySuccess } from "./notify";

/** Confirms a GDPR erasure: what is wiped, what stays, and that it cannot be undone. */
export function EraseModal({ memberId, person, onClose }: { memberId: string; person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const { erase } = usePersonMutations(memberId);
  const name = personName(person);
  return (
    <Modal opened onClose={onClose} title={t("people.eraseTitle", { name })} size="md">
      <Stack gap="sm">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t("people.eraseWarning")}
        </Alert>
        <Text size="sm">{t("people.eraseWhat")}</Text>
        <List size="sm" spacing={2}>
          <List.Item>{t("people.eraseWiped")}</List.Item>
          <List.Item>{t("people.eraseKept")}</List.Item>
        </List>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={erase.isPending}
            data-testid="person-erase-confirm"
            onClick={() =>
              erase.mutate(person.id, {
                onSuccess: () => {
                  notifySuccess(t("people.erasedDone"));
                  onClose();
                },
                onError: notifyError,
              })
            }
          >
            {t("people.eraseConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

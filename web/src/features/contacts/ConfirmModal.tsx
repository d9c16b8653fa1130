import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A yes/no question before something is deleted. */
export function ConfirmModal({
  message,
  confirmLabel,
  loading,
  onConfirm,
  onClose,
}: {
  message: string;
  confirmLabel: string;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} withCloseButton={false} size="sm">
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={loading} onClick={onConfirm} data-testid="confirm-delete">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Member } from "../../api/types";
import { useCluster } from "../auth/cluster";
import { useDeleteMember } from "./api";
import { notifyError, notifySuccess } from "./notify";

/** Deleting is for a member entered by mistake; one who leaves becomes "former" instead. */
export function DeleteMemberModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  const remove = useDeleteMember(member.id);
  return (
    <Modal opened onClose={onClose} title={t("member.deleteTitle", { name: member.legalName })}>
      <Stack gap="sm">
        <Text size="sm">{t("member.deleteText")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            data-testid="member-delete-confirm"
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t("member.deleted", { name: member.legalName }));
                  navigate(cluster.path("members"), { replace: true });
                },
                onError: notifyError,
              })
            }
          >
            {t("member.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

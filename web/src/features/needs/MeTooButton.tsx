import { Badge, Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { type Need, useNeedMutations } from "./api";

/** "Me too" with a comment, for a member company; shows what its company already did. */
export function MeTooButton({ need }: { need: Need }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const mutations = useNeedMutations();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  if (cluster.role !== "member" || !cluster.memberId || need.status !== "open") return null;
  if (need.mine && need.author.company?.id === cluster.memberId)
    return (
      <Badge variant="light" color="gray">
        {t("needs.meToo.own")}
      </Badge>
    );
  if (need.supportedByMe)
    return (
      <Button
        size="compact-sm"
        variant="light"
        color="teal"
        leftSection={<IconCheck size={14} />}
        title={t("needs.meToo.withdraw")}
        onClick={() => mutations.withdraw.mutate(need.id, { onError: notifyError })}
        data-testid="need-metoo-done"
      >
        {t("needs.meToo.done")}
      </Button>
    );
  const submit = () =>
    mutations.support.mutate(
      { id: need.id, comment },
      {
        onSuccess: () => {
          notifySuccess(t("needs.meToo.counted"));
          setOpen(false);
          setComment("");
        },
        onError: notifyError,
      },
    );
  return (
    <>
      <Button
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => setOpen(true)}
        data-testid="need-metoo"
      >
        {t("needs.meToo.button")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`${t("needs.meToo.title")} — ${need.title}`}>
        <Stack gap="sm">
          <Textarea
            label={t("needs.meToo.comment")}
            placeholder={t("needs.meToo.commentPlaceholder")}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            data-testid="need-metoo-comment"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button onClick={submit} loading={mutations.support.isPending} data-testid="need-metoo-submit">
              {t("needs.meToo.submit")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

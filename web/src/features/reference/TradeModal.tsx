import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Trade } from "../../api/types";
import { useCluster } from "../auth/cluster";
import { applyServerErrors, notifySuccess } from "../members/notify";

/** "découpe laser" → "decoupe-laser": the code the API expects, from the French label. */
const codeOf = (label: string) =>
  label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);

/** Staff extend the cluster's trades taxonomy; the new trade is then picked for the member. */
export function TradeModal({ onClose, onCreated }: { onClose: () => void; onCreated: (trade: Trade) => void }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (input: Trade) => api.post<Trade>(cluster.apiPath("trades"), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["trades", cluster.slug] }),
  });
  const form = useForm({
    initialValues: { labelFr: "", labelEn: "", code: "" },
    validate: {
      labelFr: (v) => (v.trim().length >= 2 ? null : t("trades.labelRequired")),
      labelEn: (v) => (v.trim().length >= 2 ? null : t("trades.labelRequired")),
      code: (v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : t("trades.codeInvalid")),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { code: values.code, labelFr: values.labelFr.trim(), labelEn: values.labelEn.trim() },
      {
        onSuccess: (trade) => {
          notifySuccess(t("trades.created", { label: trade.labelFr }));
          onCreated(trade);
          onClose();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t("trades.newTitle")} size="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("trades.labelFr")}
            withAsterisk
            {...form.getInputProps("labelFr")}
            onChange={(event) => {
              const value = event.currentTarget.value;
              const previous = form.getValues();
              form.setFieldValue("labelFr", value);
              if (!previous.code || previous.code === codeOf(previous.labelFr))
                form.setFieldValue("code", codeOf(value));
            }}
            data-testid="trade-label-fr"
          />
          <TextInput
            label={t("trades.labelEn")}
            withAsterisk
            {...form.getInputProps("labelEn")}
            data-testid="trade-label-en"
          />
          <TextInput
            label={t("trades.code")}
            description={t("trades.codeHelp")}
            withAsterisk
            {...form.getInputProps("code")}
            data-testid="trade-code"
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="trade-save">
              {t("trades.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Center, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** A message for an error, in the user's words: the server's own message when it sent one. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t("errors.network");
      if (error.status === 403)
        return error.message && error.code !== "forbidden" ? error.message : t("errors.forbidden");
      if (error.status === 404) return t("errors.notFound");
      if (error.status >= 500) return t("errors.server");
      return error.message || t("errors.unknown");
    }
    return t("errors.unknown");
  };
}

interface Props {
  error?: unknown;
  title?: string;
  message?: string;
  onRetry?: () => void;
  fullPage?: boolean;
  action?: ReactNode;
}

export function ErrorDisplay({ error, title, message, onRetry, fullPage, action }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const alert = (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? t("errors.title")}
      role="alert"
      maw={560}
      w="100%"
    >
      <Stack gap="sm" align="flex-start">
        <div>{message ?? describe(error)}</div>
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
        {action}
      </Stack>
    </Alert>
  );
  return fullPage ? (
    <Center mih="60vh" p="md">
      {alert}
    </Center>
  ) : (
    alert
  );
}

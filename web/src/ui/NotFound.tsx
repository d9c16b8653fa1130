import { Button } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Empty } from "./Empty";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Empty
      title={t("errors.pageNotFoundTitle")}
      description={t("errors.pageNotFound")}
      icon={<IconMapQuestion size={22} stroke={1.5} />}
      action={
        <Button component={Link} to="/" variant="default">
          {t("common.home")}
        </Button>
      }
    />
  );
}

import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PageHeader } from "../../ui/PageHeader";
import { useCluster } from "../auth/cluster";
import { MemberForm } from "./MemberForm";

export default function MemberCreatePage() {
  const { t } = useTranslation();
  const cluster = useCluster();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("form.createTitle")} subtitle={t("form.createSubtitle")} titleTestId="member-title" />
      <MemberForm
        member={null}
        staff
        onSaved={(member) => navigate(cluster.path(`members/${member.id}`))}
        onCancel={() => navigate(cluster.path("members"))}
      />
    </>
  );
}

import { AppShell, Burger, Divider, Group, NavLink, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAddressBook,
  IconArrowsExchange,
  IconBriefcase,
  IconBuildingBank,
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartDots,
  IconClipboardCheck,
  IconFileImport,
  IconLayoutDashboard,
  IconMail,
  IconMessageQuestion,
  IconPhoneCall,
  IconReportAnalytics,
  IconSpeakerphone,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import { type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useParams } from "react-router";
import type { Role } from "../api/types";
import { ClusterProvider, makeCluster, useCluster } from "../features/auth/cluster";
import { useMe } from "../features/auth/session";
import { ClusterSwitcher } from "./ClusterSwitcher";
import { ErrorBoundary } from "./ErrorBoundary";
import { FullPageLoader } from "./FullPageLoader";
import { LanguageSwitch } from "./LanguageSwitch";
import { Logo } from "./Logo";
import { UserMenu } from "./UserMenu";

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
  exact?: boolean;
  testId: string;
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const location = useLocation();
  const items: NavItem[] = [
    {
      to: cluster.path(),
      label: t("nav.dashboard"),
      icon: <IconLayoutDashboard size={18} stroke={1.6} />,
      roles: ["staff", "funder"],
      exact: true,
      testId: "nav-dashboard",
    },
    {
      to: cluster.path("members"),
      label: t("nav.directory"),
      icon: <IconAddressBook size={18} stroke={1.6} />,
      roles: ["staff", "member"],
      testId: "nav-directory",
    },
    {
      to: cluster.path("events"),
      label: t("events.nav"),
      icon: <IconCalendarEvent size={18} stroke={1.6} />,
      roles: ["staff", "member"],
      testId: "nav-events",
    },
    {
      to: cluster.path("groups"),
      label: t("groups.nav"),
      icon: <IconUsersGroup size={18} stroke={1.6} />,
      roles: ["staff", "member"],
      testId: "nav-groups",
    },
    {
      to: cluster.path("needs"),
      label: t("needs.nav"),
      icon: <IconMessageQuestion size={18} stroke={1.6} />,
      roles: ["staff", "member"],
      testId: "nav-needs",
    },
    {
      to: cluster.path("opportunities"),
      label: t("opportunities.nav"),
      icon: <IconBriefcase size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-opportunities",
    },
    {
      to: cluster.path("my-opportunities"),
      label: t("opportunities.myNav"),
      icon: <IconBriefcase size={18} stroke={1.6} />,
      roles: ["member"],
      testId: "nav-my-opportunities",
    },
    {
      to: cluster.path("meetings"),
      label: t("meetings.nav"),
      icon: <IconArrowsExchange size={18} stroke={1.6} />,
      roles: ["staff", "member"],
      testId: "nav-meetings",
    },
    {
      to: cluster.path("to-call"),
      label: t("contacts.nav"),
      icon: <IconPhoneCall size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-to-call",
    },
    {
      to: cluster.path("engagement"),
      label: t("engagement.nav"),
      icon: <IconChartDots size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-engagement",
    },
    {
      to: cluster.path("programmes"),
      label: t("programmes.nav"),
      icon: <IconClipboardCheck size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-programmes",
    },
    {
      to: cluster.path("funding-calls"),
      label: t("funding.callsNav"),
      icon: <IconSpeakerphone size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-funding-calls",
    },
    {
      to: cluster.path("funders"),
      label: t("funding.fundersNav"),
      icon: <IconBuildingBank size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-funders",
    },
    {
      to: cluster.path("report"),
      label: t("reports.nav"),
      icon: <IconReportAnalytics size={18} stroke={1.6} />,
      roles: ["staff", "funder"],
      testId: "nav-report",
    },
    {
      to: cluster.path("import"),
      label: t("nav.import"),
      icon: <IconFileImport size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-import",
    },
    {
      to: cluster.path("my-company"),
      label: t("nav.myCompany"),
      icon: <IconBuildingFactory2 size={18} stroke={1.6} />,
      roles: ["member"],
      testId: "nav-my-company",
    },
    {
      to: cluster.path("accounts"),
      label: t("nav.accounts"),
      icon: <IconUsers size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-accounts",
    },
    {
      to: cluster.path("outbox"),
      label: t("outbox.nav"),
      icon: <IconMail size={18} stroke={1.6} />,
      roles: ["staff"],
      testId: "nav-outbox",
    },
  ];
  return (
    <nav aria-label={t("nav.main")}>
      {items
        .filter((item) => item.roles.includes(cluster.role))
        .map((item) => {
          const active = item.exact
            ? location.pathname === item.to
            : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={active}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              variant="light"
              style={{ borderRadius: "var(--mantine-radius-md)" }}
              mb={2}
              data-testid={item.testId}
            />
          );
        })}
    </nav>
  );
}

/** The signed-in frame of a cluster: header, left navbar, the page. */
export function ClusterLayout() {
  const { slug } = useParams();
  const { pathname } = useLocation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useTranslation();
  if (!me.data) return null;
  const membership = me.data.clusters.find((c) => c.slug === slug);
  if (!membership) {
    const first = me.data.clusters[0];
    return first ? <Navigate to={`/c/${encodeURIComponent(first.slug)}`} replace /> : <Navigate to="/" replace />;
  }
  const cluster = makeCluster(me.data, membership);

  return (
    <ClusterProvider value={cluster}>
      <AppShell
        header={{ height: 52 }}
        navbar={{ width: 256, breakpoint: "sm", collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
              <Link to={cluster.path()} style={{ textDecoration: "none", color: "inherit" }} aria-label={t("app.name")}>
                <Logo />
              </Link>
              <Divider orientation="vertical" visibleFrom="xs" />
              <ClusterSwitcher />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" bg="var(--mantine-color-gray-0)">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation onNavigate={close} />
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="xs">
              {t(`roles.${cluster.role}`)}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main bg="white">
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<FullPageLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </ClusterProvider>
  );
}

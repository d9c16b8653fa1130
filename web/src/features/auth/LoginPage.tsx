import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { Logo } from "../../ui/Logo";
import { useMe, useSignIn } from "./session";

/** Where to go after signing in: the page asked for, if it is one of ours. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  if (me.data) return <Navigate to={safeNext(params.get("next"))} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };
  const error = signIn.error;
  const message =
    error instanceof ApiError && (error.status === 401 || error.status === 400 || error.status === 403)
      ? t("login.invalid")
      : error
        ? t("login.failed")
        : null;

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Box w="100%" maw={380}>
        <Group justify="space-between" mb="lg">
          <Logo size="lg" />
          <LanguageSwitch />
        </Group>
        <Paper withBorder radius="md" p="xl" shadow="xs">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} fz="h3">
                  {t("login.title")}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t("app.tagline")}
                </Text>
              </div>
              {message && (
                <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
                  {message}
                </Alert>
              )}
              <TextInput
                label={t("login.email")}
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                data-testid="login-email"
              />
              <PasswordInput
                label={t("login.password")}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                data-testid="login-password"
              />
              <Button type="submit" fullWidth loading={signIn.isPending} data-testid="login-submit">
                {t("login.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text c="dimmed" size="xs" ta="center" mt="md">
          {t("login.footer")}
        </Text>
      </Box>
    </Center>
  );
}

import { createTheme, type MantineColorsTuple } from "@mantine/core";

/** Calm, dense and neutral: grey surfaces, one violet accent, small controls. */
const violet: MantineColorsTuple = [
  "#f3f0ff",
  "#e5dbff",
  "#d0bfff",
  "#b197fc",
  "#9775fa",
  "#845ef7",
  "#7048e8",
  "#6741d9",
  "#5f3dc4",
  "#5235ab",
];

export const theme = createTheme({
  primaryColor: "violet",
  colors: { violet },
  primaryShade: 6,
  defaultRadius: "md",
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: "650" },
  cursorType: "pointer",
  components: {
    Button: { defaultProps: { size: "sm" } },
    TextInput: { defaultProps: { size: "sm" } },
    Select: { defaultProps: { size: "sm", allowDeselect: false } },
    Badge: { defaultProps: { radius: "sm", variant: "light", tt: "none" } },
    Table: { defaultProps: { verticalSpacing: 8, fz: "sm" } },
    Tooltip: { defaultProps: { openDelay: 300 } },
    Paper: { defaultProps: { radius: "md" } },
  },
});

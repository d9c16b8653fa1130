import type { CallState } from "./api";

export const stateColor: Record<CallState, string> = { upcoming: "blue", open: "teal", closed: "gray" };

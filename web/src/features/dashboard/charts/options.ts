import type { EChartsOption } from "echarts";
import type { Format } from "../../../lib/format";
import type { ReportDashboard, Target } from "../../reports/api";
import { palette } from "./EChart";

/** "2025-03" → "mars" / "Mar". */
export function monthLabel(format: Format, month: string) {
  const date = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(format.locale, { month: "short", timeZone: "UTC" }).format(date);
}

const base = (format: Format): EChartsOption => ({
  color: palette,
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  tooltip: { trigger: "axis", valueFormatter: (v) => (typeof v === "number" ? format.number(v) : String(v ?? "")) },
});

export function membersOption(format: Format, data: ReportDashboard["membersOverTime"], label: string): EChartsOption {
  return {
    ...base(format),
    xAxis: { type: "category", data: data.map((d) => monthLabel(format, d.month)), boundaryGap: false },
    yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => format.number(v) } },
    series: [
      { name: label, type: "line", smooth: true, areaStyle: { opacity: 0.12 }, data: data.map((d) => d.members) },
    ],
  };
}

export function participationOption(
  format: Format,
  data: ReportDashboard["participationPerMonth"],
  labels: { held: string; attendance: string; companies: string },
): EChartsOption {
  return {
    ...base(format),
    legend: { top: 0 },
    xAxis: { type: "category", data: data.map((d) => monthLabel(format, d.month)) },
    yAxis: [
      { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => format.number(v) } },
      { type: "value", minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.attendance, type: "bar", data: data.map((d) => d.attendance) },
      { name: labels.companies, type: "bar", data: data.map((d) => d.companies) },
      { name: labels.held, type: "line", yAxisIndex: 1, data: data.map((d) => d.held) },
    ],
  };
}

/** Dues and grants stacked per year, with the private share on a second axis. */
export function fundingMixOption(
  format: Format,
  data: ReportDashboard["fundingMix"],
  labels: { dues: string; grants: string; privateShare: string },
): EChartsOption {
  const percent = new Intl.NumberFormat(format.locale, { style: "percent", maximumFractionDigits: 0 });
  return {
    ...base(format),
    color: [palette[1], palette[0], palette[2]],
    legend: { top: 0 },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v) => (typeof v === "number" ? format.euros(v) : String(v ?? "")),
    },
    xAxis: { type: "category", data: data.map((d) => String(d.year)) },
    yAxis: [
      { type: "value", axisLabel: { formatter: (v: number) => format.compactEuros(v) } },
      {
        type: "value",
        min: 0,
        max: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => percent.format(v) },
      },
    ],
    series: [
      { name: labels.dues, type: "bar", stack: "money", data: data.map((d) => d.duesCents / 100) },
      { name: labels.grants, type: "bar", stack: "money", data: data.map((d) => d.grantsCents / 100) },
      {
        name: labels.privateShare,
        type: "line",
        yAxisIndex: 1,
        data: data.map((d) => d.privateShare),
        tooltip: { valueFormatter: (v) => (typeof v === "number" ? percent.format(v) : "—") },
      },
    ],
  };
}

/** One year's money by source: the dues, then each funder's share of the year. */
export function fundingByFunderOption(format: Format, slices: { name: string; euros: number }[]): EChartsOption {
  const percent = new Intl.NumberFormat(format.locale, { style: "percent", maximumFractionDigits: 0 });
  return {
    // Dues in teal and grants in violet, as on the funding-mix bars.
    color: [palette[1], palette[0], palette[2], palette[3], palette[4], palette[5]],
    tooltip: {
      trigger: "item",
      valueFormatter: (v) => (typeof v === "number" ? format.euros(v) : String(v ?? "")),
    },
    legend: { bottom: 0, type: "scroll" },
    series: [
      {
        type: "pie",
        radius: ["40%", "68%"],
        center: ["50%", "45%"],
        label: { formatter: (p) => percent.format(((p as { percent?: number }).percent ?? 0) / 100) },
        data: slices.map((s) => ({ name: s.name, value: s.euros })),
      },
    ],
  };
}

/** Each funded action: the actual bar (green when met, red when not) beside its target. */
export function targetsOption(
  format: Format,
  targets: Target[],
  labels: { target: string; actual: string },
): EChartsOption {
  const shown = targets.filter((t) => !t.pending);
  return {
    ...base(format),
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.actual, labels.target] },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    yAxis: {
      type: "category",
      inverse: true,
      data: shown.map((t) => t.title),
      axisLabel: { width: 200, overflow: "truncate" },
    },
    xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => format.number(v) } },
    series: [
      {
        name: labels.actual,
        type: "bar",
        // The legend's swatch; each bar is coloured by whether its target is met.
        itemStyle: { color: "#12b886" },
        data: shown.map((t) => ({ value: t.actual, itemStyle: { color: t.met ? "#12b886" : "#fa5252" } })),
      },
      { name: labels.target, type: "bar", data: shown.map((t) => t.target), itemStyle: { color: "#ced4da" } },
    ],
  };
}

import type { EChartsOption } from "echarts";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
// The ESM build: the CommonJS one (lib/) reaches the bundle as { default } and React cannot render it.
import ReactEChartsCore from "echarts-for-react/esm/core";

// Only the chart types the dashboard draws are bundled (the full echarts build is ~1 MB).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

/** One ECharts chart, drawn in SVG (crisp, and readable by the e2e), resizing with its box. */
export function EChart({ option, height = 260, testId }: { option: EChartsOption; height?: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </div>
  );
}

/** The palette of the app's theme (Mantine violet / teal / orange / gray). */
export const palette = ["#7950f2", "#12b886", "#fd7e14", "#228be6", "#e64980", "#868e96"];

import { useEffect, useRef } from 'react';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { format, formatDate, formatDecimal } from '../../i18n/format.ts';
import type { GrowthChartData } from './growthChart.ts';

// Only what a growth chart draws: lines on a grid, with a tooltip and a legend (the bundle stays small).
use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** WHO chart colours: the median green, ±2 SD red/orange, ±3 SD black. */
const lineColour: Record<number, string> = {
  [-3]: '#1f2937',
  [-2]: '#dc2626',
  0: '#16a34a',
  2: '#dc2626',
  3: '#1f2937',
};
const childColour = '#0b5cad';

/**
 * The child's points over the WHO reference lines. ECharts draws on a canvas, so the container carries what a test
 * or a screen reader can read: `data-points` (the child's points drawn) and a label naming the chart.
 */
export default function GrowthChart({
  data,
  childName,
  yUnit,
  label,
}: {
  data: GrowthChartData;
  childName: string;
  yUnit: string;
  label: string;
}) {
  const { t, language } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!container.current) return undefined;
    const instance = init(container.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const sdName = (sd: number) =>
      sd === 0 ? t.ecd.chart.median : `${sd > 0 ? '+' : '−'}${Math.abs(sd)} SD`;
    const number = (value: number) => formatDecimal(value, language, 1);
    const byKey = new Map(data.points.map((p) => [`${p.x}/${p.y}`, p]));
    const option: ChartOption = {
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: 72, containLabel: false },
      legend: { bottom: 0, type: 'scroll' },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const value = item?.value as [number, number] | undefined;
          if (!item || !value) return '';
          const point = byKey.get(`${value[0]}/${value[1]}`);
          const x =
            data.xAxis === 'months'
              ? format(t.ecd.chart.monthsValue, { months: number(value[0]) })
              : `${number(value[0])} cm`;
          const head = point ? `${formatDate(point.measuredOn)} · ${x}` : `${item.seriesName ?? ''} · ${x}`;
          return `${head}<br/>${number(value[1])} ${yUnit}`;
        },
      },
      xAxis: {
        type: 'value',
        min: data.xMin,
        max: data.xMax,
        interval: data.xAxis === 'months' ? (data.xMax > 60 ? 12 : data.xMax > 24 ? 6 : 3) : 5,
        name: data.xAxis === 'months' ? t.ecd.chart.ageMonths : t.ecd.chart.lengthCm,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (value: number) => number(value).replace(/[.,]0$/, '') },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: yUnit,
        axisLabel: { formatter: (value: number) => number(value).replace(/[.,]0$/, '') },
      },
      series: [
        ...data.lines.map((line): LineSeriesOption => ({
          type: 'line',
          name: sdName(line.sd),
          data: line.points.map((p) => [p[0], p[1]]),
          showSymbol: false,
          silent: true,
          lineStyle: {
            color: lineColour[line.sd],
            width: line.sd === 0 ? 2 : 1.2,
            type: Math.abs(line.sd) === 3 ? 'dashed' : 'solid',
          },
          itemStyle: { color: lineColour[line.sd] },
          z: 1,
        })),
        {
          type: 'line',
          name: childName,
          data: data.points.map((p) => [p.x, p.y]),
          symbol: 'circle',
          symbolSize: 8,
          lineStyle: { color: childColour, width: 2 },
          itemStyle: { color: childColour },
          z: 3,
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [data, childName, yUnit, t, language]);

  return (
    <div
      ref={container}
      className="growth-chart"
      role="img"
      aria-label={label}
      data-testid="growth-chart"
      data-kind={data.kind}
      data-points={data.points.length}
    />
  );
}

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
import { periodLabel, type IndicatorTrend, type IndicatorUnit } from '@treem/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatIndicatorValue } from './indicatorFormat.ts';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/**
 * The value over the last periods against the plan's target for each. A canvas: the container carries the
 * figures as text for tests and screen readers (`aria-label`, `data-values`).
 */
export default function TrendChart({ trend, unit }: { trend: IndicatorTrend; unit: IndicatorUnit }) {
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

  const labels = trend.points.map((point) => periodLabel(point.period, language));
  useEffect(() => {
    const option: ChartOption = {
      animation: false,
      grid: { left: 56, right: 16, top: 24, bottom: 56 },
      legend: { bottom: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) =>
          formatIndicatorValue(typeof value === 'number' ? value : null, unit, language),
      },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'line',
          name: t.indicators.page.trendValue,
          data: trend.points.map((point) => point.cell.value),
          symbol: 'circle',
          symbolSize: 8,
          connectNulls: false,
          lineStyle: { color: '#0b5cad', width: 2 },
          itemStyle: { color: '#0b5cad' },
        },
        {
          type: 'line',
          name: t.indicators.page.trendTarget,
          data: trend.points.map((point) => point.target?.value ?? null),
          symbol: 'none',
          lineStyle: { color: '#dc2626', type: 'dashed' },
          itemStyle: { color: '#dc2626' },
        },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [trend, unit, labels, t, language]);

  const text = trend.points
    .map((point, index) => `${labels[index]}: ${formatIndicatorValue(point.cell.value, unit, language)}`)
    .join('; ');
  return (
    <div
      ref={container}
      className="indicator-trend"
      role="img"
      aria-label={`${t.indicators.page.trend}. ${text}`}
    />
  );
}

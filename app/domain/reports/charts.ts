/**
 * Chart geometry (pure): where each bar and square goes, in a fixed coordinate space. The page
 * draws it as SVG in the DOM, the PDF with @react-pdf's SVG primitives; both from the same
 * numbers, so they always agree. Every chart on the page is followed by its data as a table.
 * (We draw these few simple charts ourselves: see docs/decisions/042-charts-drawn-as-own-svg.md.)
 */

export const CHART_COLOURS = {
  bar: "#0b5d3b",
  previous: "#6b7280",
  grid: "#d1d5db",
  text: "#1a1a1a",
  muted: "#4a4a4a",
  closed: "#ffffff",
  closedMark: "#9ca3af",
};

export interface BarItem {
  label: string;
  /** fraction; null = nothing to show */
  value: number | null;
  previous: number | null;
  valueText: string;
}

export interface HorizontalBars {
  width: number;
  height: number;
  labelWidth: number;
  plotWidth: number;
  /** x of 0%, 50% and 100% gridlines */
  grid: { x: number; label: string }[];
  rows: {
    label: string;
    valueText: string;
    y: number;
    barY: number;
    barHeight: number;
    barWidth: number;
    previousY: number;
    previousWidth: number | null;
  }[];
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));

/** One bar per item (this period), with a thin bar for a year earlier under it. */
export function horizontalBars(items: BarItem[], width = 640): HorizontalBars {
  const labelWidth = 170;
  const valueWidth = 56;
  const plotWidth = width - labelWidth - valueWidth;
  const rowHeight = 34;
  const top = 24;
  const rows = items.map((item, index) => {
    const y = top + index * rowHeight;
    return {
      label: item.label,
      valueText: item.valueText,
      y,
      barY: y + 4,
      barHeight: 16,
      barWidth: clamp(item.value ?? 0) * plotWidth,
      previousY: y + 22,
      previousWidth: item.previous === null ? null : clamp(item.previous) * plotWidth,
    };
  });
  return {
    width,
    height: top + items.length * rowHeight + 6,
    labelWidth,
    plotWidth,
    grid: [0, 0.5, 1].map((fraction) => ({ x: labelWidth + fraction * plotWidth, label: `${fraction * 100}%` })),
    rows,
  };
}

export interface ColumnBars {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  left: number;
  grid: { y: number; label: string }[];
  columns: {
    label: string;
    x: number;
    width: number;
    y: number;
    height: number;
    previousX: number;
    previousY: number | null;
    previousHeight: number;
    labelX: number;
  }[];
}

/** Vertical bars (e.g. per month), with a narrower bar for a year earlier beside each. */
export function columnBars(items: BarItem[], width = 640, height = 240): ColumnBars {
  const left = 44;
  const right = 8;
  const plotTop = 12;
  const plotBottom = height - 28;
  const plotHeight = plotBottom - plotTop;
  const slot = (width - left - right) / Math.max(items.length, 1);
  const barWidth = Math.min(28, slot * 0.5);
  const previousWidth = Math.min(12, slot * 0.22);
  return {
    width,
    height,
    plotTop,
    plotBottom,
    left,
    grid: [0, 0.25, 0.5, 0.75, 1].map((fraction) => ({
      y: plotBottom - fraction * plotHeight,
      label: `${fraction * 100}%`,
    })),
    columns: items.map((item, index) => {
      const x = left + index * slot + (slot - barWidth - previousWidth - 2) / 2;
      const value = clamp(item.value ?? 0) * plotHeight;
      const previous = item.previous === null ? null : clamp(item.previous) * plotHeight;
      return {
        label: item.label,
        x,
        width: barWidth,
        y: plotBottom - value,
        height: value,
        previousX: x + barWidth + 2,
        previousY: previous === null ? null : plotBottom - previous,
        previousHeight: previous ?? 0,
        labelX: left + index * slot + slot / 2,
      };
    }),
  };
}

export interface HeatInput {
  weekday: number;
  hour: number;
  availableHours: number;
  bookedHours: number;
  occupancy: number | null;
}

export interface HeatGrid {
  width: number;
  height: number;
  left: number;
  top: number;
  cell: number;
  hours: { hour: number; x: number }[];
  weekdays: { weekday: number; y: number }[];
  cells: {
    weekday: number;
    hour: number;
    x: number;
    y: number;
    fill: string;
    closed: boolean;
    occupancy: number | null;
  }[];
}

/** A colour from light (free) to dark green (full). */
function heatColour(occupancy: number): string {
  const from = [0xf3, 0xfa, 0xf6];
  const to = [0x08, 0x47, 0x2d];
  const t = clamp(occupancy);
  const channel = (index: number) =>
    Math.round(from[index]! + (to[index]! - from[index]!) * t)
      .toString(16)
      .padStart(2, "0");
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** Weekdays down, hours across; a closed hour (no opening time) is white with a dash. */
export function heatGrid(cells: HeatInput[], width = 640): HeatGrid {
  const hours = [...new Set(cells.map((cell) => cell.hour))].sort((a, b) => a - b);
  const left = 40;
  const top = 22;
  const cell = Math.min(36, Math.floor((width - left - 4) / Math.max(hours.length, 1)));
  const x = (hour: number) => left + hours.indexOf(hour) * cell;
  const y = (weekday: number) => top + (weekday - 1) * cell;
  return {
    width: left + hours.length * cell + 4,
    height: top + 7 * cell + 4,
    left,
    top,
    cell,
    hours: hours.map((hour) => ({ hour, x: x(hour) + cell / 2 })),
    weekdays: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, y: y(weekday) + cell / 2 })),
    cells: cells
      .filter((input) => hours.includes(input.hour))
      .map((input) => {
        const closed = input.availableHours <= 0;
        return {
          weekday: input.weekday,
          hour: input.hour,
          x: x(input.hour),
          y: y(input.weekday),
          fill: closed ? CHART_COLOURS.closed : heatColour(input.occupancy ?? 0),
          closed,
          occupancy: input.occupancy,
        };
      }),
  };
}

/**
 * The course of withdrawal as a small inline SVG: each day's highest total (0–48) over the days shown. No chart
 * library: one line over at most a few weeks needs a few dozen SVG nodes, and nothing is added to any bundle.
 * The SVG is one labelled image for screen readers; the table beside it (CourseTable) holds the same numbers.
 */
import { TOTAL_MAX, type WithdrawalDay } from "@cairn/core";

const WIDTH = 320;
const HEIGHT = 160;
const PAD = { left: 28, right: 10, top: 10, bottom: 22 };
const GRID = [0, 12, 24, 36, 48];

export function CourseChart({ days, label }: { days: readonly WithdrawalDay[]; label: string }) {
  const lastDay = days.at(-1)?.dayNumber ?? 1;
  const span = Math.max(lastDay - 1, 1);
  const x = (dayNumber: number) =>
    days.length === 1
      ? (PAD.left + WIDTH - PAD.right) / 2
      : PAD.left + ((dayNumber - 1) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (total: number) => PAD.top + (1 - total / TOTAL_MAX) * (HEIGHT - PAD.top - PAD.bottom);
  const points = days.map((d) => `${x(d.dayNumber).toFixed(1)},${y(d.highest).toFixed(1)}`).join(" ");

  return (
    <svg className="course-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {GRID.map((value) => (
        <g key={value} className="course-chart__grid">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} />
          <text x={PAD.left - 6} y={y(value) + 4} textAnchor="end">
            {value}
          </text>
        </g>
      ))}
      {days.length > 1 ? <polyline className="course-chart__line" points={points} /> : null}
      {days.map((d) => (
        <circle key={d.date} className="course-chart__point" cx={x(d.dayNumber)} cy={y(d.highest)} r={4} />
      ))}
      {days.map((d) => (
        <text
          key={d.date}
          className="course-chart__day"
          x={x(d.dayNumber)}
          y={HEIGHT - 6}
          textAnchor="middle"
        >
          {d.dayNumber}
        </text>
      ))}
    </svg>
  );
}

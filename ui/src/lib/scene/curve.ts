// Geometry of the emotion curve: points per stage and a smooth path through them.

import { DOMAIN } from "../ipc/types";
import type { EmotionState, JourneyMap } from "../ipc/types";

export interface CurvePoint {
  x: number;
  y: number;
  score: number;
  note: string | null;
  stageId: string;
  stageName: string;
}

export const SCORE_MIN = DOMAIN.limits.emotion_min;
export const SCORE_MAX = DOMAIN.limits.emotion_max;

/** The y of a score in a chart `height` tall with `pad` above and below. */
export function scoreY(score: number, height: number, pad: number): number {
  const fraction = (SCORE_MAX - score) / (SCORE_MAX - SCORE_MIN);
  return pad + fraction * (height - 2 * pad);
}

/** The whole score nearest to `y`, within −2…+2: where a dragged point snaps. */
export function scoreAt(y: number, height: number, pad: number): number {
  const fraction = (y - pad) / (height - 2 * pad);
  const score = Math.round(SCORE_MAX - fraction * (SCORE_MAX - SCORE_MIN));
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, score));
}

/** The x of each stage column's centre, given the columns' widths. */
export function columnCentres(widths: number[]): number[] {
  let left = 0;
  return widths.map((width) => {
    const centre = left + width / 2;
    left += width;
    return centre;
  });
}

/** One persona's points for one state, left to right, at the centre of each stage column. */
export function curvePoints(
  map: JourneyMap,
  personaId: string,
  state: EmotionState,
  centres: number[],
  height: number,
  pad: number,
): CurvePoint[] {
  const points: CurvePoint[] = [];
  map.stages.forEach((stage, index) => {
    const emotion = map.emotions.find(
      (e) => e.persona_id === personaId && e.stage_id === stage.id && e.state === state,
    );
    if (!emotion) return;
    points.push({
      x: centres[index] ?? 0,
      y: scoreY(emotion.score, height, pad),
      score: emotion.score,
      note: emotion.note,
      stageId: stage.id,
      stageName: stage.name,
    });
  });
  return points;
}

/**
 * A smooth SVG path through the points that never overshoots them (monotone cubic,
 * Fritsch–Butland tangents): a score between −2 and +2 is never drawn past −2 or +2.
 */
export function smoothPath(points: { x: number; y: number }[]): string {
  if (points.length === 0) return "";
  const n = points.length;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    slopes.push((points[i + 1]!.y - points[i]!.y) / (points[i + 1]!.x - points[i]!.x));
  }
  const tangents = points.map((_, i) => {
    if (i === 0) return slopes[0] ?? 0;
    if (i === n - 1) return slopes[n - 2]!;
    const before = slopes[i - 1]!;
    const after = slopes[i]!;
    if (before * after <= 0) return 0;
    const dxBefore = points[i]!.x - points[i - 1]!.x;
    const dxAfter = points[i + 1]!.x - points[i]!.x;
    return (
      (3 * (dxBefore + dxAfter)) /
      ((2 * dxAfter + dxBefore) / before + (dxAfter + 2 * dxBefore) / after)
    );
  });
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 0; i < n - 1; i++) {
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const third = (p2.x - p1.x) / 3;
    path += ` C ${p1.x + third} ${p1.y + tangents[i]! * third}, ${p2.x - third} ${p2.y - tangents[i + 1]! * third}, ${p2.x} ${p2.y}`;
  }
  return path;
}

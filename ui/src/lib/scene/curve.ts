// Geometry of the emotion curve: points per stage and a smooth path through them.

import type { EmotionState, JourneyMap } from "../ipc/types";

export interface CurvePoint {
  x: number;
  y: number;
  score: number;
  note: string | null;
  stageName: string;
}

export const SCORE_MIN = -2;
export const SCORE_MAX = 2;

/** The y of a score in a chart `height` tall with `pad` above and below. */
export function scoreY(score: number, height: number, pad: number): number {
  const fraction = (SCORE_MAX - score) / (SCORE_MAX - SCORE_MIN);
  return pad + fraction * (height - 2 * pad);
}

/** One persona's points for one state, left to right, at the centre of each stage column. */
export function curvePoints(
  map: JourneyMap,
  personaId: string,
  state: EmotionState,
  stageWidth: number,
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
      x: index * stageWidth + stageWidth / 2,
      y: scoreY(emotion.score, height, pad),
      score: emotion.score,
      note: emotion.note,
      stageName: stage.name,
    });
  });
  return points;
}

/** A smooth SVG path through the points (Catmull-Rom turned into cubic Béziers). */
export function smoothPath(points: { x: number; y: number }[]): string {
  if (points.length === 0) return "";
  const [first] = points;
  let path = `M ${first!.x} ${first!.y}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[i + 2] ?? p2;
    const c1x = p1.x + (p2.x - p0.x) / 6;
    const c1y = p1.y + (p2.y - p0.y) / 6;
    const c2x = p2.x - (p3.x - p1.x) / 6;
    const c2y = p2.y - (p3.y - p1.y) / 6;
    path += ` C ${c1x} ${c1y}, ${c2x} ${c2y}, ${p2.x} ${p2.y}`;
  }
  return path;
}

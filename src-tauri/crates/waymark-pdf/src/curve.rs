//! The emotion curve's shape: a monotone cubic through the points (it never overshoots a
//! score), flattened into short straight segments for drawing.

/// Points along a smooth curve through `points` (sorted by x), `steps` segments between each
/// pair. Same tangents as the editor's curve, so paper and screen match.
pub fn monotone_points(points: &[(f32, f32)], steps: usize) -> Vec<(f32, f32)> {
    let n = points.len();
    if n < 2 {
        return points.to_vec();
    }
    let slopes: Vec<f32> = points
        .windows(2)
        .map(|w| (w[1].1 - w[0].1) / (w[1].0 - w[0].0))
        .collect();
    let tangents: Vec<f32> = (0..n)
        .map(|i| {
            if i == 0 {
                return slopes[0];
            }
            if i == n - 1 {
                return slopes[n - 2];
            }
            let (before, after) = (slopes[i - 1], slopes[i]);
            if before * after <= 0.0 {
                return 0.0;
            }
            let dx_before = points[i].0 - points[i - 1].0;
            let dx_after = points[i + 1].0 - points[i].0;
            3.0 * (dx_before + dx_after)
                / ((2.0 * dx_after + dx_before) / before + (dx_after + 2.0 * dx_before) / after)
        })
        .collect();
    let mut out = vec![points[0]];
    for i in 0..n - 1 {
        let (x0, y0) = points[i];
        let (x1, y1) = points[i + 1];
        let h = x1 - x0;
        for step in 1..=steps {
            let t = step as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let y = (2.0 * t3 - 3.0 * t2 + 1.0) * y0
                + (t3 - 2.0 * t2 + t) * h * tangents[i]
                + (-2.0 * t3 + 3.0 * t2) * y1
                + (t3 - t2) * h * tangents[i + 1];
            out.push((x0 + t * h, y));
        }
    }
    out
}

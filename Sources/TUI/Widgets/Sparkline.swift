/// A series as one line of level glyphs, scaled between `range` (or the data's own extremes);
/// a missing value is a space.
public enum Sparkline {
    public static func text(_ values: [Double?], range: ClosedRange<Double>? = nil, glyphs: Glyphs) -> String {
        let present = values.compactMap { $0 }
        guard let low = range?.lowerBound ?? present.min(), let high = range?.upperBound ?? present.max() else {
            return String(repeating: " ", count: values.count)
        }
        let levels = glyphs.levels
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard high > low else { return levels[levels.count / 2] }
            let position = (min(high, max(low, value)) - low) / (high - low)
            return levels[min(levels.count - 1, Int(position * Double(levels.count - 1) + 0.5))]
        })
    }
}

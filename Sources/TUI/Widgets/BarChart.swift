import Foundation

/// Labelled horizontal bars scaled to the largest value, each followed by its count and share:
/// rating distributions, top tags, score histograms.
public struct BarChart: Sendable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Int

        public init(_ label: String, _ value: Int) {
            self.label = label
            self.value = value
        }
    }

    public var bars: [Bar]
    public var showShare: Bool

    public init(_ bars: [Bar], showShare: Bool = true) {
        self.bars = bars
        self.showShare = showShare
    }

    /// One line per bar, as many as fit in `height`.
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, glyphs: Glyphs,
                     style: StyleRole = .accent) {
        let total = bars.reduce(0) { $0 + $1.value }
        let largest = max(1, bars.map(\.value).max() ?? 1)
        let labelWidth = min(width / 3, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let figures = bars.map { bar -> String in
            guard showShare else { return " \(bar.value)" }
            let share = total > 0 ? Double(bar.value) / Double(total) * 100 : 0
            return String(format: " %d (%.0f%%)", bar.value, share)
        }
        let figureWidth = figures.map(\.count).max() ?? 0
        let barWidth = max(1, width - labelWidth - 1 - figureWidth)
        for (index, bar) in bars.prefix(max(0, height)).enumerated() {
            buffer.write(DisplayWidth.pad(bar.label, labelWidth), x: x, y: y + index, style: .normal)
            let filled = ProgressBar.text(Double(bar.value) / Double(largest), width: barWidth, glyphs: glyphs)
                .replacingOccurrences(of: String(glyphs.empty), with: " ")
            buffer.write(filled, x: x + labelWidth + 1, y: y + index, style: style)
            buffer.write(figures[index], x: x + labelWidth + 1 + barWidth, y: y + index, style: .muted)
        }
    }
}

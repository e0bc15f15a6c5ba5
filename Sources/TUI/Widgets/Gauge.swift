import Foundation

/// A labelled fraction: "Response rate  ███████░░░  68% (102/150)".
public enum Gauge {
    public static func draw(label: String, part: Int, whole: Int, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int,
                            glyphs: Glyphs) {
        let fraction = whole > 0 ? Double(part) / Double(whole) : 0
        let used = buffer.write(label + "  ", x: x, y: y, style: .header)
        let figures = " (\(part)/\(whole))"
        ProgressBar.draw(fraction, into: &buffer, x: x + used, y: y, width: max(6, width - used - figures.count), glyphs: glyphs,
                         style: fraction >= 0.5 ? .success : .warning)
        buffer.write(figures, x: x + used + max(6, width - used - figures.count), y: y, style: .muted)
    }
}

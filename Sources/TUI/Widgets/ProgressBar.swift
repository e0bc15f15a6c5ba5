/// A horizontal bar for a fraction 0…1, smooth to an eighth of a cell where the glyphs allow.
public enum ProgressBar {
    public static func text(_ fraction: Double, width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(width * 8)).rounded())
        var bar = String(repeating: glyphs.full, count: eighths / 8)
        let remainder = eighths % 8
        if remainder > 0 && bar.count < width {
            bar.append(glyphs.partial.isEmpty ? glyphs.empty : glyphs.partial[remainder - 1])
        }
        return bar + String(repeating: glyphs.empty, count: width - bar.count)
    }

    /// The bar with its percentage after it: "████░░░░  50%".
    public static func draw(_ fraction: Double, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, glyphs: Glyphs,
                            style: StyleRole = .accent) {
        let label = String(format: " %3d%%", Int((min(1, max(0, fraction.isFinite ? fraction : 0)) * 100).rounded(.down)))
        let barWidth = max(0, width - label.count)
        buffer.write(text(fraction, width: barWidth, glyphs: glyphs), x: x, y: y, style: style)
        buffer.write(label, x: x + barWidth, y: y, style: .normal)
    }
}

/// A terminal that exists only in memory: panes and widgets draw into it exactly as into the real
/// one, and tests compare what it shows with an expected snapshot.
public struct VirtualTerminal {
    public private(set) var buffer: ScreenBuffer

    public init(width: Int, height: Int) {
        buffer = ScreenBuffer(width: width, height: height)
    }

    public mutating func draw(_ body: (inout ScreenBuffer) -> Void) {
        buffer.clear()
        body(&buffer)
    }

    /// The screen as text, one line per row, trailing spaces trimmed.
    public var text: String { buffer.lines.joined(separator: "\n") }

    /// Nil when the screen shows `expected` exactly; otherwise a readable line-by-line diff.
    public func mismatch(_ expected: String) -> String? {
        let actual = buffer.lines
        var wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while wanted.count < actual.count { wanted.append("") }
        var report: [String] = []
        for (index, line) in actual.enumerated() where line != wanted[index] {
            let number = String(index + 1)
            let label = String(repeating: " ", count: max(0, 3 - number.count)) + number
            report.append("\(label) - \(wanted[index])")
            report.append("\(label) + \(line)")
        }
        if wanted.count > actual.count { report.append("expected \(wanted.count) lines, the screen has \(actual.count)") }
        return report.isEmpty ? nil : "screen differs (- expected, + shown):\n" + report.joined(separator: "\n")
    }
}

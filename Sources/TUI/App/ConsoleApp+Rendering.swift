import Foundation

/// How the console looks: header, tabs, the pane, status, footer, help and dialogs, drawn into a
/// buffer for a terminal of a given size.
extension ConsoleApp {
    /// The whole screen for a terminal of this size.
    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let message = "terminal too small (need \(Self.minimumWidth)×\(Self.minimumHeight))"
            buffer.write(DisplayWidth.fit(message, width), x: max(0, (width - DisplayWidth.of(message)) / 2), y: height / 2, style: .warning)
            return buffer
        }
        if let signIn {
            signIn.draw(into: &buffer)
            return buffer
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        let time = formatter.string(from: clock())
        buffer.fill(x: 0, y: 0, width: width, height: 1, style: .title)
        let semester = session?.currentSemester.map { " · semester: \($0.name) (\($0.status.rawValue))" } ?? ""
        buffer.write(DisplayWidth.fit(header + semester, width - 8), x: 1, y: 0, style: .title)
        buffer.write(time, x: width - 6, y: 0, style: .title)
        var x = 1
        tabRanges = []
        for (index, pane) in panes.enumerated() {
            let label = " \(index + 1) \(pane.title) "
            let used = buffer.write(label, x: x, y: 1, style: index == current ? .selected : .muted)
            tabRanges.append(x..<(x + used))
            x += used + 1
        }
        if !panes.isEmpty {
            panes[current].draw(into: &buffer, x: 1, y: 3, width: width - 2, height: height - 6, focused: !showingHelp && dialog == nil)
        }
        let line = filterInput.map { "/" + $0 + "▏" } ?? status
        buffer.write(DisplayWidth.fit(line, width - 2), x: 1, y: height - 2, style: filterInput == nil ? .accent : .key)
        drawFooter(into: &buffer, width: width, y: height - 1)
        if showingHelp { drawHelp(into: &buffer, width: width, height: height) }
        dialog?.draw(into: &buffer)
        return buffer
    }

    /// The pane's own keys first (dimmed when unavailable), then the global ones that fit.
    func drawFooter(into buffer: inout ScreenBuffer, width: Int, y: Int) {
        var x = 1
        let end = width - 1
        let own = panes.isEmpty ? [] : panes[current].actions.filter(\.inFooter)
        for action in own {
            let hint = "\(action.key) \(action.help)"
            guard x + DisplayWidth.of(hint) <= end else { return }
            x += buffer.write(hint, x: x, y: y, style: action.unavailable == nil ? .key : .disabled) + 2
        }
        buffer.write(keyMap.footer(width: max(0, end - x)), x: x, y: y, style: .muted)
    }

    func drawHelp(into buffer: inout ScreenBuffer, width: Int, height: Int) {
        // The way out goes first, so it shows even when a short terminal cuts the list.
        var lines = ["Keys (Esc or ? to close)"] + keyMap.helpLines
        if !panes.isEmpty, !panes[current].actions.isEmpty {
            let actions = panes[current].actions
            let labelWidth = max(keyMap.labelWidth, actions.map { DisplayWidth.of($0.key.description) }.max() ?? 0)
            lines.append("")
            lines.append("\(panes[current].title) pane:")
            lines += actions.map { action in
                DisplayWidth.pad(action.key.description, labelWidth) + "  " + action.help
                    + (action.unavailable.map { " (unavailable: \($0))" } ?? "")
            }
        }
        let boxWidth = min(width - 4, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let boxHeight = min(height - 2, lines.count + 2)
        let left = (width - boxWidth) / 2, top = (height - boxHeight) / 2
        buffer.fill(x: left, y: top, width: boxWidth, height: boxHeight, style: .header)
        for (index, line) in lines.prefix(boxHeight - 2).enumerated() {
            buffer.write(DisplayWidth.fit(line, boxWidth - 4), x: left + 2, y: top + 1 + index, style: index == 0 ? .title : .header)
        }
    }
}

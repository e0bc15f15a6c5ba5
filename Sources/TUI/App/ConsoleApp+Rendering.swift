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
        // The way out first, then this pane's own keys (what the reader most likely came for), then
        // the keys that work everywhere, in as many columns as the terminal's height needs.
        var own: [String] = []
        if !panes.isEmpty, !panes[current].actions.isEmpty {
            let actions = panes[current].actions
            let labelWidth = max(keyMap.labelWidth, actions.map { DisplayWidth.of($0.key.description) }.max() ?? 0)
            own.append("\(panes[current].title) pane:")
            own += actions.map { action in
                DisplayWidth.pad(action.key.description, labelWidth) + "  " + action.help
                    + (action.unavailable.map { " (unavailable: \($0))" } ?? "")
            }
            own += ["", "Everywhere:"]
        }
        let title = "Keys (Esc or ? to close)"
        let global = keyMap.helpLines
        let rowsForGlobal = max(1, height - 5 - own.count)
        let columnCount = min(3, (global.count + rowsForGlobal - 1) / rowsForGlobal)
        let perColumn = (global.count + columnCount - 1) / columnCount
        let columns = (0..<columnCount).map { Array(global.dropFirst($0 * perColumn).prefix(perColumn)) }
        let columnWidth = global.map(DisplayWidth.of).max() ?? 0
        let contentWidth = max(DisplayWidth.of(title), own.map(DisplayWidth.of).max() ?? 0, columnCount * columnWidth + 3 * (columnCount - 1))
        let boxWidth = min(width - 4, contentWidth + 4)
        let boxHeight = min(height - 2, 3 + own.count + perColumn)
        let left = (width - boxWidth) / 2, top = (height - boxHeight) / 2
        let inner = boxWidth - 4, bottom = top + boxHeight - 1
        buffer.fill(x: left, y: top, width: boxWidth, height: boxHeight, style: .header)
        buffer.write(DisplayWidth.fit(title, inner), x: left + 2, y: top + 1, style: .title)
        for (index, line) in own.enumerated() where top + 2 + index < bottom {
            buffer.write(DisplayWidth.fit(line, inner), x: left + 2, y: top + 2 + index, style: .header)
        }
        for (column, entries) in columns.enumerated() {
            let x = left + 2 + column * (columnWidth + 3)
            for (index, line) in entries.enumerated() where top + 2 + own.count + index < bottom {
                buffer.write(DisplayWidth.fit(line, max(0, left + boxWidth - 2 - x)), x: x, y: top + 2 + own.count + index, style: .header)
            }
        }
    }
}

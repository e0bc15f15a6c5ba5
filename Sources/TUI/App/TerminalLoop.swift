/// Runs the console on the real terminal until the user quits: keys are read with a short
/// timeout, so the clock and background news keep the screen current without busy-waiting.
public enum TerminalLoop {
    public static func run(_ app: ConsoleApp) {
        let terminal = Terminal()
        defer { terminal.close() }
        var lastFrame: ScreenBuffer?
        while !app.finished {
            if terminal.sizeChanged() { lastFrame = nil }
            let frame = app.render(width: terminal.width, height: terminal.height)
            if frame != lastFrame {
                terminal.draw(frame)
                lastFrame = frame
            }
            guard let key = terminal.readKey() else { continue }
            if key == .resize {
                _ = terminal.sizeChanged()
                lastFrame = nil
            } else {
                app.handle(key, height: terminal.height)
            }
        }
    }
}

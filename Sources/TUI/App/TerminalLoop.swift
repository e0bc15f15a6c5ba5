/// Runs the console on the real terminal until the user quits: keys are read with a short
/// timeout, so background news (a job's progress, the clock) reaches the screen within a tenth
/// of a second, and an idle console sleeps in the key read instead of spinning.
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
            guard let key = terminal.readKey() else {
                app.tick()
                continue
            }
            if key == .resize {
                _ = terminal.sizeChanged()
                lastFrame = nil
            } else {
                app.handle(key, height: terminal.height)
            }
            app.tick()
        }
    }
}

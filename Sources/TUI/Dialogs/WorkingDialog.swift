import Domain
import Foundation

/// Work too long to do between two key presses (reading and checking a 100,000-row file,
/// importing it) runs on a thread of its own with its own store, while this dialog shows that it
/// is working; the console keeps drawing. When the work ends, `finish` turns its result into what
/// happens next (a preview, a status line). The work cannot be abandoned halfway — an import is
/// one transaction — so Esc is answered with a note, not a cancel.
public final class WorkingDialog<Value: Sendable>: Dialog, WorkingIndicator {
    public let title: String
    public let message: String
    public private(set) var note: String?
    private let inbox = Inbox<Result<Value, WorkFailure>>()
    private let finish: (Result<Value, WorkFailure>) -> PaneOutcome
    private let started: Date
    private var now: Date
    private let glyphs: Glyphs

    public init(title: String, message: String, glyphs: Glyphs, factory: any StoreFactory,
                work: @escaping @Sendable (any Store) throws -> Value, finish: @escaping (Result<Value, WorkFailure>) -> PaneOutcome) {
        self.title = title
        self.message = message
        self.glyphs = glyphs
        self.finish = finish
        started = Date()
        now = started
        let inbox = self.inbox
        let thread = Thread {
            do {
                inbox.post(.success(try work(try factory.makeStore())))
            } catch {
                inbox.post(.failure(WorkFailure(description: String(describing: error))))
            }
        }
        thread.name = "console-work"
        thread.stackSize = 8 << 20
        thread.start()
    }

    public func tick(now: Date) -> DialogOutcome? {
        self.now = now
        guard let result = inbox.drain().first else { return nil }
        return .close(finish(result))
    }

    public func handle(_ key: Key) -> DialogOutcome {
        if key == .escape { note = "This cannot be stopped halfway; it ends in a moment, all or nothing." }
        return .keep
    }

    public func draw(into buffer: inout ScreenBuffer) {
        let inside = DialogFrame.draw(title, width: 64, height: 7, into: &buffer, glyphs: glyphs)
        let spinner = glyphs.spinner[Int(now.timeIntervalSinceReferenceDate * 10) % glyphs.spinner.count]
        buffer.write(DisplayWidth.fit("\(spinner) \(message)", inside.width), x: inside.x, y: inside.y + 1, style: .accent)
        buffer.write(String(format: "%.1f s", max(0, now.timeIntervalSince(started))), x: inside.x + 2, y: inside.y + 2, style: .muted)
        if let note { buffer.write(DisplayWidth.fit(note, inside.width), x: inside.x, y: inside.y + 4, style: .warning) }
    }
}

/// Why background work failed, in the words of the error it threw.
public struct WorkFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// A dialog that moves on its own (a spinner, a clock): the console redraws it every tick.
public protocol WorkingIndicator {}

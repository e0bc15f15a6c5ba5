import Foundation

/// Reads a secret from the controlling terminal with echo off. The terminal's settings are put
/// back even when the user presses Ctrl-C at the prompt.
enum SecretPrompt {
    struct Unavailable: Error {}

    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// The line typed at `prompt`, without its newline; nil at end of input.
    static func read(_ prompt: String) throws -> String? {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { throw Unavailable() }
        defer { close(tty) }
        var original = termios()
        guard tcgetattr(tty, &original) == 0 else { throw Unavailable() }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        interruptedTerminal = (tty, original)
        let previousHandler = signal(SIGINT) { signalNumber in
            if var terminal = interruptedTerminal { tcsetattr(terminal.0, TCSAFLUSH, &terminal.1) }
            signal(signalNumber, SIG_DFL)
            raise(signalNumber)
        }
        defer {
            tcsetattr(tty, TCSAFLUSH, &original)
            signal(SIGINT, previousHandler)
            interruptedTerminal = nil
        }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        tcsetattr(tty, TCSAFLUSH, &silent)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        var sawNewline = false
        while Foundation.read(tty, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { sawNewline = true; break }
            bytes.append(byte)
        }
        _ = "\n".withCString { write(tty, $0, 1) }
        if bytes.isEmpty && !sawNewline { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Read by the SIGINT handler, which can capture nothing; only set while a prompt is showing.
nonisolated(unsafe) private var interruptedTerminal: (Int32, termios)?

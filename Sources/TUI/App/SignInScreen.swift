/// The first screen: email and password (masked), Tab between them, Enter to sign in. Refusals —
/// wrong password, lockout, disabled account — are shown as the service words them.
public final class SignInScreen {
    public typealias Attempt = (_ email: String, _ password: String) throws -> ConsoleView

    public private(set) var email = TextField(label: "Email   ")
    public private(set) var password = TextField(label: "Password", masked: true)
    public private(set) var onPassword = false
    public private(set) var message = "Sign in with your staff account."
    private let attempt: Attempt

    public init(prefilledEmail: String? = nil, attempt: @escaping Attempt) {
        self.attempt = attempt
        if let prefilledEmail, !prefilledEmail.isEmpty {
            email = TextField(label: "Email   ", text: prefilledEmail)
            onPassword = true
        }
    }

    /// The signed-in session when this key completed a sign-in.
    public func handle(_ key: Key) -> ConsoleView? {
        switch key {
        case .tab, .backTab, .up, .down:
            onPassword.toggle()
        case .enter:
            guard onPassword else { onPassword = true; return nil }
            do {
                let session = try attempt(email.text, password.text)
                password.clear()
                return session
            } catch {
                password.clear()
                noticeShown = false
                message = String(describing: error)
            }
        default:
            if onPassword { _ = password.handle(key) } else { _ = email.handle(key) }
        }
        return nil
    }

    /// A line shown instead of the greeting (e.g. why the console signed out).
    public func notice(_ text: String) {
        message = text
        noticeShown = true
    }

    private var noticeShown = false

    public func draw(into buffer: inout ScreenBuffer) {
        let width = min(60, buffer.width - 4)
        let left = (buffer.width - width) / 2, top = max(1, buffer.height / 2 - 4)
        buffer.write("Match Console", x: left, y: top, style: .title)
        buffer.write(DisplayWidth.fit(message, width), x: left, y: top + 2, style: message.hasPrefix("Sign in") ? .muted : noticeShown ? .warning : .error)
        email.draw(into: &buffer, x: left, y: top + 4, width: width, focused: !onPassword)
        password.draw(into: &buffer, x: left, y: top + 5, width: width, focused: onPassword)
        buffer.write("Tab switches fields · Enter signs in · Esc quits", x: left, y: top + 7, style: .muted)
    }
}

/// The console's panes in tab order; the key map's `1`–`4` follow this order.
public enum ConsolePanes {
    public static func all(_ session: ConsoleSession) -> [any Pane] {
        [SemestersPane(session: session), ApplicantsPane(session: session), MatchingPane(session: session), FeedbackPane(session: session)]
    }
}

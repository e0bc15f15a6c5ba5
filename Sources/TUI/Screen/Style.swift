/// What a cell means, not how it looks: the theme decides colours, so monochrome terminals and
/// NO_COLOR get bold and reverse for the same roles.
public enum StyleRole: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case title
    case header
    case selected
    case muted
    case accent
    case success
    case warning
    case error
    case disabled
    case key
}
